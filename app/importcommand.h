#pragma once

#include "app/subcommands.h"

#include <iosfwd>

// `bedrock-whatif import KIND FILE...` and `bedrock-whatif reconcile
// SCENARIO BILL` (docs/importing.md).
namespace bwi::app {

int runImportCommand(const Arguments &arguments, std::ostream &out, std::ostream &err);
int runReconcileCommand(const Arguments &arguments, std::ostream &out, std::ostream &err);

} // namespace bwi::app
