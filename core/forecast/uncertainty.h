#pragma once

#include "core/cost/preparedscenario.h"

#include <cstdint>
#include <optional>

// The distributions of the uncertain levers (forecast.volume_p10/p90 and
// forecast.uncertainty) and how one trial's draw changes a prepared
// scenario. See docs/cost-model.md §16.
namespace bwi::core {

// z of the 90th percentile of the standard normal.
inline constexpr double kZ90 = 1.2815515655446004;

// A normal (or, on a log scale, log-normal) distribution fitted to a p10 and
// p90; p10 = p90 is a single value, drawn exactly.
struct LeverDistribution {
  bool logScale = false;
  double p10 = 0;
  double p90 = 0;
  double center() const; // the median
  double sigma() const;  // of the value, or of its logarithm
  double at(double z) const;
  // P(value <= x).
  double cdf(double x) const;
};

struct TrialLevers {
  double volume = 1; // multiplies the global volume multiplier
  double growthShift = 0;
  double outputFactor = 1;
  double hitRateShift = 0;
};

struct LeverDistributions {
  std::optional<LeverDistribution> volume;
  std::optional<LeverDistribution> growthShift;
  std::optional<LeverDistribution> outputFactor;
  std::optional<LeverDistribution> hitRateShift;
  bool any() const { return volume || growthShift || outputFactor || hitRateShift; }
  bool onlyVolume() const { return !growthShift && !outputFactor && !hitRateShift; }
};

LeverDistributions leverDistributions(const ForecastSettings &settings);

// The draw of trial `trial`: four standard normals from its own stream, in
// the order volume, growth, output, hit rate, whether each lever is uncertain or not.
TrialLevers sampleTrial(const LeverDistributions &distributions, std::uint64_t seed, int trial);

// Rewrites `target` (a copy of `base` with the same structure) to the
// trial's growth, output tokens and cache hit rates. Volume travels as a
// volume scale, not here. Neutral levers leave every figure bit for bit.
void applyTrialLevers(PreparedScenario &target, const PreparedScenario &base,
                      const TrialLevers &levers);

} // namespace bwi::core
