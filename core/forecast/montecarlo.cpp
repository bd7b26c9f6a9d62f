#include "core/forecast/montecarlo.h"

#include "core/cost/monthtotals.h"

#include <algorithm>
#include <cmath>
#include <thread>

namespace bwi::core {

double sortedQuantile(const std::vector<double> &sorted, double p) {
  if (sorted.empty())
    return 0;
  const double h = (static_cast<double>(sorted.size()) - 1) * p;
  const auto below = static_cast<std::size_t>(std::floor(h));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (h - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

int workerCount(int requested, int trials) {
  int threads = requested > 0 ? requested : static_cast<int>(std::thread::hardware_concurrency());
  return std::clamp(threads, 1, std::max(1, std::min(trials, 64)));
}

bool runTrials(int trials, int threads, const std::atomic<bool> *cancel,
               const std::function<void(int trial, int worker)> &trial) {
  const int workers = workerCount(threads, trials);
  std::atomic<bool> stopped = false;
  const auto block = [&](int worker) {
    const int begin = static_cast<int>(static_cast<long long>(trials) * worker / workers);
    const int end = static_cast<int>(static_cast<long long>(trials) * (worker + 1) / workers);
    for (int index = begin; index < end; ++index) {
      if (cancel && cancel->load(std::memory_order_relaxed)) {
        stopped = true;
        return;
      }
      trial(index, worker);
    }
  };
  std::vector<std::thread> pool;
  for (int worker = 1; worker < workers; ++worker)
    pool.emplace_back(block, worker);
  block(0);
  for (std::thread &thread : pool)
    thread.join();
  return !stopped;
}

std::optional<std::vector<std::vector<double>>>
sampleMonthlyNet(const PreparedScenario &scenario, const LeverDistributions &distributions,
                 const MonteCarloOptions &options) {
  const int months = scenario.forecast.months;
  const int trials = std::max(1, options.trials);
  std::vector<std::vector<double>> net(static_cast<std::size_t>(months),
                                       std::vector<double>(static_cast<std::size_t>(trials)));
  // Each worker reprices its own copy of the scenario.
  std::vector<PreparedScenario> scratch(
      static_cast<std::size_t>(workerCount(options.threads, trials)), scenario);
  const bool ok = runTrials(trials, options.threads, options.cancel, [&](int trial, int worker) {
    const TrialLevers levers = sampleTrial(distributions, options.seed, trial);
    PreparedScenario &copy = scratch[static_cast<std::size_t>(worker)];
    applyTrialLevers(copy, scenario, levers);
    const double scale = options.volumeScale * levers.volume;
    for (int month = 0; month < months; ++month)
      net[static_cast<std::size_t>(month)][static_cast<std::size_t>(trial)] =
          monthTotals(copy, month, scale).netUsd;
  });
  if (!ok)
    return std::nullopt;
  return net;
}

} // namespace bwi::core
