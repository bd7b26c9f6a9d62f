#pragma once

#include "core/analysis/planvsactual.h"
#include "core/common/jsonreader.h"

// The JSON `bedrock-whatif actuals --json` prints (docs/scenario-format.md,
// "actuals"). Money in USD per month, gross unless the field says net.
namespace bwi::core {

Json planVsActualToJson(const PlanVsActual &figures, const std::string &scenarioName);

// "model" or "team".
const char *planGroupingName(PlanGrouping by);

} // namespace bwi::core
