#pragma once

#include "core/cost/evaluation.h"
#include "core/files/scenariofile.h"
#include "core/forecast/forecast.h"

#include <string>

// The readable (non-JSON) output of evaluate and forecast.
namespace bwi::app {

std::string evaluationTable(const core::Evaluation &evaluation, const core::LoadedScenario &loaded,
                            const std::string &todayIso);
std::string forecastTable(const core::Forecast &forecast, const core::LoadedScenario &loaded);
std::string staleRateCardNotice(const std::string &asOf, const std::string &todayIso);

} // namespace bwi::app
