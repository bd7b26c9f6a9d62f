#pragma once

#include "core/cost/preparedscenario.h"

#include <array>
#include <atomic>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The commitment planner: for each model that could take provisioned
// throughput and carries real-time traffic, the term choices (none, one
// month, six months at the floor and at the optimum) weighed against the
// forecast's uncertainty over 12 months. Money is the model's net USD per
// month (on-demand real-time traffic, or PT charge plus overflow).
namespace bwi::core {

inline constexpr int kPlanMonths = 12;
// Commit only after this many days of sustained, measured volume, never on a
// launch forecast (docs/cost-model.md §16).
inline constexpr int kRequiredHistoryDays = 90;
inline constexpr int kDefaultPlanTrials = 2000;

// What a choice commits to: nothing, the measured floor of the load, or the
// N that minimizes the expected PT charge plus overflow.
enum class PlanChoiceKind { None, Floor, Optimum };

enum class PlanRecommendation { OnDemand, CommitFloor, CommitOptimum, Wait, QuoteNeeded };

// The names the JSON output and the command line print ("none", "floor",
// "optimum"; "on_demand", "commit_floor", "commit_optimum", "wait",
// "quote_needed"), one table each.
std::string_view planChoiceKindName(PlanChoiceKind kind);
std::string_view planRecommendationName(PlanRecommendation recommendation);

struct PlanChoice {
  PlanChoiceKind kind = PlanChoiceKind::None;
  std::optional<PtTerm> term; // nullopt for None
  long long modelUnits = 0;
  double expectedMonthlyUsd = 0;  // mean over trials and the 12 months
  double p90MonthlyUsd = 0;       // p90 over trials of the 12-month mean
  double expectedIdleMuHours = 0; // per month: committed MU-hours PT did not use
  double expectedRegretUsd = 0;   // per month: E[this choice − the best choice of each trial]
  std::array<double, kPlanMonths> cumulativeSavingsUsd{}; // against none, months 0 … 11
  std::optional<int> breakEvenMonth; // first month the cumulative saving is positive
};

struct ModelPlan {
  std::string modelId;
  bool priced = false; // the card (or an override) prices PT for this model
  std::optional<int> currentUnits;
  long long floorUnits = 0; // floor of the load as modelled, month 0
  std::vector<PlanChoice> choices;
  PlanRecommendation recommendation = PlanRecommendation::OnDemand;
  std::optional<std::size_t> recommendedChoice; // index into choices
  std::string reason;
};

struct CommitmentPlan {
  int trials = 0;
  std::uint64_t seed = 0;
  std::optional<int> historyDays;
  std::vector<ModelPlan> models;
};

struct PlanOptions {
  std::optional<int> historyDays; // overrides forecast.history_days
  std::optional<int> trials;      // default min(forecast trials, kDefaultPlanTrials)
  double volumeScale = 1;
  int threads = 0;
  const std::atomic<bool> *cancel = nullptr;
};

// nullopt when cancelled.
std::optional<CommitmentPlan> planCommitments(const PreparedScenario &scenario,
                                              const PlanOptions &options = {});

} // namespace bwi::core
