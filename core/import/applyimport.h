#pragma once

#include "core/import/importrequest.h"
#include "core/model/ratecard.h"
#include "core/model/scenario.h"

#include <string>
#include <vector>

// What accepting an import does to the open scenario (the Import dialog's
// Accept, one undo step), apart from the dialog so that the rule is tested
// without a window.
namespace bwi::core {

enum class ImportChange { RateCard, Workloads };

struct AppliedImport {
  Scenario scenario;
  ImportChange change = ImportChange::Workloads;
  std::vector<std::string> warnings; // models the card lacks, kept without a price
};

// A price list becomes the scenario's inline rate card. Measured traffic
// replaces the workloads (the name and every other setting stay) and clears
// the PT commitments and reservations, which could name models the measured
// estate no longer routes to. `card` is the card the scenario is costed with.
AppliedImport applyImport(const Scenario &scenario, const RateCard &card,
                          const ImportOutcome &outcome);

} // namespace bwi::core
