#pragma once

#include "core/analysis/optimizedproposal.h"
#include "core/analysis/scenariocomparison.h"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

// `compare` and `optimize`: scenarios side by side with the lever
// attribution between them, and the optimizer's proposal (README,
// "Comparing scenarios"). `arguments` start with the command's name.
namespace bwi::app {

int runCompareCommand(const std::vector<std::string> &arguments, std::ostream &out,
                      std::ostream &err);
// The scenarios of `paths` (the first is the baseline), plus the optimizer's
// proposal of the baseline when `addOptimized`, labelled by name (by file
// name where two names are the same). nullopt after printing the validation
// report of a file that does not load. The proposal's changes, each with its
// quality rule, go to `changes` when given.
std::optional<std::vector<core::ComparisonInput>>
loadComparisonInputs(const std::vector<std::string> &paths, bool addOptimized, int month,
                     const core::OptimizeOptions &options, std::ostream &err,
                     std::vector<core::ProposedChange> *changes = nullptr);

int runOptimizeCommand(const std::vector<std::string> &arguments, std::ostream &out,
                       std::ostream &err);

} // namespace bwi::app
