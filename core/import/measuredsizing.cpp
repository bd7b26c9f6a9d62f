#include "core/import/measuredsizing.h"

#include "core/cost/provisionedsizing.h"
#include "core/import/isotime.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace bwi::core {
namespace {

// Nearest-rank percentile of a copy of `values`.
double percentile(std::vector<double> values, double q) {
  if (values.empty())
    return 0;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(
      std::max(1.0, std::ceil(std::clamp(q, 0.0, 1.0) * static_cast<double>(values.size()))));
  return values[std::min(rank, values.size()) - 1];
}

double onDemandUsd(const TokenCounts &counts, const ModelRates &rates) {
  const double cacheRead = rates.cache ? rates.cache->readPer1m : rates.onDemand.inputPer1m;
  const double cacheWrite =
      rates.cache ? rates.cache->writePer1m.value_or(0) : rates.onDemand.inputPer1m;
  return (static_cast<double>(counts.input) * rates.onDemand.inputPer1m +
          static_cast<double>(counts.cacheRead) * cacheRead +
          static_cast<double>(counts.cacheWrite) * cacheWrite +
          static_cast<double>(counts.output) * rates.onDemand.outputPer1m) /
         1e6;
}

} // namespace

double coveredDays(const std::vector<UsageGroup> &groups) {
  std::optional<std::int64_t> first, last;
  for (const UsageGroup &group : groups) {
    if (group.hourly.empty())
      continue;
    const std::int64_t begin = group.hourly.begin()->first, end = group.hourly.rbegin()->first;
    first = first ? std::min(*first, begin) : begin;
    last = last ? std::max(*last, end) : end;
  }
  return first ? static_cast<double>(*last - *first + 1) / 24.0 : 0.0;
}

std::vector<MeasuredSizing> sizeMeasuredLoad(const std::vector<UsageGroup> &groups,
                                             const RateCard &card, double floorPercentile,
                                             double hoursPerMonth, PtTerm term) {
  std::map<std::string, std::map<std::int64_t, TokenCounts>> byModel;
  for (const UsageGroup &group : groups)
    if (group.tier != "batch")
      for (const auto &[hour, counts] : group.hourly)
        byModel[group.model][hour] += counts;
  std::vector<MeasuredSizing> sizings;
  for (const auto &[model, hourly] : byModel) {
    if (hourly.empty())
      continue;
    MeasuredSizing sizing;
    sizing.model = model;
    sizing.floorPercentile = floorPercentile;
    const std::int64_t first = hourly.begin()->first, last = hourly.rbegin()->first;
    sizing.hours = last - first + 1;
    std::vector<double> inputTpm, outputTpm;
    std::vector<TokenCounts> series;
    for (std::int64_t hour = first; hour <= last; ++hour) {
      const auto found = hourly.find(hour);
      const TokenCounts counts = found == hourly.end() ? TokenCounts{} : found->second;
      series.push_back(counts);
      inputTpm.push_back(static_cast<double>(counts.input + counts.cacheRead + counts.cacheWrite) /
                         60.0);
      outputTpm.push_back(static_cast<double>(counts.output) / 60.0);
    }
    sizing.inputTpmAtFloor = percentile(inputTpm, floorPercentile);
    sizing.outputTpmAtFloor = percentile(outputTpm, floorPercentile);
    sizing.peakInputTpm = *std::max_element(inputTpm.begin(), inputTpm.end());
    sizing.peakOutputTpm = *std::max_element(outputTpm.begin(), outputTpm.end());
    TokenCounts total;
    for (const auto &[hour, counts] : hourly) {
      sizing.monthly[isoFromSeconds(hour * kSecondsPerHour).substr(0, 7)] += counts;
      total += counts;
    }
    if (total.output > 0)
      sizing.inputOutputRatio =
          static_cast<double>(total.input + total.cacheRead + total.cacheWrite) /
          static_cast<double>(total.output);
    const ModelRates *rates = card.find(model);
    const auto rate = rates && rates->provisioned ? rates->provisioned->ratePerMuHour(term)
                                                  : std::optional<double>();
    if (!rates || !rates->ptCapable() || !rate) {
      sizing.note = rates ? "no provisioned-throughput price and capacity in the rate card "
                            "(quote needed): sized in tokens per minute only"
                          : "not in the rate card: sized in tokens per minute only";
      sizings.push_back(std::move(sizing));
      continue;
    }
    const double capIn = *rates->provisioned->inputTpmPerMu;
    const double capOut = *rates->provisioned->outputTpmPerMu;
    std::vector<double> load(series.size()), cost(series.size());
    for (std::size_t h = 0; h < series.size(); ++h) {
      load[h] = inputTpm[h] / capIn + outputTpm[h] / capOut;
      cost[h] = onDemandUsd(series[h], *rates);
    }
    const double monthScale = hoursPerMonth / static_cast<double>(series.size());
    const auto overflowUsd = [&](double units) {
      double overflow = 0;
      for (std::size_t h = 0; h < series.size(); ++h)
        if (load[h] > units)
          overflow += (1.0 - units / load[h]) * cost[h];
      return overflow * monthScale;
    };
    const double peak = *std::max_element(load.begin(), load.end());
    sizing.peakLoadMu = peak;
    double mean = 0;
    for (double each : load)
      mean += each;
    sizing.meanLoadMu = mean / static_cast<double>(load.size());
    sizing.floorModelUnits = static_cast<long long>(std::floor(percentile(load, floorPercentile)));
    sizing.optimalModelUnits = cheapestModelUnits(static_cast<long long>(std::ceil(peak)), *rate,
                                                  hoursPerMonth, overflowUsd);
    sizings.push_back(std::move(sizing));
  }
  return sizings;
}

} // namespace bwi::core
