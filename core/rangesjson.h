#pragma once

#include "commitmentplanner.h"
#include "goalseek.h"
#include "jsonreader.h"
#include "sensitivity.h"

// The command line's JSON for the tornado, goal seek and the commitment plan.
namespace bwi::core {

// {"base_usd", "levers": [{"lever", "low_value", "high_value", "low_usd", "high_usd"}]}
Json tornadoToJson(const Tornado &tornado);
Json goalSeekToJson(const GoalSeekRequest &request, const GoalSeekResult &result);
Json commitmentPlanToJson(const CommitmentPlan &plan);

} // namespace bwi::core
