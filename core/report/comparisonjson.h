#pragma once

#include "core/analysis/optimizedproposal.h"
#include "core/analysis/scenariocomparison.h"
#include "core/common/jsonreader.h"

// The JSON the `compare` and `optimize` commands print (README, "Comparing
// scenarios"). Money in USD per month, as in the evaluation's output.
namespace bwi::core {

Json leverAttributionToJson(const LeverAttribution &attribution, const std::string &fromLabel,
                            const std::string &toLabel);
Json comparisonToJson(const Comparison &comparison);
// Each change with its quality rule: {"change", "rule", "rule_text"}.
Json proposedChangesToJson(const std::vector<ProposedChange> &changes);
Json proposalToJson(const OptimizedProposal &proposal, const LeverAttribution &attribution);

} // namespace bwi::core
