#pragma once

#include "core/model/ratecard.h"
#include "core/model/scenario.h"

#include <string>
#include <string_view>

// The structural workload edits (add, duplicate, remove) of the Workloads
// tab: each returns the scenario after the edit, which the GUI hands to
// ScenarioDocument::replaceScenario as one undo step.
namespace bwi::core {

// `base` when no workload has that id, else `base-2`, `base-3`, ...
std::string uniqueWorkloadId(const Scenario &scenario, std::string_view base);

// The model a new workload is routed to: the first model the scenario already
// routes to, else the rate card's first "small" model, else its first model;
// empty when the card has none.
std::string defaultModelForNewWorkload(const Scenario &scenario, const RateCard &card);

// Appends a workload "workload-N" named `name`: 100,000 requests a month, a
// small token shape (system 500, user 100, output 200), all of it routed to
// defaultModelForNewWorkload, flat profile. `index` receives its position.
Scenario withNewWorkload(const Scenario &scenario, const RateCard &card, const std::string &name,
                         int *index);

// Inserts a copy of workload `source` right after it, with the id
// "<id>-copy" (made unique) and `name`. `index` receives the copy's position.
// Unchanged when `source` is out of range.
Scenario withDuplicatedWorkload(const Scenario &scenario, int source, const std::string &name,
                                int *index);

// Removes workload `index`; unchanged when it is out of range.
Scenario withoutWorkload(const Scenario &scenario, int index);

} // namespace bwi::core
