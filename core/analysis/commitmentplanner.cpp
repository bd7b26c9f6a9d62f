#include "core/analysis/commitmentplanner.h"

#include "core/common/moneyformat.h"
#include "core/cost/monthtraffic.h"
#include "core/cost/privatepricing.h"
#include "core/cost/provisionedsizing.h"
#include "core/forecast/montecarlo.h"
#include "core/forecast/uncertainty.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace bwi::core {
namespace {

// Trials run in this many fixed blocks, each summed on its own and the blocks
// added in order, so the figures do not depend on the number of threads.
constexpr int kBlocks = 16;
constexpr long long kMaxScannedUnits = 2000;

struct PlannedModel {
  std::string id;
  // Index into each segment's models, -1 where the segment has no such
  // model (the calendar moved its traffic away and nothing commits it).
  std::vector<int> indexBySegment;
  double factor = 1;                            // net share after the private-pricing discount
  std::vector<std::pair<PtTerm, double>> terms; // priced terms and USD per MU-hour
};

// A planned model's load in a month: none where that month's segment does
// not carry the model or cannot load it (no longer PT-capable).
const HourlyDemand &loadOf(const PreparedScenario &scenario, const PlannedModel &planned, int month,
                           const MonthTraffic &traffic) {
  static const HourlyDemand none{};
  const std::size_t segment =
      static_cast<std::size_t>(&scenario.segment(month) - scenario.segments.data());
  const int index = planned.indexBySegment[segment];
  if (index < 0 || !traffic.models[static_cast<std::size_t>(index)].ptLoad)
    return none;
  return *traffic.models[static_cast<std::size_t>(index)].ptLoad;
}

// Σ_h min(demand, units) and the overflow USD for units 0 … last, from one sort.
void scanUnits(const HourlyDemand &load, long long last, std::vector<double> &overflow,
               std::vector<double> &used) {
  std::array<std::pair<double, double>, kHoursPerWeek> hours{};
  for (int h = 0; h < kHoursPerWeek; ++h)
    hours[h] = {load.demand[h], load.onDemandUsd[h]};
  std::sort(hours.begin(), hours.end());
  std::array<double, kHoursPerWeek + 1> suffixCost{}, suffixPerDemand{}, prefixDemand{};
  for (int h = kHoursPerWeek; h-- > 0;) {
    suffixCost[h] = suffixCost[h + 1] + hours[h].second;
    suffixPerDemand[h] =
        suffixPerDemand[h + 1] + (hours[h].first > 0 ? hours[h].second / hours[h].first : 0.0);
  }
  for (int h = 0; h < kHoursPerWeek; ++h)
    prefixDemand[h + 1] = prefixDemand[h] + hours[h].first;
  int first = 0; // first hour with demand above the units
  for (long long units = 0; units <= last; ++units) {
    const double n = static_cast<double>(units);
    while (first < kHoursPerWeek && hours[first].first <= n)
      ++first;
    overflow[static_cast<std::size_t>(units)] +=
        std::max(0.0, suffixCost[first] - n * suffixPerDemand[first]);
    used[static_cast<std::size_t>(units)] += prefixDemand[first] + n * (kHoursPerWeek - first);
  }
}

struct Candidate {
  PlanChoiceKind kind = PlanChoiceKind::None;
  std::optional<PtTerm> term;
  long long units = 0;
  double rate = 0;
};

std::string unitsText(long long units) { return std::to_string(units) + " MU"; }

std::string termText(PtTerm term) {
  return term == PtTerm::SixMonth   ? "six-month"
         : term == PtTerm::OneMonth ? "one-month"
                                    : "no-commit";
}

// A month of the plan (0 the first) in words: the window counts months from 1 and the command
// line from 0, so a number in the reason would read differently in each.
std::string planMonthText(int month) {
  static constexpr std::array<const char *, kPlanMonths> kOrdinals = {
      "first",   "second", "third", "fourth", "fifth",    "sixth",
      "seventh", "eighth", "ninth", "tenth",  "eleventh", "twelfth"};
  return month >= 0 && month < kPlanMonths ? kOrdinals[static_cast<std::size_t>(month)]
                                           : std::to_string(month + 1) + "th";
}

void recommend(ModelPlan &plan, const std::optional<int> &historyDays) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < plan.choices.size(); ++i)
    if (clearlyLess(plan.choices[i].expectedRegretUsd, plan.choices[best].expectedRegretUsd))
      best = i; // ties keep the earlier, smaller commitment
  const PlanChoice &choice = plan.choices[best];
  const std::string figures = "expected " + formatUsdExact(choice.expectedMonthlyUsd) +
                              " a month, p90 " + formatUsdExact(choice.p90MonthlyUsd) +
                              ", expected regret " + formatUsdExact(choice.expectedRegretUsd);
  if (historyDays && *historyDays < kRequiredHistoryDays) {
    plan.recommendation = PlanRecommendation::Wait;
    plan.recommendedChoice = 0;
    plan.reason = "Only " + std::to_string(*historyDays) +
                  " days of measured usage: commit after " + std::to_string(kRequiredHistoryDays) +
                  " days of sustained volume, never on a launch forecast. Stay on demand until "
                  "then (the numbers today favour " +
                  (choice.term ? std::string(planChoiceKindName(choice.kind)) + " " +
                                     unitsText(choice.modelUnits) + " " + termText(*choice.term)
                               : std::string("on demand")) +
                  ").";
    return;
  }
  plan.recommendedChoice = best;
  if (!choice.term) {
    plan.recommendation = PlanRecommendation::OnDemand;
    plan.reason =
        plan.floorUnits == 0
            ? "The load has no floor (it falls below one model unit): stay on demand; " + figures +
                  "."
            : "No commitment beats on demand across the forecast's range: " + figures + ".";
  } else {
    plan.recommendation = choice.kind == PlanChoiceKind::Floor ? PlanRecommendation::CommitFloor
                                                               : PlanRecommendation::CommitOptimum;
    plan.reason = "Commit to the " + std::string(planChoiceKindName(choice.kind)) + ", " +
                  unitsText(choice.modelUnits) + " on a " + termText(*choice.term) +
                  " term: the least regret across the forecast's range (" + figures + ", " +
                  std::to_string(static_cast<long long>(choice.expectedIdleMuHours)) +
                  " idle MU-hours a month)" +
                  (choice.breakEvenMonth ? "; it pays from the plan's " +
                                               planMonthText(*choice.breakEvenMonth) + " month."
                                         : ".");
  }
  if (!historyDays)
    plan.reason += " The scenario does not say how many days of measured usage it rests on "
                   "(forecast.history_days): commit only after 90.";
}

} // namespace

