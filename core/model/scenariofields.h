#pragma once

#include "core/model/scenario.h"

#include <optional>
#include <string>
#include <variant>
#include <vector>

// One editable value of a scenario, named: what a lever, a table cell or an
// undo command changes. Central so that every edit goes one way.
namespace bwi::core {

enum class Field {
  // Scenario
  Name,
  GlobalVolumeMultiplier,
  Discount,
  AnnualCommitUsd,
  // Forecast settings; monostate is "not set" (the default applies)
  BudgetUsd,          // forecast.budget_usd, USD per month
  SensitivityRange,   // forecast.sensitivity_range, the tornado's ± share
  ForecastStartMonth, // forecast.start_month, "YYYY-MM" (the calendar of docs/cost-model.md §13)
  // Workload (needs `workload`)
  WorkloadName,
  WorkloadTeam,
  RequestsPerMonth,
  VolumeMultiplier,
  GrowthPerMonth,
  SystemTokens,
  UserTokens,
  RetrievalChunks,
  TokensPerChunk,
  HistoryTokens,
  CallsPerRequest,
  ContextGrowthPerCall,
  OutputTokens,
  CacheablePrefix,
  CacheHitRate,
  BatchShare,
  LatencyTolerant, // 1 or 0
  ServiceTier,
  Routing,
  // Whole values, so that undo restores exactly what was there (a meter's
  // typed rate, a unit's target): the levers build the next value with
  // core/model/meterkinds.h and set it in one step.
  Meters, // the workload's meters (a std::vector<MeterUse>; docs/cost-model.md §18)
  Unit,   // the workload's UnitEconomics; monostate: none (docs/cost-model.md §19)
  // The exception path (docs/cost-model.md §12): the target model id (monostate
  // removes the escalation) and the rate, [0, 1], of an existing escalation.
  EscalationTarget,
  EscalationRate,
  EscalationMeasured, // 1 or 0: the rate's source, measured or assumed

  // What the optimizer may move the workload to (docs/scenario-format.md):
  // the listed model ids (an empty list removes it) and the minimum quality
  // score (monostate removes it).
  AdequateModels,
  MinQuality,
  DataResidency, // 1 or 0: no `global.` profile is proposed (docs/scenario-format.md)
  PromptRouter, // the card router's id serving the workload ("" removes it; docs/cost-model.md §20)
  // Commitment on a model (needs `modelId`)
  ProvisionedUnits, // 0 removes the commitment
  ProvisionedTerm,
  ReservedInputTpm,
  ReservedOutputTpm,
  ReservedTerm,
  // Renewal of the model's commitment, PT or reserved (docs/cost-model.md §13.6):
  // auto-renew 1 or 0, and the cancellation notice in days.
  CommitmentAutoRenew,
  CommitmentNoticeDays,
  // Rate-card override on a model (needs `modelId` and `overrideField`)
  RateOverride,
};

struct FieldKey {
  Field field = Field::Name;
  int workload = -1;              // index into workloads
  std::string modelId = {};       // for commitments and overrides
  std::string overrideField = {}; // dotted rate-card field for RateOverride
  bool operator==(const FieldKey &) const = default;
};

// The value of a field. Numbers are doubles; terms and tiers travel as
// their file names ("one_month", "priority"); an absent override or unit is
// monostate; a list of model ids is a vector of strings.
using FieldValue = std::variant<std::monostate, double, std::string, std::vector<RoutingShare>,
                                std::vector<std::string>, std::vector<MeterUse>, UnitEconomics>;

FieldValue getField(const Scenario &scenario, const FieldKey &key);
// Sets the value; returns false (and changes nothing) when the key does not
// address anything in this scenario or the value has the wrong type.
bool setField(Scenario &scenario, const FieldKey &key, const FieldValue &value);

} // namespace bwi::core
