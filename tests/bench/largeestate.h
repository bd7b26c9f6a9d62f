#pragma once

#include "core/model/ratecard.h"
#include "core/model/scenario.h"

// The large estate of docs/benchmarks.md's budgets: 200 workloads over 40 models, 20 PT
// commitments, each workload with its own weekly profile. Deterministic.
namespace bwi::bench {

struct LargeEstate {
  core::RateCard card;
  core::Scenario scenario; // the card inline, so the file form is self-contained
};

LargeEstate makeLargeEstate();

} // namespace bwi::bench
