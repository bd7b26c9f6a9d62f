#pragma once

#include "core/model/ratecard.h"
#include "core/model/scenario.h"

#include <optional>
#include <string>
#include <vector>

// The exception path's break-even (docs/cost-model.md §12): per workload with an
// escalation, the escalation rate e* at which "the cheap models first, then
// escalate" costs as much as sending all of the workload's traffic to the
// escalation target. Costs are the month's net USD of the whole scenario, so
// commitments, the discount and overflow count. See docs/cost-model.md §13.5.
namespace bwi::core {

struct EscalationBreakEven {
  std::string workloadId;
  std::string to;          // the target as the scenario names it
  std::string toThisMonth; // where escalated calls go in the month (a retired target's successor)
  double rate = 0;         // the scenario's e
  bool measured = false;   // the rate's source: measured in the logs, else assumed
  double netUsd = 0;       // the month's net at the scenario's rate
  // The scenario with the workload routed 100% to the target and no escalation.
  double allPremiumNetUsd = 0;
  // nullopt when the policy never pays (at e = 0 it already costs as much)
  // or no e in [0, 1] reaches the all-premium cost.
  std::optional<double> breakEvenRate;
};

// `card` has the scenario's overrides applied; one entry per workload with
// an escalation, in workload order.
std::vector<EscalationBreakEven> escalationBreakEvens(const Scenario &scenario,
                                                      const RateCard &card, int month);

struct EscalationCurvePoint {
  double rate = 0;
  double netUsd = 0; // the month's net with the workload's escalation rate at `rate`
  bool breakEven = false;
  bool scenarioRate = false;
};

struct EscalationCurve {
  EscalationBreakEven breakEven;
  // e = 0 … 1 in equal steps, with the scenario's rate and the break-even
  // as points of their own where they fall between, in order of rate.
  std::vector<EscalationCurvePoint> points;
};

// nullopt when the workload does not exist or has no escalation.
std::optional<EscalationCurve> escalationCurve(const Scenario &scenario, const RateCard &card,
                                               const std::string &workloadId, int month,
                                               int points = 101);

// The scenario with one workload's escalation rate set to `rate`.
Scenario withEscalationRate(const Scenario &scenario, std::size_t workload, double rate);
// The scenario with one workload routed 100% to its escalation target, without escalation.
Scenario allToEscalationTarget(const Scenario &scenario, std::size_t workload);

} // namespace bwi::core
