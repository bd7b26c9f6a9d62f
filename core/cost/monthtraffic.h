#pragma once

#include "core/cost/hourlydemand.h"
#include "core/cost/preparedscenario.h"

#include <optional>
#include <vector>

// How much traffic each model carries in one month at one volume scale, and
// what it would cost on demand: the linear part of the cost model, before
// any commitment is applied. Money in USD per month.
namespace bwi::core {

struct FlowMonth {
  double realtimeRequests = 0; // Q_rt
  double batchRequests = 0;    // Q_b
  double requests() const { return realtimeRequests + batchRequests; }
};

struct ModelMonth {
  // User-provided so that resizing a vector of them does not zero the
  // (disengaged) hourly arrays first: the Monte Carlo trials cost months by the
  // hundred thousand.
  ModelMonth() {}
  double realtimeRequests = 0;
  double realtimeInputUsd = 0;    // Σ Q_rt · OD_in (uncached input + cache writes)
  double realtimeReadUsd = 0;     // Σ Q_rt · OD_read
  double realtimeOutputUsd = 0;   // Σ Q_rt · OD_out
  double fallbackOnDemandUsd = 0; // batch share of a model without batch, billed on demand
  double batchUsd = 0;
  std::optional<HourlyDemand> ptLoad;         // model units; PT-capable or committed models
  std::optional<HourlyDemand> reservedInput;  // input TPM; models with an active reservation
  std::optional<HourlyDemand> reservedOutput; // output TPM

  double realtimeOnDemandUsd() const {
    return realtimeInputUsd + realtimeReadUsd + realtimeOutputUsd;
  }
};

// Indexed like the flows and models of the month's segment.
struct MonthTraffic {
  std::vector<double> workloadRequests; // R_w(t)
  std::vector<FlowMonth> flows;
  std::vector<ModelMonth> models;
};

bool provisionedActive(const PreparedModel &model, int month);
bool reservedActive(const PreparedModel &model, int month);

MonthTraffic monthTraffic(const PreparedScenario &scenario, int month, double volumeScale);

} // namespace bwi::core
