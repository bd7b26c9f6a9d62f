#include "core/forecast/uncertainty.h"

#include "core/common/randomstream.h"

#include <algorithm>
#include <cmath>

namespace bwi::core {

double LeverDistribution::center() const {
  if (p10 == p90)
    return p10;
  return logScale ? std::sqrt(p10 * p90) : (p10 + p90) / 2;
}

double LeverDistribution::sigma() const {
  if (p10 == p90)
    return 0;
  return (logScale ? std::log(p90 / p10) : p90 - p10) / (2 * kZ90);
}

double LeverDistribution::at(double z) const {
  if (p10 == p90)
    return p10;
  return logScale ? center() * std::exp(sigma() * z) : center() + sigma() * z;
}

double LeverDistribution::cdf(double x) const {
  if (p10 == p90)
    return x >= p10 ? 1.0 : 0.0;
  if (logScale && x <= 0)
    return 0.0;
  const double z = (logScale ? std::log(x / center()) : x - center()) / sigma();
  return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

LeverDistributions leverDistributions(const ForecastSettings &settings) {
  LeverDistributions result;
  if (settings.volumeP10 && settings.volumeP90)
    result.volume = LeverDistribution{true, *settings.volumeP10, *settings.volumeP90};
  const ForecastUncertainty &u = settings.uncertainty;
  if (u.growthPerMonthShift)
    result.growthShift =
        LeverDistribution{false, u.growthPerMonthShift->p10, u.growthPerMonthShift->p90};
  if (u.outputTokensFactor)
    result.outputFactor =
        LeverDistribution{true, u.outputTokensFactor->p10, u.outputTokensFactor->p90};
  if (u.cacheHitRateShift)
    result.hitRateShift =
        LeverDistribution{false, u.cacheHitRateShift->p10, u.cacheHitRateShift->p90};
  return result;
}

TrialLevers sampleTrial(const LeverDistributions &distributions, std::uint64_t seed, int trial) {
  RandomStream stream(seed, static_cast<std::uint64_t>(trial));
  double z[4];
  for (double &value : z)
    value = stream.normal();
  TrialLevers levers;
  if (distributions.volume)
    levers.volume = distributions.volume->at(z[0]);
  if (distributions.growthShift)
    levers.growthShift = distributions.growthShift->at(z[1]);
  if (distributions.outputFactor)
    levers.outputFactor = distributions.outputFactor->at(z[2]);
  if (distributions.hitRateShift)
    levers.hitRateShift = distributions.hitRateShift->at(z[3]);
  return levers;
}

void applyTrialLevers(PreparedScenario &target, const PreparedScenario &base,
                      const TrialLevers &levers) {
  for (std::size_t w = 0; w < base.workloads.size(); ++w)
    target.workloads[w].growthPerMonth =
        std::clamp(base.workloads[w].growthPerMonth + levers.growthShift, -1.0, 10.0);
  // Every segment's flows: a trial's tokens re-test long context too.
  for (std::size_t s = 0; s < base.segments.size(); ++s) {
    const PreparedSegment &segment = base.segments[s];
    for (std::size_t f = 0; f < segment.flows.size(); ++f) {
      const PreparedFlow &flow = segment.flows[f];
      const PreparedWorkload &workload = base.workloads[flow.workload];
      TokenShape tokens = workload.tokens;
      tokens.output *= levers.outputFactor;
      std::optional<Caching> caching = workload.caching;
      if (caching)
        caching->hitRate = std::clamp(caching->hitRate + levers.hitRateShift, 0.0, 1.0);
      priceFlow(target.segments[s].flows[f], tokens, caching, workload.serviceTier,
                segment.models[flow.model].rates);
    }
  }
}

} // namespace bwi::core
