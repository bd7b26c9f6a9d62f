#pragma once

#include "app/subcommands.h"

#include <iosfwd>

// The range commands: sensitivity (the tornado), goal-seek and plan.
namespace bwi::app {

int runSensitivityCommand(const Arguments &arguments, std::ostream &out, std::ostream &err);
int runGoalSeekCommand(const Arguments &arguments, std::ostream &out, std::ostream &err);
int runPlanCommand(const Arguments &arguments, std::ostream &out, std::ostream &err);

} // namespace bwi::app
