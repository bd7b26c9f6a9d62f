#include "core/analysis/planvsactual.h"

#include "core/model/calendarmonth.h"

#include "core/cost/evaluation.h"
#include "core/cost/monthtraffic.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

namespace bwi::core {
namespace {

// One model for one grouping key: its spend billed per token, apart from
// the rest (docs/cost-model.md §17).
struct Cell {
  std::string group; // the row it adds to: the model, or the team
  std::string model;
  double planTokenUsd = 0, planTokens = 0, planOtherUsd = 0;
  double actualTokenUsd = 0, actualTokens = 0, actualOtherUsd = 0;
};

class Cells {
public:
  Cell &at(const std::string &group, const std::string &model) {
    const std::string id = group + '\n' + model;
    const auto found = m_index.find(id);
    if (found != m_index.end())
      return m_cells[found->second];
    m_index.emplace(id, m_cells.size());
    m_cells.push_back({group, model});
    return m_cells.back();
  }
  std::vector<Cell> &all() { return m_cells; }

private:
  std::unordered_map<std::string, std::size_t> m_index;
  std::vector<Cell> m_cells;
};

bool isTokenUsage(const std::string &usage) {
  return usage == "input" || usage == "output" || usage == "cache_read" || usage == "cache_write";
}

std::string groupOfLine(const ActualLine &line, PlanGrouping by) {
  if (by == PlanGrouping::Model)
    return line.model;
  return line.key.empty() ? std::string(kNoTeam) : line.key;
}

// The plan's side of one month: each flow's spend billed per token and its
// tokens, a committed model's whole spend and the unallocated commitment
// charges as commitment/other.
void addPlan(const PreparedScenario &scenario, int month, PlanGrouping by, Cells &cells) {
  EvaluationOptions options;
  options.includeSizing = false;
  const Evaluation evaluation = evaluate(scenario, month, options);
  const MonthTraffic traffic = monthTraffic(scenario, month, evaluation.volumeScale);
  // The month's models and flows, as its calendar segment prices them (docs/cost-model.md §13).
  const PreparedSegment &segment = scenario.segment(month);
  std::vector<char> committed(segment.models.size());
  for (std::size_t m = 0; m < segment.models.size(); ++m) {
    const PreparedModel &model = segment.models[m];
    committed[m] = provisionedActive(model, month) || reservedActive(model, month);
    if (by == PlanGrouping::Model)
      cells.at(model.rates.id, model.rates.id);
  }
  std::vector<double> shownBack(segment.models.size());
  for (std::size_t f = 0; f < segment.flows.size(); ++f) {
    const PreparedFlow &flow = segment.flows[f];
    const std::string &modelId = segment.models[flow.model].rates.id;
    const std::string &group =
        by == PlanGrouping::Model ? modelId : scenario.workloads[flow.workload].team;
    Cell &cell = cells.at(group, modelId);
    const ModeBreakdown &modes = evaluation.flowModes[f];
    shownBack[flow.model] += modes.total();
    const double perToken = modes.onDemand + modes.overflow + modes.batch;
    // Every token a request carries, cached or not, as a bill's token rows count them.
    const double tokens = traffic.flows[f].requests() * (flow.tokens.input + flow.tokens.output);
    if (committed[flow.model] || tokens <= 0) {
      cell.planOtherUsd += modes.total();
    } else {
      cell.planTokenUsd += perToken;
      cell.planTokens += tokens;
      cell.planOtherUsd += modes.provisioned + modes.reserved;
    }
  }
  for (std::size_t m = 0; m < segment.models.size(); ++m) {
    const double unallocated = evaluation.byModel[m].usd - shownBack[m];
    if (std::abs(unallocated) <= 1e-9 * std::max(1.0, evaluation.byModel[m].usd))
      continue;
    const std::string &modelId = segment.models[m].rates.id;
    cells.at(by == PlanGrouping::Model ? modelId : std::string(kUnallocatedKey), modelId)
        .planOtherUsd += unallocated;
  }
}

void addActual(const PreparedScenario &scenario, int planMonth, const std::string &month,
               const ActualSpend &actual, PlanGrouping by, Cells &cells) {
  std::set<std::string> committed;
  const PreparedSegment &segment = scenario.segment(planMonth);
  for (const PreparedModel &model : segment.models)
    if (provisionedActive(model, planMonth) || reservedActive(model, planMonth))
      committed.insert(model.rates.id);
  for (const ActualLine &line : actual.lines) {
    if (line.month != month)
      continue;
    Cell &cell = cells.at(groupOfLine(line, by), line.model);
    if (isTokenUsage(line.usage) && line.tokens > 0 && !committed.contains(line.model)) {
      cell.actualTokenUsd += line.costUsd;
      cell.actualTokens += line.tokens;
    } else {
      cell.actualOtherUsd += line.costUsd;
    }
  }
}

// The price-volume-mix split of docs/cost-model.md §17.
PlanVsActualMonth decompose(std::vector<Cell> &cells) {
  PlanVsActualMonth result;
  double planTokens = 0, actualTokens = 0;
  for (const Cell &cell : cells) {
    planTokens += cell.planTokens;
    actualTokens += cell.actualTokens;
  }
  std::vector<std::string> order;
  std::map<std::string, PlanVsActualRow> rows;
  for (const Cell &cell : cells) {
    const double planPrice = cell.planTokens > 0     ? cell.planTokenUsd / cell.planTokens
                             : cell.actualTokens > 0 ? cell.actualTokenUsd / cell.actualTokens
                                                     : 0.0;
    const double planShare = planTokens > 0 ? cell.planTokens / planTokens : 0.0;
    const double actualShare = actualTokens > 0 ? cell.actualTokens / actualTokens : 0.0;
    VarianceEffects effects;
    effects.volumeUsd = (actualTokens - planTokens) * planShare * planPrice;
    effects.mixUsd = actualTokens * (actualShare - planShare) * planPrice;
    effects.priceUsd = cell.actualTokenUsd - cell.actualTokens * planPrice;
    effects.commitmentUsd = cell.actualOtherUsd - cell.planOtherUsd;

    auto [row, added] = rows.try_emplace(cell.group);
    if (added) {
      order.push_back(cell.group);
      row->second.key = cell.group;
    }
    PlanVsActualRow &sum = row->second;
    sum.planUsd += cell.planTokenUsd + cell.planOtherUsd;
    sum.actualUsd += cell.actualTokenUsd + cell.actualOtherUsd;
    sum.planTokens += cell.planTokens;
    sum.actualTokens += cell.actualTokens;
    sum.effects.volumeUsd += effects.volumeUsd;
    sum.effects.priceUsd += effects.priceUsd;
    sum.effects.mixUsd += effects.mixUsd;
    sum.effects.commitmentUsd += effects.commitmentUsd;
  }
  for (const std::string &key : order) {
    const PlanVsActualRow &row = rows[key];
    result.rows.push_back(row);
    result.planUsd += row.planUsd;
    result.actualUsd += row.actualUsd;
    result.effects.volumeUsd += row.effects.volumeUsd;
    result.effects.priceUsd += row.effects.priceUsd;
    result.effects.mixUsd += row.effects.mixUsd;
    result.effects.commitmentUsd += row.effects.commitmentUsd;
  }
  result.planTokens = planTokens;
  result.actualTokens = actualTokens;
  return result;
}

// Cumulative spend against the budget line (docs/cost-model.md §17): a
// month the bill has is its net, any other the forecast's.
BudgetRunOut runOut(const Forecast &plan, const std::vector<std::optional<double>> &billed,
                    std::optional<int> planStart, double monthlyBudgetUsd) {
  BudgetRunOut result;
  result.monthlyBudgetUsd = monthlyBudgetUsd;
  result.horizonBudgetUsd = monthlyBudgetUsd * static_cast<double>(plan.months.size());
  double cumulative = 0;
  for (std::size_t k = 0; k < plan.months.size(); ++k) {
    BudgetPoint point;
    point.month = planStart ? formatCalendarMonth(*planStart + static_cast<int>(k))
                            : "month " + std::to_string(k);
    point.actual = k < billed.size() && billed[k].has_value();
    point.spendUsd = point.actual ? *billed[k] : plan.months[k].netUsd;
    cumulative += point.spendUsd;
    point.cumulativeUsd = cumulative;
    point.budgetCumulativeUsd = monthlyBudgetUsd * static_cast<double>(k + 1);
    if (!result.runOutMonth && cumulative > result.horizonBudgetUsd) {
      result.runOutMonth = point.month;
      result.runOutIndex = static_cast<int>(k);
    }
    result.points.push_back(point);
  }
  return result;
}

std::vector<Mover> topMovers(const ActualSpend &actual, const std::string &from,
                             const std::string &to, PlanGrouping by) {
  std::map<std::string, Mover> byKey;
  for (const ActualLine &line : actual.lines) {
    if (line.month != from && line.month != to)
      continue;
    Mover &mover = byKey[groupOfLine(line, by)];
    (line.month == from ? mover.fromUsd : mover.toUsd) += line.costUsd;
  }
  std::vector<Mover> movers;
  for (auto &[key, mover] : byKey) {
    mover.key = key;
    movers.push_back(mover);
  }
  return rankMovers(std::move(movers));
}

BudgetRunOut budgetRunOut(const PreparedScenario &scenario, const ActualSpend &actual,
                          int planStart, double monthlyBudgetUsd, const Forecast *known) {
  std::map<int, double> grossByMonth;
  double grossTotal = 0;
  for (const ActualLine &line : actual.lines)
    if (const auto index = parseCalendarMonth(line.month)) {
      grossByMonth[*index] += line.costUsd;
      grossTotal += line.costUsd;
    }
  std::optional<Forecast> computed;
  if (!known) {
    ForecastOptions options;
    options.monteCarlo = false;
    computed = forecast(scenario, 1.0, options);
  }
  const Forecast &plan = known ? *known : *computed;
  std::vector<std::optional<double>> billed(plan.months.size());
  for (std::size_t k = 0; k < plan.months.size(); ++k) {
    const auto month = grossByMonth.find(planStart + static_cast<int>(k));
    if (month == grossByMonth.end())
      continue;
    // The bill's discount lines are not dated in every export: each month
    // takes its share of them in proportion to its gross.
    const double discount = grossTotal > 0 ? actual.discountUsd * month->second / grossTotal : 0.0;
    billed[k] = month->second - discount;
  }
  return runOut(plan, billed, planStart, monthlyBudgetUsd);
}

} // namespace

std::vector<Mover> rankMovers(std::vector<Mover> movers) {
  std::erase_if(movers, [](const Mover &mover) { return mover.changeUsd() == 0; });
  for (Mover &mover : movers)
    mover.changeShare =
        mover.fromUsd > 0 ? std::optional<double>(mover.changeUsd() / mover.fromUsd) : std::nullopt;
  // Ties keep the keys' alphabetical order, so the list is stable.
  std::sort(movers.begin(), movers.end(),
            [](const Mover &a, const Mover &b) { return a.key < b.key; });
  std::stable_sort(movers.begin(), movers.end(), [](const Mover &a, const Mover &b) {
    return std::abs(a.changeUsd()) > std::abs(b.changeUsd());
  });
  if (movers.size() > static_cast<std::size_t>(kTopMovers))
    movers.resize(kTopMovers);
  return movers;
}

BudgetRunOut budgetRunOut(const Forecast &forecast, std::optional<int> planStart,
                          double monthlyBudgetUsd) {
  return runOut(forecast, {}, planStart, monthlyBudgetUsd);
}

PlanVsActualResult planVsActual(const PreparedScenario &scenario, const ActualSpend &actual,
                                const PlanVsActualOptions &options) {
  PlanVsActualResult result;
  std::set<int> billMonths;
  bool keyed = false;
  for (const ActualLine &line : actual.lines) {
    const auto index = parseCalendarMonth(line.month);
    if (!index) {
      result.error = "the bill names a month that is not YYYY-MM: \"" + line.month + "\"";
      return result;
    }
    billMonths.insert(*index);
    keyed = keyed || !line.key.empty();
  }
  if (billMonths.empty()) {
    result.error = "the bill has no Bedrock charges";
    return result;
  }
  if (options.by == PlanGrouping::Team && !keyed) {
    result.error = "the bill carries no team key: by team needs a bill grouped by a principal "
                   "or tag";
    return result;
  }
  int planStart = *billMonths.begin();
  if (!options.planStart.empty()) {
    const auto index = parseCalendarMonth(options.planStart);
    if (!index) {
      result.error = "the plan's start is not YYYY-MM: \"" + options.planStart + "\"";
      return result;
    }
    planStart = *index;
  }
  int selectedMonth = *billMonths.rbegin();
  if (!options.month.empty()) {
    const auto index = parseCalendarMonth(options.month);
    if (!index || !billMonths.contains(*index)) {
      result.error = "the bill has no charges in " + options.month;
      return result;
    }
    selectedMonth = *index;
  }
  if (selectedMonth < planStart) {
    result.error = formatCalendarMonth(selectedMonth) + " is before the plan's start, " +
                   formatCalendarMonth(planStart);
    return result;
  }

  PlanVsActual value;
  value.planStart = formatCalendarMonth(planStart);
  value.by = options.by;
  for (int month : billMonths) {
    const std::string name = formatCalendarMonth(month);
    if (month < planStart) {
      value.notes.push_back(name + " is before the plan's start (" + value.planStart +
                            "): left out");
      continue;
    }
    Cells cells;
    addPlan(scenario, month - planStart, options.by, cells);
    addActual(scenario, month - planStart, name, actual, options.by, cells);
    PlanVsActualMonth figures = decompose(cells.all());
    figures.month = name;
    figures.planMonth = month - planStart;
    if (month == selectedMonth)
      value.selected = static_cast<int>(value.months.size());
    value.months.push_back(std::move(figures));
  }
  if (billMonths.contains(selectedMonth - 1)) {
    value.moversFrom = formatCalendarMonth(selectedMonth - 1);
    value.movers =
        topMovers(actual, value.moversFrom, formatCalendarMonth(selectedMonth), options.by);
  }
  if (scenario.forecast.budgetUsd)
    value.budget =
        budgetRunOut(scenario, actual, planStart, *scenario.forecast.budgetUsd, options.forecast);
  result.value = std::move(value);
  return result;
}

} // namespace bwi::core
