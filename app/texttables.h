#pragma once

#include "core/analysis/commitmentcalendar.h"
#include "core/cost/evaluation.h"
#include "core/files/scenariofile.h"
#include "core/forecast/forecast.h"

#include <string>
#include <string_view>

// The readable (non-JSON) output of the sub-commands: evaluate's and
// forecast's tables, and the padding every table of the command line uses.
namespace bwi::app {

// Columns a text takes in a terminal: UTF-8 code points, so "→" and "Δ" take one.
std::size_t shownWidth(std::string_view text);
// `text` padded with spaces to `width` columns, on the right or on the left.
std::string padRight(const std::string &text, std::size_t width);
std::string padLeft(const std::string &text, std::size_t width);

std::string evaluationTable(const core::Evaluation &evaluation, const core::LoadedScenario &loaded,
                            const std::string &todayIso);
// `unpricedNote`: core::unpricedNote of month 0, empty when every model is priced.
std::string forecastTable(const core::Forecast &forecast, const core::LoadedScenario &loaded,
                          const std::string &unpricedNote = {});
// The commitment calendar and the next decision (docs/cost-model.md §13.6); empty without
// commitments.
std::string commitmentCalendarTable(const core::CommitmentCalendar &calendar);
std::string staleRateCardNotice(const std::string &asOf, const std::string &todayIso);

} // namespace bwi::app
