#pragma once

#include "core/model/ratecard.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

// A scenario: the estate's workloads, their routing, the commitments and the
// private-pricing agreement. Plain values; see docs/scenario-format.md.
namespace bwi::core {

struct TokenShape {
  // Tokens per call unless stated otherwise.
  double system = 0;
  double user = 0;
  double retrievalChunks = 0; // chunks per call
  double tokensPerChunk = 0;
  double history = 0;
  double callsPerRequest = 1;      // agent chain length, >= 1
  double contextGrowthPerCall = 0; // extra input tokens each later call carries
  double output = 0;
  bool operator==(const TokenShape &) const = default;
};

// Base input tokens per call: B = system + user + chunks × tokens per chunk +
// history (docs/cost-model.md §3).
inline double baseInputPerCall(const TokenShape &tokens) {
  return tokens.system + tokens.user + tokens.retrievalChunks * tokens.tokensPerChunk +
         tokens.history;
}

enum class CacheTtl { FiveMinutes, OneHour };

struct Caching {
  double cacheablePrefix = 0; // tokens per call, <= base input per call
  double hitRate = 0;         // [0, 1]
  CacheTtl ttl = CacheTtl::FiveMinutes;
  bool operator==(const Caching &) const = default;
};

struct WeeklyProfile {
  enum class Kind { Flat, BusinessHours, Diurnal, Weekly };
  Kind kind = Kind::Flat;
  std::vector<double> weeklyWeights; // 168 raw weights when kind == Weekly
  bool operator==(const WeeklyProfile &) const = default;
};

struct RoutingShare {
  std::string modelId;
  double share = 0; // of the workload's requests, [0, 1]
  bool operator==(const RoutingShare &) const = default;
};

// One line of the bill beyond tokens on a workload (docs/cost-model.md
// §18): Guardrails, a knowledge base's vector store, AgentCore, Flows.
// Quantities are in the card's unit for the kind ("1K text units",
// "OCU-hour"); quantity per month = perRequest × R_w(t) + perMonth.
struct MeterUse {
  std::string kind;                 // the card's meter kind, or a custom kind with a typed rate
  double perRequest = 0;            // units per request: grows with volume and growth
  double perMonth = 0;              // units per month: a fixed floor (a vector store's minimum)
  std::optional<double> usdPerUnit; // typed rate, USD per unit; nullopt: the card's rate
  std::string name;                 // for a custom kind; empty: the card's name
  std::string unit;                 // for a custom kind; empty: the card's unit
  std::string note;
  bool operator==(const MeterUse &) const = default;
};

// What a workload delivers to the business, so its cost reads per unit
// ("$0.38 per ticket") against a target band (docs/cost-model.md
// §19). Units per month = perRequest × R_w(t) + perMonth.
inline constexpr double kDefaultUnitTolerance = 0.1;
struct UnitEconomics {
  std::string name;                         // singular: "ticket", "user", "document"
  double perRequest = 0;                    // units per request
  double perMonth = 0;                      // units per month regardless of traffic
  std::optional<double> targetUsd;          // USD per unit
  double tolerance = kDefaultUnitTolerance; // within band: |cost − target| <= tolerance × target
  bool operator==(const UnitEconomics &) const = default;
};

// The exception path (docs/cost-model.md §12): a share `rate` of the requests the
// workload's other models serve is sent again, whole, to model `to`.
struct Escalation {
  std::string to;
  double rate = 0; // e, [0, 1]
  // Where the rate comes from (`"rate_source"`, docs/scenario-format.md):
  // measured in the workload's own logs, or an assumption to test (the
  // default: a rate with no stated source is not evidence).
  bool measured = false;
  bool operator==(const Escalation &) const = default;
};

struct Workload {
  std::string id;
  std::string name;
  std::optional<std::string> team; // nullopt: shown as "(no team)"
  double requestsPerMonth = 0;
  double volumeMultiplier = 1; // pilot-to-production factor
  double growthPerMonth = 0;   // compound, per month
  TokenShape tokens;
  std::optional<Caching> caching;
  double batchShare = 0; // latency-tolerant share of requests, [0, 1]
  // The whole workload may wait for batch (hours, not seconds): what the
  // optimizer moves to batch. Saved as "latency_tolerant" (a Bedrock What-If
  // addition) when true.
  bool latencyTolerant = false;
  ServiceTier serviceTier = ServiceTier::Standard;
  std::vector<RoutingShare> routing;
  WeeklyProfile profile;
  std::vector<MeterUse> meters;      // "meters" (a Bedrock What-If addition)
  std::optional<UnitEconomics> unit; // "unit" (a Bedrock What-If addition)
  std::optional<Escalation> escalation;
  // What the workload may run on, after the team's own evaluations (a Bedrock
  // What-If addition, docs/scenario-format.md): the models listed, and/or a
  // minimum quality score on the card's scale. The models routed to today
  // are always adequate. Only the optimizer reads these; they change no cost.
  std::vector<std::string> adequateModels;
  std::optional<double> minQuality;
  // The workload's requests must be served in the geography it runs in (a
  // Bedrock What-If addition, "data_residency"): the optimizer never
  // proposes a `global.` profile for it (docs/scenario-format.md).
  bool dataResidency = false;
  // Its shares on the two models of this card router (`prompt_routers`) are
  // served through AWS Intelligent Prompt Routing (a Bedrock What-If
  // addition, "prompt_router"): billed at the model that served, so priced
  // as those shares (docs/cost-model.md §20). Empty: no router.
  std::string promptRouter;
  bool operator==(const Workload &) const = default;
};

struct ProvisionedCommitment {
  std::string modelId;
  int modelUnits = 1;
  PtTerm term = PtTerm::OneMonth;
  int startMonth = 0;
  // Renewal (docs/cost-model.md §13.6): a commitment renews at the end of
  // each term unless cancelled; without auto-renew it is charged until the
  // end of its first term. Notice: days before the term's end by which a
  // cancellation must reach AWS.
  bool autoRenew = true;
  int cancelNoticeDays = 0;
  bool operator==(const ProvisionedCommitment &) const = default;
};

struct Reservation {
  std::string modelId;
  double inputTpm = 0;  // input tokens per minute reserved
  double outputTpm = 0; // output tokens per minute reserved
  ReservedTerm term = ReservedTerm::OneMonth;
  int startMonth = 0;
  bool autoRenew = true; // as ProvisionedCommitment
  int cancelNoticeDays = 0;
  bool operator==(const Reservation &) const = default;
};

// The first month a commitment is no longer charged (docs/cost-model.md
// §13.6): the end of its first term when it does not renew; none while it
// renews, or without a term (no_commit runs until deleted).
inline std::optional<int> chargeEndMonth(int startMonth, int termLength, bool autoRenew) {
  if (autoRenew || termLength <= 0)
    return std::nullopt;
  return startMonth + termLength;
}
inline std::optional<int> chargeEndMonth(const ProvisionedCommitment &commitment) {
  return chargeEndMonth(commitment.startMonth, termMonths(commitment.term), commitment.autoRenew);
}
inline std::optional<int> chargeEndMonth(const Reservation &reservation) {
  return chargeEndMonth(reservation.startMonth, termMonths(reservation.term),
                        reservation.autoRenew);
}

struct Agreement {
  double discount = 0;        // [0, 0.5]
  double annualCommitUsd = 0; // USD per year
  bool discountAppliesToMarketplace = false;
  double marketplaceCapShare = 0.25; // of the annual commit
  bool operator==(const Agreement &) const = default;
};

// A lever's p10 and p90 (the 10th and 90th percentiles of its distribution).
struct LeverQuantiles {
  double p10 = 0;
  double p90 = 0;
  bool operator==(const LeverQuantiles &) const = default;
};

// Uncertain levers beside the volume, each relative to the scenario's own
// values so that one distribution applies to every workload (a Bedrock
// What-If addition, `forecast.uncertainty`).
struct ForecastUncertainty {
  // Added to every workload's growth_per_month (normal; -0.01 = one point less).
  std::optional<LeverQuantiles> growthPerMonthShift;
  // Multiplies every workload's output tokens per call (log-normal).
  std::optional<LeverQuantiles> outputTokensFactor;
  // Added to every caching workload's hit rate, the result held in [0, 1] (normal).
  std::optional<LeverQuantiles> cacheHitRateShift;
  bool any() const { return growthPerMonthShift || outputTokensFactor || cacheHitRateShift; }
  bool operator==(const ForecastUncertainty &) const = default;
};

inline constexpr int kDefaultTrials = 10000;
inline constexpr std::uint64_t kDefaultSeed = 20261126;
inline constexpr double kDefaultSensitivityRange = 0.25;

struct ForecastSettings {
  int months = 12;
  std::optional<double> volumeP10; // global volume multiplier quantiles
  std::optional<double> volumeP90;
  ForecastUncertainty uncertainty;
  std::optional<int> trials;              // Monte Carlo trials; default kDefaultTrials
  std::optional<std::uint64_t> seed;      // Monte Carlo seed; default kDefaultSeed
  std::optional<double> budgetUsd;        // a monthly net budget, USD per month
  std::optional<int> historyDays;         // days of measured usage behind the scenario
  std::optional<double> sensitivityRange; // tornado's ± share; default kDefaultSensitivityRange
  // The calendar month (YYYY-MM) of month 0; without it there is no
  // calendar: no price change applies and no model retires (docs/cost-model.md §13).
  std::optional<std::string> startMonth;
  int trialCount() const { return trials.value_or(kDefaultTrials); }
  std::uint64_t seedValue() const { return seed.value_or(kDefaultSeed); }
  bool operator==(const ForecastSettings &) const = default;
};

// One leaf of `ratecard_overrides`: `field` is a dotted path inside the model
// object ("provisioned.per_mu_hour.one_month").
using OverrideValue = CardValue;
struct RateOverride {
  std::string modelId;
  std::string field;
  OverrideValue value;
  bool operator==(const RateOverride &) const = default;
};

struct RateCardSource {
  enum class Kind { Builtin, Path, Inline };
  Kind kind = Kind::Builtin;
  std::string path; // as written in the file, relative to the scenario
  std::optional<RateCard> inlineCard;
  bool operator==(const RateCardSource &) const = default;
};

struct Scenario {
  int version = 1;
  std::string name;
  double hoursPerMonth = 730;
  // The global volume slider: multiplies every workload's volume_multiplier.
  // Saved as "global_volume_multiplier" (a Bedrock What-If addition) when not 1.
  double globalVolumeMultiplier = 1;
  RateCardSource ratecard;
  std::vector<RateOverride> ratecardOverrides;
  // Models the scenario knowingly routes to without a price (an importer
  // found traffic on a model the card lacks): their traffic stays in the
  // scenario, costs nothing and is flagged wherever totals are shown
  // (docs/cost-model.md §21). Saved as "unpriced_models" when not empty.
  std::vector<std::string> unpricedModels;
  std::vector<Workload> workloads;
  std::vector<ProvisionedCommitment> provisioned;
  std::vector<Reservation> reserved;
  std::optional<Agreement> agreement;
  ForecastSettings forecast;
  bool operator==(const Scenario &) const = default;
};

} // namespace bwi::core
