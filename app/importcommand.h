#pragma once

#include <iosfwd>
#include <string>
#include <vector>

// `bedrock-whatif import KIND FILE...` and `bedrock-whatif reconcile
// SCENARIO BILL` (docs/importing.md).
namespace bwi::app {

// True for the sub-commands this file runs.
bool isImportCommand(const std::vector<std::string> &arguments);

// Runs them; returns the exit status (0 done, 1 invalid input, 2 wrong command line).
int runImportCommand(const std::vector<std::string> &arguments, std::ostream &out,
                     std::ostream &err);

std::string importUsageText();

} // namespace bwi::app
