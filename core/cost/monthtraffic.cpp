#include "core/cost/monthtraffic.h"

#include <cmath>

namespace bwi::core {
namespace {

void addHourly(HourlyDemand &hourly, const HourlyWeights &weights, double demandPerWeight,
               double usdPerWeight) {
  for (int hour = 0; hour < kHoursPerWeek; ++hour) {
    hourly.demand[hour] += weights[hour] * demandPerWeight;
    hourly.onDemandUsd[hour] += weights[hour] * usdPerWeight;
  }
}

} // namespace

// From its start month on, until the end of its term when it does not renew.
bool provisionedActive(const PreparedModel &model, int month) {
  if (!model.provisioned || model.provisioned->startMonth > month)
    return false;
  const auto end = chargeEndMonth(*model.provisioned);
  return !end || month < *end;
}

bool reservedActive(const PreparedModel &model, int month) {
  if (!model.reserved || model.reserved->startMonth > month)
    return false;
  const auto end = chargeEndMonth(*model.reserved);
  return !end || month < *end;
}

MonthTraffic monthTraffic(const PreparedScenario &scenario, int month, double volumeScale) {
  MonthTraffic traffic;
  traffic.workloadRequests.reserve(scenario.workloads.size());
  for (const PreparedWorkload &workload : scenario.workloads)
    traffic.workloadRequests.push_back(workload.requestsPerMonth * volumeScale *
                                       std::pow(1.0 + workload.growthPerMonth, month));

  const PreparedSegment &segment = scenario.segment(month);
  traffic.flows.resize(segment.flows.size());
  traffic.models.resize(segment.models.size());
  const double minutesPerMonth = 60.0 * scenario.hoursPerMonth;
  for (std::size_t m = 0; m < segment.models.size(); ++m) {
    const PreparedModel &model = segment.models[m];
    ModelMonth &out = traffic.models[m];
    const bool needsLoad = model.ptCapable || provisionedActive(model, month);
    const bool needsDemand = reservedActive(model, month);
    if (needsLoad)
      out.ptLoad.emplace();
    if (needsDemand) {
      out.reservedInput.emplace();
      out.reservedOutput.emplace();
    }
    for (int f : model.flows) {
      const PreparedFlow &flow = segment.flows[f];
      const PreparedWorkload &workload = scenario.workloads[flow.workload];
      const double requests = traffic.workloadRequests[flow.workload] * flow.share;
      FlowMonth &volume = traffic.flows[f];
      volume.realtimeRequests = (1.0 - workload.batchShare) * requests;
      volume.batchRequests = workload.batchShare * requests;
      const double rt = volume.realtimeRequests;

      out.realtimeRequests += rt;
      out.realtimeInputUsd += rt * flow.onDemandInputUsd;
      out.realtimeReadUsd += rt * flow.onDemandReadUsd;
      out.realtimeOutputUsd += rt * flow.onDemandOutputUsd;
      if (flow.batchOnDemand)
        out.fallbackOnDemandUsd += volume.batchRequests * flow.onDemandUsd();
      else
        out.batchUsd += volume.batchRequests * flow.batchUsd;

      if (needsLoad)
        addHourly(*out.ptLoad, workload.weights, rt * flow.muMinutesPerRequest / minutesPerMonth,
                  rt * flow.onDemandUsd() / kHoursPerWeek);
      if (needsDemand) {
        const RequestTokens &t = flow.tokens;
        addHourly(*out.reservedInput, workload.weights,
                  rt * (t.uncachedInput + t.cacheWrite) / minutesPerMonth,
                  rt * flow.onDemandInputUsd / kHoursPerWeek);
        addHourly(*out.reservedOutput, workload.weights, rt * t.output / minutesPerMonth,
                  rt * flow.onDemandOutputUsd / kHoursPerWeek);
      }
    }
  }
  return traffic;
}

} // namespace bwi::core
