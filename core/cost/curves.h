#pragma once

#include "core/cost/preparedscenario.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

// The cost curves of docs/cost-model.md §7. Costs are net USD per month
// (after the private-pricing discount), so they read like the headline.
namespace bwi::core {

struct VolumeCurvePoint {
  double multiplier = 0;         // global volume multiplier x
  double onDemandOnlyUsd = 0;    // no commitments at all
  double withCommitmentsUsd = 0; // the scenario's PT and reservations
  double withOptimalUsd = 0;     // optimal PT units at this x (reservations as given)
};

struct VolumeCurveOptions {
  int points = 60;
  double minMultiplier = 0.1;
  double maxMultiplier = 10;
};

// Points spaced evenly on a log scale from min to max multiplier.
std::vector<VolumeCurvePoint> volumeCurve(const PreparedScenario &scenario, int month,
                                          const VolumeCurveOptions &options = {});
// The same lines at the given absolute global volume multipliers.
std::vector<VolumeCurvePoint> volumeCurveAt(const PreparedScenario &scenario, int month,
                                            const std::vector<double> &multipliers);

struct UnitsCurvePoint {
  long long modelUnits = 0;
  double costUsd = 0; // the model's net monthly cost with this many units
};

struct UnitsCurve {
  std::string modelId;
  PtTerm term = PtTerm::OneMonth;
  double ratePerMuHour = 0;
  // N = 0 … 2·ceil(max load), extended to the current commitment if larger.
  std::vector<UnitsCurvePoint> points;
  long long floorModelUnits = 0;
  long long optimalModelUnits = 0;
  std::optional<int> currentModelUnits; // the scenario's active commitment
  std::optional<double> breakEvenUtilization;
};

// nullopt when the model is not PT-capable or carries no real-time traffic.
// `volumeScale` multiplies the scenario's global volume multiplier.
std::optional<UnitsCurve> unitsCurve(const PreparedScenario &scenario, int month,
                                     const std::string &modelId, double volumeScale = 1.0);

// A model's demand over the week against its commitment: why a commitment
// sits idle at night.
struct LoadProfile {
  std::string modelId;
  bool reserved = false;            // demand in input TPM against a reservation, else MU against PT
  std::array<double, 168> demand{}; // per hour of the week, Monday 00:00 first
  std::optional<double> committed;  // MU or input TPM, when a commitment is active
  double floor = 0;                 // floor model units (PT) or floor input TPM (reserved)
  double optimal = 0;
};

// nullopt when the model carries no real-time traffic or cannot be committed.
std::optional<LoadProfile> loadProfile(const PreparedScenario &scenario, int month,
                                       const std::string &modelId);

struct ReservedCurvePoint {
  double inputTpm = 0;
  double costUsd = 0; // the model's net monthly cost with this input reservation
};

// Cost against reserved input TPM (output held at the scenario's reservation),
// 1,000 TPM steps from 0 to twice the peak (at most 400 points, coarser steps
// beyond that).
struct ReservedCurve {
  std::string modelId;
  std::vector<ReservedCurvePoint> points;
  double outputTpm = 0;
  double floorInputTpm = 0;
  double optimalInputTpm = 0;
  std::optional<double> currentInputTpm;
  // The model's net monthly cost at the floor, the optimum and the current
  // reservation (exact, where the points are a grid).
  double floorCostUsd = 0;
  double optimalCostUsd = 0;
  std::optional<double> currentCostUsd;
  std::optional<double> utilizationInput;
};

std::optional<ReservedCurve> reservedCurve(const PreparedScenario &scenario, int month,
                                           const std::string &modelId);

} // namespace bwi::core
