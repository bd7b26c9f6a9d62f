#pragma once

#include "app/subcommands.h"

#include <iosfwd>

// `bedrock-whatif actuals SCENARIO BILL...`: plan against actual
// (docs/scenario-format.md, "actuals"; docs/cost-model.md §17).
namespace bwi::app {

int runActualsCommand(const Arguments &arguments, std::ostream &out, std::ostream &err);

} // namespace bwi::app
