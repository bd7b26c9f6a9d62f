#pragma once

#include "core/cost/requesttokens.h"
#include "core/model/calendar.h"
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
//
// The calendar (docs/cost-model.md §13) splits the months into segments over which
// the month's card, the end-of-life moves and so the flows stay the same; a
// price change or an end of life starts a new one. Every consumer asks for a
// month's segment through PreparedScenario::segment (docs/cost-model.md
// §13.5).
namespace bwi::core {

inline constexpr const char *kNoTeam = "(no team)";
// The last month anything costs (evaluate --month): later price changes
// start no segment.
inline constexpr int kMaxModeledMonth = 1200;

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
// or the typed one (docs/cost-model.md §18).
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

// One workload routed to one model: the share after end-of-life moves and
// escalation (docs/cost-model.md §12, §13.3).
struct PreparedFlow {
  int workload = 0;
  int model = 0; // index into the segment's models
  double share = 0;
  bool longContext = false; // I/n above the model's threshold: long-context prices (11)
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
  ModelRates rates; // as they stand in the segment's month (no versions)
  std::vector<int> flows;
  std::optional<ProvisionedCommitment> provisioned;
  std::optional<Reservation> reserved;
  bool ptCapable = false;
  PtTerm sizingTerm = PtTerm::OneMonth; // the PT commitment's term, else one_month
  std::optional<double> sizingRatePerMuHour;
  bool retired = false; // past its end of life: only a commitment keeps it here (§13.2)
  bool dated = false;   // the card gives it price changes or an end of life
  // Routed to without a price (the scenario's unpriced_models): its flows
  // cost nothing and are reported apart from the totals (docs/cost-model.md §21).
  bool unpriced = false;
};

struct PreparedSegment {
  int firstMonth = 0;               // until the next segment's first month
  std::optional<int> calendarMonth; // of firstMonth, with a calendar
  std::vector<PreparedFlow> flows;
  std::vector<PreparedModel> models; // in order of first use
  // Billing fallbacks and end-of-life moves found while preparing: the
  // warnings of every month of the segment.
  std::vector<std::string> warnings;
};

struct PreparedScenario {
  std::string name;
  std::string rateCardAsOf;
  double hoursPerMonth = 730;
  double globalVolumeMultiplier = 1; // applied by evaluation, not folded in
  std::vector<PreparedWorkload> workloads;
  // Meters do not follow the calendar: one card-level rate for every month
  // (docs/cost-model.md §18).
  std::vector<PreparedMeter> meters; // in workload order, then the workload's own
  std::optional<Agreement> agreement;
  ForecastSettings forecast;
  std::optional<int> startMonth;     // the calendar month of month 0
  std::vector<std::string> warnings; // about every month (the calendar going unused)
  // At least one (an empty one before preparing); the first starts at month 0.
  std::vector<PreparedSegment> segments = std::vector<PreparedSegment>(1);
  std::vector<CalendarEvent> events; // price changes and ends of life within the forecast

  // The segment month `month` (0 = the first modeled month) falls in: the
  // one way any consumer reaches a month's flows, models and prices.
  const PreparedSegment &segment(int month) const;
  PreparedSegment &segment(int month);
  // YYYY-MM of a month, with a calendar.
  std::optional<std::string> calendarMonth(int month) const;
};

// The scenario must have passed validation against `card`.
PreparedScenario prepareScenario(const Scenario &scenario, const RateCard &card);

// Sets a flow's tokens and per-request prices from a token shape and caching
// (the workload's own, or a trial's variation of them) on the flow's model,
// long-context prices included when the mean input per call is above the
// model's threshold (docs/cost-model.md §11).
void priceFlow(PreparedFlow &flow, const TokenShape &tokens, const std::optional<Caching> &caching,
               ServiceTier tier, const ModelRates &rates);

} // namespace bwi::core
