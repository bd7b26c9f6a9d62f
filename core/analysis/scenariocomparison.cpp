#include "core/analysis/scenariocomparison.h"

#include "core/analysis/keyfigures.h"
#include "core/cost/preparedscenario.h"
#include "core/forecast/forecast.h"

#include <algorithm>
#include <numeric>

namespace bwi::core {
namespace {

struct Summary {
  Evaluation evaluation;
  KeyFigures figures;
  double forecastNetUsd = 0;
};

Summary summarize(const ComparisonInput &input, int month, int forecastMonths) {
  PreparedScenario prepared = prepareScenario(input.scenario, input.card);
  // Every scenario is totalled over the baseline's horizon, so the totals compare.
  prepared.forecast.months = forecastMonths;
  Summary summary;
  summary.evaluation = evaluate(prepared, month);
  // The deterministic months: a comparison totals the plan, not its fan.
  ForecastOptions options;
  options.monteCarlo = false;
  const Forecast ahead = forecast(prepared, 1.0, options);
  summary.forecastNetUsd =
      std::accumulate(ahead.months.begin(), ahead.months.end(), 0.0,
                      [](double sum, const ForecastMonth &m) { return sum + m.netUsd; });
  summary.figures = keyFiguresOf(summary.evaluation, ahead, prepared, std::nullopt);
  return summary;
}

std::optional<double> some(double value) { return value; }

} // namespace

Comparison compareScenarios(const std::vector<ComparisonInput> &inputs, int month) {
  Comparison comparison;
  comparison.month = month;
  if (inputs.empty())
    return comparison;
  comparison.forecastMonths = inputs.front().scenario.forecast.months;
  std::vector<Summary> summaries;
  for (const ComparisonInput &input : inputs) {
    comparison.labels.push_back(input.label);
    summaries.push_back(summarize(input, month, comparison.forecastMonths));
    comparison.netModes.push_back(summaries.back().evaluation.netModes);
  }

  struct RowSpec {
    const char *key;
    std::string label;
    FigureUnit unit;
    std::optional<double> (*value)(const Summary &);
    Favourable favourable = Favourable::Lower;
  };
  std::vector<RowSpec> specs = {
      {"net_usd", "Net cost this month", FigureUnit::Usd,
       [](const Summary &s) { return some(s.evaluation.netUsd); }},
      {"gross_usd", "Gross cost this month", FigureUnit::Usd,
       [](const Summary &s) { return some(s.evaluation.grossUsd); }},
      {"discount_usd", "Private-pricing discount", FigureUnit::Usd,
       [](const Summary &s) { return some(s.evaluation.discountUsd); }, Favourable::Higher},
      {"on_demand_usd", "On demand (net)", FigureUnit::Usd,
       [](const Summary &s) { return some(s.evaluation.netModes.onDemand); }},
      {"overflow_usd", "Overflow above commitments (net)", FigureUnit::Usd,
       [](const Summary &s) { return some(s.evaluation.netModes.overflow); }},
      {"batch_usd", "Batch (net)", FigureUnit::Usd,
       [](const Summary &s) { return some(s.evaluation.netModes.batch); }},
      {"provisioned_usd", "Provisioned throughput (net)", FigureUnit::Usd,
       [](const Summary &s) { return some(s.evaluation.netModes.provisioned); }},
      {"reserved_usd", "Reserved tier (net)", FigureUnit::Usd,
       [](const Summary &s) { return some(s.evaluation.netModes.reserved); }},
      {"forecast_net_usd",
       "Net cost over the next " + std::to_string(comparison.forecastMonths) + " months",
       FigureUnit::Usd, [](const Summary &s) { return some(s.forecastNetUsd); }},
      {"requests", "Requests this month", FigureUnit::Count,
       [](const Summary &s) { return some(s.evaluation.requests); }, Favourable::Neither},
      {"net_per_1k_requests_usd", "Net per 1,000 requests", FigureUnit::UsdPer1kRequests,
       [](const Summary &s) { return s.figures.netPer1kRequestsUsd; }},
      {"blended_per_1m_tokens_usd", "Blended net per 1M tokens", FigureUnit::UsdPer1mTokens,
       [](const Summary &s) { return s.figures.blendedPer1mTokensUsd; }},
      {"pt_utilization", "PT utilization", FigureUnit::Share,
       [](const Summary &s) { return s.figures.ptUtilization; }, Favourable::Neither},
      {"commit_retired_share", "Annual commit retired (12 months)", FigureUnit::Share,
       [](const Summary &s) { return s.figures.commitRetiredShare; }, Favourable::Neither},
  };
  // Traffic on models without a price is in no cost above: a row says how
  // much, only when some scenario has any (docs/cost-model.md §21).
  if (std::any_of(summaries.begin(), summaries.end(),
                  [](const Summary &s) { return !s.evaluation.unpriced.empty(); }))
    specs.insert(specs.begin() + 1,
                 {"unpriced_requests", "Requests on models without a price (not in the totals)",
                  FigureUnit::Count, [](const Summary &s) {
                    return some(s.evaluation.requests - s.evaluation.pricedRequests());
                  }});
  for (const RowSpec &spec : specs) {
    FigureRow row{spec.key, spec.label, spec.unit, {}, {}, {}, spec.favourable};
    for (const Summary &summary : summaries)
      row.values.push_back(spec.value(summary));
    const std::optional<double> base = row.values.front();
    for (std::size_t i = 0; i < row.values.size(); ++i) {
      const std::optional<double> &value = row.values[i];
      if (i == 0 || !value || !base) {
        row.differences.push_back(std::nullopt);
        row.relativeDifferences.push_back(std::nullopt);
        continue;
      }
      row.differences.push_back(*value - *base);
      row.relativeDifferences.push_back(*base != 0 ? std::optional<double>((*value - *base) / *base)
                                                   : std::nullopt);
    }
    comparison.rows.push_back(std::move(row));
  }

  for (std::size_t i = 1; i < inputs.size(); ++i)
    comparison.attributions.push_back(attributeLevers(inputs.front().scenario, inputs.front().card,
                                                      inputs[i].scenario, inputs[i].card, month));
  return comparison;
}

} // namespace bwi::core
