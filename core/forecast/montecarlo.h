#pragma once

#include "core/cost/preparedscenario.h"
#include "core/forecast/uncertainty.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

// Monte Carlo over the uncertain levers: each trial draws the levers once
// and costs every forecast month with them. Net USD per month.
namespace bwi::core {

struct MonteCarloOptions {
  int trials = kDefaultTrials;
  std::uint64_t seed = kDefaultSeed;
  double volumeScale = 1; // the global volume slider, on top of the drawn volume
  int threads = 0;        // 0: the machine's cores
  // Set from another thread to stop early; the run then returns nullopt.
  const std::atomic<bool> *cancel = nullptr;
};

// Quantile of sorted values, interpolating linearly between order
// statistics (h = (n − 1)·p).
double sortedQuantile(const std::vector<double> &sorted, double p);

// Runs `trial(index, worker)` for every trial index on `threads` workers,
// each worker taking a contiguous block; returns false when cancelled.
bool runTrials(int trials, int threads, const std::atomic<bool> *cancel,
               const std::function<void(int trial, int worker)> &trial);

int workerCount(int requested, int trials);

// Net USD of every trial in every month: netUsd[month][trial]. nullopt when cancelled.
std::optional<std::vector<std::vector<double>>>
sampleMonthlyNet(const PreparedScenario &scenario, const LeverDistributions &distributions,
                 const MonteCarloOptions &options);

} // namespace bwi::core
