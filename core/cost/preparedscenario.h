#pragma once

#include "core/cost/requesttokens.h"
#include "core/model/ratecard.h"
#include "core/model/scenario.h"
#include "core/model/weeklyprofile.h"

#include <optional>
#include <string>
#include <vector>

// A validated scenario joined with its rate card into flat arrays, so that a
// month can be costed many times (slider moves, curves, forecasts) without
// looking anything up. Everything here is per request or per month at
// volume 1; evaluation scales it.
namespace bwi::core {

inline constexpr const char *kNoTeam = "(no team)";

struct PreparedWorkload {
  std::string id;
  std::string team;            // "(no team)" when the workload has none
  double requestsPerMonth = 0; // requests × volume multiplier, month 0
  double growthPerMonth = 0;
  double batchShare = 0;
  HourlyWeights weights{}; // normalized to mean 1
  // Kept so a flow can be repriced when a lever moves (Monte Carlo trials).
  TokenShape tokens;
  std::optional<Caching> caching;
  ServiceTier serviceTier = ServiceTier::Standard;
  std::optional<UnitEconomics> unit; // what its cost is read per
};

// One meter of one workload with its rate resolved: the card's for its kind,
// or the typed one (docs/cost-model.md §17).
struct PreparedMeter {
  int workload = 0;
  std::string kind;
  std::string name;       // typed, else the card's, else the kind
  std::string unit;       // typed, else the card's
  double perRequest = 0;  // units per request
  double perMonth = 0;    // units per month
  double usdPerUnit = 0;  // USD per unit
  bool typedRate = false; // a negotiated or custom rate typed into the scenario
  bool estimate = false;  // the card marks its rate as not published
  std::string source;     // the card's source for the rate; empty when typed
  std::string sourceDate;
};

// One workload routed to one model.
struct PreparedFlow {
  int workload = 0;
  int model = 0;
  double share = 0;
  RequestTokens tokens;
  // Real-time on-demand USD per request, tier multiplier applied, split as
  // section 5b needs it: uncached input + cache writes, cache reads, output.
  double onDemandInputUsd = 0;
  double onDemandReadUsd = 0;
  double onDemandOutputUsd = 0;
  double batchUsd = 0;            // USD per batch request (when the model has batch)
  bool batchOnDemand = false;     // batch: null, so the batch share is billed on demand
  double muMinutesPerRequest = 0; // I/cap_in + O/cap_out, PT-capable models only
  double onDemandUsd() const { return onDemandInputUsd + onDemandReadUsd + onDemandOutputUsd; }
};

struct PreparedModel {
  ModelRates rates;
  std::vector<int> flows;
  std::optional<ProvisionedCommitment> provisioned;
  std::optional<Reservation> reserved;
  bool ptCapable = false;
  PtTerm sizingTerm = PtTerm::OneMonth; // the PT commitment's term, else one_month
  std::optional<double> sizingRatePerMuHour;
};

struct PreparedScenario {
  std::string name;
  std::string rateCardAsOf;
  double hoursPerMonth = 730;
  double globalVolumeMultiplier = 1; // applied by evaluation, not folded in
  std::vector<PreparedWorkload> workloads;
  std::vector<PreparedFlow> flows;
  std::vector<PreparedModel> models; // in order of first use
  std::vector<PreparedMeter> meters; // in workload order, then the workload's own
  std::optional<Agreement> agreement;
  ForecastSettings forecast;
  std::vector<std::string> warnings; // billing fallbacks found while preparing
};

// The scenario must have passed validation against `card`.
PreparedScenario prepareScenario(const Scenario &scenario, const RateCard &card);

// Sets a flow's tokens and per-request prices from a token shape and caching
// (the workload's own, or a trial's variation of them) on the flow's model.
void priceFlow(PreparedFlow &flow, const TokenShape &tokens, const std::optional<Caching> &caching,
               ServiceTier tier, const ModelRates &rates);

} // namespace bwi::core
