#pragma once

#include "preparedscenario.h"

#include <optional>
#include <string>
#include <vector>

// The cost curves of cost-model.md section 7. Costs are net USD per month
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

struct UnitsCurvePoint {
  long long modelUnits = 0;
  double costUsd = 0; // the model's net monthly cost with this many units
};

struct UnitsCurve {
  std::string modelId;
  PtTerm term = PtTerm::OneMonth;
  double ratePerMuHour = 0;
  std::vector<UnitsCurvePoint> points; // N = 0 … 2·ceil(max load)
  long long floorModelUnits = 0;
  long long optimalModelUnits = 0;
  std::optional<int> currentModelUnits; // the scenario's active commitment
  std::optional<double> breakEvenUtilization;
};

// nullopt when the model is not PT-capable or carries no real-time traffic.
std::optional<UnitsCurve> unitsCurve(const PreparedScenario &scenario, int month,
                                     const std::string &modelId, double volumeScale = 1.0);

} // namespace bwi::core