std::string_view planChoiceKindName(PlanChoiceKind kind) {
  switch (kind) {
  case PlanChoiceKind::None:
    return "none";
  case PlanChoiceKind::Floor:
    return "floor";
  case PlanChoiceKind::Optimum:
    return "optimum";
  }
  return {};
}

std::string_view planRecommendationName(PlanRecommendation recommendation) {
  switch (recommendation) {
  case PlanRecommendation::OnDemand:
    return "on_demand";
  case PlanRecommendation::CommitFloor:
    return "commit_floor";
  case PlanRecommendation::CommitOptimum:
    return "commit_optimum";
  case PlanRecommendation::Wait:
    return "wait";
  case PlanRecommendation::QuoteNeeded:
    return "quote_needed";
  }
  return {};
}

std::optional<CommitmentPlan> planCommitments(const PreparedScenario &scenario,
                                              const PlanOptions &options) {
  CommitmentPlan result;
  const ForecastSettings &settings = scenario.forecast;
  result.trials = options.trials.value_or(std::min(settings.trialCount(), kDefaultPlanTrials));
  result.seed = settings.seedValue();
  result.historyDays = options.historyDays ? options.historyDays : settings.historyDays;
  const LeverDistributions distributions = leverDistributions(settings);
  const double hours = scenario.hoursPerMonth;

  // Which models: PT offered by the card, real-time traffic in month 0.
  // Each term is priced at month 0's rate, the quote a commitment signed
  // today locks in (docs/cost-model.md §13.5).
  const MonthTraffic today =
      monthTraffic(scenario, 0, options.volumeScale * scenario.globalVolumeMultiplier);
  const PreparedSegment &first = scenario.segment(0);
  std::vector<PlannedModel> planned;
  for (std::size_t m = 0; m < first.models.size(); ++m) {
    const PreparedModel &model = first.models[m];
    if (!model.rates.provisioned || !(today.models[m].realtimeRequests > 0))
      continue;
    ModelPlan plan;
    plan.modelId = model.rates.id;
    plan.priced = model.ptCapable;
    if (model.provisioned)
      plan.currentUnits = model.provisioned->modelUnits;
    if (!plan.priced) {
      plan.recommendation = PlanRecommendation::QuoteNeeded;
      plan.reason = "AWS publishes no provisioned-throughput price or model-unit capacity for " +
                    model.rates.id +
                    ": ask the account team for a quote and add it under ratecard_overrides.";
    } else {
      plan.floorUnits = floorModelUnits(*today.models[m].ptLoad);
      PlannedModel entry;
      entry.id = model.rates.id;
      for (const PreparedSegment &segment : scenario.segments) {
        int index = -1;
        for (std::size_t k = 0; k < segment.models.size() && index < 0; ++k)
          if (segment.models[k].rates.id == entry.id)
            index = static_cast<int>(k);
        entry.indexBySegment.push_back(index);
      }
      entry.factor = netShare(scenario.agreement, model.rates.marketplace);
      for (PtTerm term : {PtTerm::OneMonth, PtTerm::SixMonth})
        if (const auto rate = model.rates.provisioned->ratePerMuHour(term))
          entry.terms.emplace_back(term, *rate);
      if (entry.terms.empty()) {
        plan.priced = false;
        plan.recommendation = PlanRecommendation::QuoteNeeded;
        plan.reason = "The card prices only no-commit PT for " + model.rates.id +
                      ": ask the account team for one- and six-month quotes.";
      } else {
        planned.push_back(entry);
      }
    }
    result.models.push_back(std::move(plan));
  }
  const auto planOf = [&](const PlannedModel &entry) -> ModelPlan & {
    for (ModelPlan &plan : result.models)
      if (plan.modelId == entry.id)
        return plan;
    return result.models.front();
  };
  if (planned.empty())
    return result;

  const int trials = std::max(1, result.trials);
  const auto blockRange = [&](int block) {
    return std::pair{static_cast<int>(static_cast<long long>(trials) * block / kBlocks),
                     static_cast<int>(static_cast<long long>(trials) * (block + 1) / kBlocks)};
  };
  const int workers = workerCount(options.threads, kBlocks);
  std::vector<PreparedScenario> scratch(static_cast<std::size_t>(workers), scenario);
  // Runs `visit(trial, month, traffic)` for every trial and month, block by block.
  const auto forEachMonth = [&](const auto &visit) {
    return runTrials(kBlocks, options.threads, options.cancel, [&](int block, int worker) {
      PreparedScenario &copy = scratch[static_cast<std::size_t>(worker)];
      const auto [begin, end] = blockRange(block);
      for (int trial = begin; trial < end; ++trial) {
        const TrialLevers levers = sampleTrial(distributions, result.seed, trial);
        applyTrialLevers(copy, scenario, levers);
        const double scale = options.volumeScale * levers.volume * scenario.globalVolumeMultiplier;
        for (int month = 0; month < kPlanMonths; ++month)
          visit(block, trial, month, monthTraffic(copy, month, scale));
      }
    });
  };

  // Pass 1: the largest load any trial reaches bounds the units scanned.
  std::vector<std::vector<double>> peaks(planned.size(), std::vector<double>(kBlocks, 0.0));
  if (!forEachMonth([&](int block, int, int month, const MonthTraffic &traffic) {
        for (std::size_t p = 0; p < planned.size(); ++p) {
          double &peak = peaks[p][static_cast<std::size_t>(block)];
          peak = std::max(peak, loadOf(scenario, planned[p], month, traffic).maxDemand());
        }
      }))
    return std::nullopt;
  std::vector<long long> lastUnits;
  for (const auto &blockPeaks : peaks)
    lastUnits.push_back(
        std::min(kMaxScannedUnits, static_cast<long long>(std::ceil(
                                       *std::max_element(blockPeaks.begin(), blockPeaks.end())))));

  // Pass 2: expected overflow and used MU-hours at every unit count.
  struct Sums {
    std::vector<double> overflow, used;
  };
  std::vector<std::vector<Sums>> sums(planned.size(), std::vector<Sums>(kBlocks));
  for (std::size_t p = 0; p < planned.size(); ++p)
    for (Sums &block : sums[p]) {
      block.overflow.assign(static_cast<std::size_t>(lastUnits[p] + 1), 0.0);
      block.used.assign(static_cast<std::size_t>(lastUnits[p] + 1), 0.0);
    }
  if (!forEachMonth([&](int block, int, int month, const MonthTraffic &traffic) {
        for (std::size_t p = 0; p < planned.size(); ++p) {
          Sums &target = sums[p][static_cast<std::size_t>(block)];
          scanUnits(loadOf(scenario, planned[p], month, traffic), lastUnits[p], target.overflow,
                    target.used);
        }
      }))
    return std::nullopt;

  std::vector<std::vector<Candidate>> candidates(planned.size());
  std::vector<std::vector<double>> expectedUsed(planned.size());
  const double samples = static_cast<double>(trials) * kPlanMonths;
  for (std::size_t p = 0; p < planned.size(); ++p) {
    const std::size_t count = static_cast<std::size_t>(lastUnits[p] + 1);
    std::vector<double> overflow(count, 0.0), used(count, 0.0);
    for (const Sums &block : sums[p])
      for (std::size_t n = 0; n < count; ++n) {
        overflow[n] += block.overflow[n];
        used[n] += block.used[n];
      }
    for (std::size_t n = 0; n < count; ++n) {
      overflow[n] /= samples;
      used[n] = used[n] / samples * hours / kHoursPerWeek; // MU-hours a month
    }
    expectedUsed[p] = used;
    ModelPlan &plan = planOf(planned[p]);
    candidates[p].push_back({PlanChoiceKind::None, std::nullopt, 0, 0});
    for (const auto &[term, rate] : planned[p].terms) {
      // The sizing's own rule over the expected overflow, so the planner's
      // optimum and the workbench's break ties alike.
      const long long optimum = cheapestModelUnits(lastUnits[p], rate, hours, [&](double units) {
        return overflow[static_cast<std::size_t>(units)];
      });
      if (plan.floorUnits > 0)
        candidates[p].push_back({PlanChoiceKind::Floor, term, plan.floorUnits, rate});
      if (optimum > 0)
        candidates[p].push_back({PlanChoiceKind::Optimum, term, optimum, rate});
    }
  }

  // Pass 3: each candidate's cost in every trial, for its spread and regret.
  std::vector<std::vector<std::vector<double>>> trialCost(planned.size());
  std::vector<std::vector<std::vector<std::array<double, kPlanMonths>>>> monthCost(planned.size());
  for (std::size_t p = 0; p < planned.size(); ++p) {
    trialCost[p].assign(candidates[p].size(),
                        std::vector<double>(static_cast<std::size_t>(trials), 0.0));
    monthCost[p].assign(candidates[p].size(), std::vector<std::array<double, kPlanMonths>>(
                                                  kBlocks, std::array<double, kPlanMonths>{}));
  }
  if (!forEachMonth([&](int block, int trial, int month, const MonthTraffic &traffic) {
        for (std::size_t p = 0; p < planned.size(); ++p) {
          const HourlyDemand &load = loadOf(scenario, planned[p], month, traffic);
          for (std::size_t c = 0; c < candidates[p].size(); ++c) {
            const Candidate &candidate = candidates[p][c];
            const double units = static_cast<double>(candidate.units);
            const double gross = candidate.term ? ptChargeUsd(units, candidate.rate, hours) +
                                                      overflowUsd(load, units)
                                                : load.totalOnDemandUsd();
            const double net = gross * planned[p].factor;
            trialCost[p][c][static_cast<std::size_t>(trial)] += net / kPlanMonths;
            monthCost[p][c][static_cast<std::size_t>(block)][static_cast<std::size_t>(month)] +=
                net;
          }
        }
      }))
    return std::nullopt;

  for (std::size_t p = 0; p < planned.size(); ++p) {
    ModelPlan &plan = planOf(planned[p]);
    const std::size_t choices = candidates[p].size();
    std::vector<double> regret(choices, 0.0);
    for (int trial = 0; trial < trials; ++trial) {
      double best = INFINITY;
      for (std::size_t c = 0; c < choices; ++c)
        best = std::min(best, trialCost[p][c][static_cast<std::size_t>(trial)]);
      for (std::size_t c = 0; c < choices; ++c)
        regret[c] += trialCost[p][c][static_cast<std::size_t>(trial)] - best;
    }
    std::vector<std::array<double, kPlanMonths>> expectedMonth(choices);
    for (std::size_t c = 0; c < choices; ++c)
      for (const auto &block : monthCost[p][c])
        for (int month = 0; month < kPlanMonths; ++month)
          expectedMonth[c][static_cast<std::size_t>(month)] +=
              block[static_cast<std::size_t>(month)] / trials;
    for (std::size_t c = 0; c < choices; ++c) {
      const Candidate &candidate = candidates[p][c];
      PlanChoice choice;
      choice.kind = candidate.kind;
      choice.term = candidate.term;
      choice.modelUnits = candidate.units;
      std::vector<double> costs = trialCost[p][c];
      double total = 0;
      for (double cost : costs)
        total += cost;
      choice.expectedMonthlyUsd = total / trials;
      std::sort(costs.begin(), costs.end());
      choice.p90MonthlyUsd = sortedQuantile(costs, 0.9);
      choice.expectedRegretUsd = regret[c] / trials;
      if (candidate.term) {
        const std::size_t n = static_cast<std::size_t>(std::min(candidate.units, lastUnits[p]));
        const double usedHours =
            n < expectedUsed[p].size() ? expectedUsed[p][n] : expectedUsed[p].back();
        choice.expectedIdleMuHours =
            std::max(0.0, static_cast<double>(candidate.units) * hours - usedHours);
      }
      double cumulative = 0;
      for (int month = 0; month < kPlanMonths; ++month) {
        cumulative += expectedMonth[0][static_cast<std::size_t>(month)] -
                      expectedMonth[c][static_cast<std::size_t>(month)];
        choice.cumulativeSavingsUsd[static_cast<std::size_t>(month)] = cumulative;
        if (candidate.term && !choice.breakEvenMonth && cumulative > 0)
          choice.breakEvenMonth = month;
      }
      plan.choices.push_back(choice);
    }
    recommend(plan, result.historyDays);
  }
  return result;
}

} // namespace bwi::core
