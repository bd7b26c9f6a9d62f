#pragma once

#include "core/import/usagegroups.h"
#include "core/model/ratecard.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

// Provisioned-throughput sizing over an imported hourly series instead of a
// weekly profile (docs/cost-model.md §5): the floor at a percentile of the
// measured hourly load (default p10), the optimum N minimizing N·rate·H plus
// the overflow the series would pay on demand, scaled to a month.
namespace bwi::core {

struct MeasuredSizing {
  std::string model;
  std::int64_t hours = 0;        // hours from the first to the last imported hour
  double floorPercentile = 0.10; // of the hourly load
  // Tokens per minute (input counts cache reads and writes, as PT does).
  double inputTpmAtFloor = 0, outputTpmAtFloor = 0;
  double peakInputTpm = 0, peakOutputTpm = 0;
  // Model units; only where the card has a PT price and capacity for the model.
  std::optional<long long> floorModelUnits, optimalModelUnits;
  std::optional<double> meanLoadMu, peakLoadMu;
  // The month's traffic ("2026-11" → sums), and input (cached included) per output token.
  std::map<std::string, TokenCounts> monthly;
  std::optional<double> inputOutputRatio;
  std::string note;
};

// Batch traffic is left out (it never uses PT); `term` picks the PT price.
std::vector<MeasuredSizing> sizeMeasuredLoad(const std::vector<UsageGroup> &groups,
                                             const RateCard &card, double floorPercentile,
                                             double hoursPerMonth, PtTerm term = PtTerm::OneMonth);

// Days from the earliest to the latest imported hour.
double coveredDays(const std::vector<UsageGroup> &groups);

} // namespace bwi::core
