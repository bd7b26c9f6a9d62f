#pragma once

#include <iosfwd>
#include <string>
#include <vector>

// `compare` and `optimize`: scenarios side by side with the lever
// attribution between them, and the optimizer's proposal (README,
// "Comparing scenarios"). `arguments` start with the command's name.
namespace bwi::app {

int runCompareCommand(const std::vector<std::string> &arguments, std::ostream &out,
                      std::ostream &err);
int runOptimizeCommand(const std::vector<std::string> &arguments, std::ostream &out,
                       std::ostream &err);

} // namespace bwi::app
