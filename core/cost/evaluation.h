#pragma once

#include "core/cost/meters.h"
#include "core/cost/preparedscenario.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// One month of a scenario, costed (docs/cost-model.md §2-§6 and §10).
// Money in USD per month; token and request counts per month.
namespace bwi::core {

struct ModeCosts {
  double onDemand = 0; // includes PT/reserved overflow and cache reads under a reservation
  double batch = 0;
  double provisioned = 0;
  double reserved = 0;
  double meters = 0; // the bill beyond tokens: Guardrails, vector stores, AgentCore, ...
  double total() const { return onDemand + batch + provisioned + reserved + meters; }
};

// The modes a chart stacks: overflow apart from the rest of on-demand.
struct ModeBreakdown {
  double onDemand = 0; // on-demand traffic that no commitment covers, cache reads included
  double overflow = 0; // traffic above a PT commitment or reservation, billed on demand
  double batch = 0;
  double provisioned = 0;
  double reserved = 0;
  double meters = 0;
  double total() const { return onDemand + overflow + batch + provisioned + reserved + meters; }
  ModeBreakdown &operator+=(const ModeBreakdown &other);
  ModeBreakdown scaled(double factor) const;
};

struct TokenTotals {
  double input = 0; // I of every request, cached tokens included
  double output = 0;
  double cacheRead = 0;
  double cacheWrite = 0;
};

struct NamedCost {
  std::string key;
  double usd = 0;
  ModeBreakdown modes = {}; // usd split by mode (gross)
};

struct ProvisionedResult {
  std::string modelId;
  int modelUnits = 0;
  PtTerm term = PtTerm::OneMonth;
  double costUsd = 0;     // N · rate · H
  double overflowUsd = 0; // on-demand cost of the traffic above N
  double utilization = 0;
  std::optional<double> breakEvenUtilization;
  std::optional<double> breakEvenVolumeMultiplier;
  long long floorModelUnits = 0;
  long long optimalModelUnits = 0;
};

struct ReservedResult {
  std::string modelId;
  double inputTpm = 0;
  double outputTpm = 0;
  ReservedTerm term = ReservedTerm::OneMonth;
  double costUsd = 0;     // reserved charge
  double overflowUsd = 0; // spill-over to on-demand, cache reads excluded
  std::optional<double> utilizationInput;
  std::optional<double> utilizationOutput;
  double optimalInputTpm = 0;
  double optimalOutputTpm = 0;
  double floorInputTpm = 0;
  double floorOutputTpm = 0;
};

struct SizingResult {
  std::string modelId;
  long long floorModelUnits = 0;
  long long optimalModelUnits = 0;
  double meanLoadMu = 0;
  double peakLoadMu = 0;
  PtTerm term = PtTerm::OneMonth; // the term the sizing priced
};

// One meter of one workload in the month.
struct MeterResult {
  std::string workloadId;
  std::string kind;
  std::string name;
  std::string unit;
  double quantity = 0;   // units per month
  double usdPerUnit = 0; // USD per unit
  bool typedRate = false;
  bool estimate = false; // the card's rate is not a published figure
  double costUsd = 0;    // gross
};

// A workload's traffic on a model without a price this month, after
// end-of-life moves and escalation: left out of every cost (docs/cost-model.md §21).
struct UnpricedFlow {
  std::string workloadId;
  std::string modelId;
  double requests = 0;     // per month, batch included
  double inputTokens = 0;  // per month, cached tokens included
  double outputTokens = 0; // per month
};

struct Evaluation {
  int month = 0;
  double volumeScale = 1; // the total global volume multiplier the month was costed at
  double grossUsd = 0;
  double discountUsd = 0;
  double netUsd = 0;
  ModeCosts byMode;
  ModeBreakdown grossModes;       // byMode with overflow apart
  ModeBreakdown netModes;         // the same after the private-pricing discount
  std::vector<NamedCost> byModel; // gross, in order of first use
  std::vector<NamedCost> byWorkload;
  std::vector<NamedCost> byTeam;
  // Per flow of the month's segment (one workload on one model), gross,
  // commitment charges shown back as in byWorkload; unallocated charges are
  // not in it.
  std::vector<ModeBreakdown> flowModes;
  TokenTotals tokens;
  double requests = 0;
  std::vector<ProvisionedResult> provisioned;
  std::vector<ReservedResult> reserved;
  std::vector<SizingResult> sizing;
  std::vector<MeterResult> meters; // in the order of PreparedScenario::meters
  // Each workload's net cost (its show-back and meters after the discount),
  // in the order of PreparedScenario::workloads.
  std::vector<double> workloadNetUsd;
  std::vector<UnitCost> unitCosts; // workloads that name a unit, in workload order
  double commitRetiredUsd = 0;
  std::optional<std::string> calendarMonth; // YYYY-MM, with a calendar (docs/cost-model.md §13)
  // "WORKLOAD_ID MODEL_ID" billed at long-context prices, sorted (docs/cost-model.md §11).
  std::vector<std::string> longContext;
  // Flows on models without a price, in flow order; their requests and
  // tokens are in `requests` and `tokens` but in no cost.
  std::vector<UnpricedFlow> unpriced;
  std::vector<std::string> warnings;
  // The requests and input + output tokens on priced models: what a cost
  // per request or per token divides by (docs/cost-model.md §21).
  double pricedRequests() const;
  double pricedTokens() const;
};

inline constexpr const char *kUnallocatedKey = "(unallocated)";

struct EvaluationOptions {
  // Multiplies every workload's volume on top of the scenario's own global
  // volume multiplier (the forecast's quantiles use it).
  double volumeScale = 1;
  bool includeSizing = true; // sizing scans and break-even searches
};

// Costs month `month` (0 = first modeled month) of a prepared scenario.
Evaluation evaluate(const PreparedScenario &scenario, int month,
                    const EvaluationOptions &options = {});

// The flag every place that shows totals carries when traffic is on models
// without a price: "Totals exclude 1,200 requests a month on models without
// a price: X, Y"; empty when every model is priced (docs/cost-model.md §21).
std::string unpricedNote(const Evaluation &evaluation);
// The models without a price that carry traffic this month, in order of first use.
std::vector<std::string> unpricedModelIds(const Evaluation &evaluation);

// One workload's meters this month: how many, and their gross USD.
struct MetersSummary {
  int count = 0;
  double grossUsd = 0;
};
MetersSummary workloadMeters(const Evaluation &evaluation, std::string_view workloadId);

// Whether every figure is a finite number: compounding growth over many
// months can overflow a double, and such a result must not reach a report.
bool allFinite(const Evaluation &evaluation);

// Why figures that are not all finite are not shown, in the words every
// front end uses: "the figures overflow (not finite numbers): …".
std::string overflowReason();
// "month N: " + overflowReason(), N counted from 0 as on the command line.
std::string overflowMessage(int month);

} // namespace bwi::core
