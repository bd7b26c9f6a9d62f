#pragma once

#include "core/analysis/commitmentplanner.h"
#include "core/analysis/goalseek.h"
#include "core/analysis/tornado.h"
#include "core/common/jsonreader.h"

// The command line's JSON for the tornado, goal seek and the commitment plan.
namespace bwi::core {

// {"base_usd", "levers": [{"lever", "low_value", "high_value", "low_usd", "high_usd"}]}
Json tornadoToJson(const Tornado &tornado);
Json goalSeekToJson(const GoalSeekRequest &request, const GoalSeekResult &result);
Json commitmentPlanToJson(const CommitmentPlan &plan);

} // namespace bwi::core
