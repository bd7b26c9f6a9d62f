#pragma once

#include "core/common/jsonreader.h"
#include "core/cost/curves.h"
#include "core/cost/evaluation.h"
#include "core/forecast/forecast.h"

#include <string>

// Results in the command line's output forms (docs/scenario-format.md).
namespace bwi::core {

Json evaluationToJson(const Evaluation &evaluation, const std::string &scenarioName,
                      const std::string &rateCardAsOf);
Json forecastToJson(const Forecast &forecast);

std::string volumeCurveCsv(const std::vector<VolumeCurvePoint> &points);
std::string unitsCurveCsv(const UnitsCurve &curve);

} // namespace bwi::core
