#include "core/cost/curves.h"

#include "core/cost/meters.h"
#include "core/cost/monthtraffic.h"
#include "core/cost/privatepricing.h"
#include "core/cost/provisionedsizing.h"
#include "core/cost/reservedsizing.h"

#include <algorithm>
#include <cmath>

namespace bwi::core {
namespace {

// Everything a model's cost at volume scale x needs, computed once at x = 1:
// every on-demand and batch term is linear in x, overflow comes from curves.
struct ModelShape {
  double linearUsd = 0;               // batch + batch-on-demand fallback
  double realtimeUsd = 0;             // real-time on-demand, no commitment
  double readUsd = 0;                 // cache reads (billed as usual under a reservation)
  std::optional<OverflowCurve> load;  // PT-capable models
  std::optional<OverflowCurve> input; // active reservation
  std::optional<OverflowCurve> output;
  double ptFixedUsd = 0; // active PT commitment's charge
  double ptUnits = 0;
  double reservedFixedUsd = 0;
  double reservedInputTpm = 0, reservedOutputTpm = 0;
  std::optional<double> sizingRate;
  bool ptActive = false, reservedActive = false;
  double factor = 1;
};

ModelShape shapeOf(const PreparedScenario &scenario, const ModelMonth &month,
                   const PreparedModel &model, int monthIndex) {
  ModelShape shape;
  shape.linearUsd = month.batchUsd + month.fallbackOnDemandUsd;
  shape.realtimeUsd = month.realtimeOnDemandUsd();
  shape.readUsd = month.realtimeReadUsd;
  shape.factor = netShare(scenario.agreement, model.rates.marketplace);
  if (month.ptLoad)
    shape.load.emplace(*month.ptLoad);
  shape.sizingRate = model.sizingRatePerMuHour;
  if (provisionedActive(model, monthIndex)) {
    shape.ptActive = true;
    shape.ptUnits = model.provisioned->modelUnits;
    shape.ptFixedUsd = ptChargeUsd(
        shape.ptUnits, model.rates.provisioned->ratePerMuHour(model.provisioned->term).value_or(0),
        scenario.hoursPerMonth);
  } else if (reservedActive(model, monthIndex)) {
    shape.reservedActive = true;
    shape.input.emplace(*month.reservedInput);
    shape.output.emplace(*month.reservedOutput);
    const auto rates =
        model.rates.reserved->rates(model.reserved->term).value_or(ReservedTermRates{});
    shape.reservedInputTpm = model.reserved->inputTpm;
    shape.reservedOutputTpm = model.reserved->outputTpm;
    shape.reservedFixedUsd = reservedChargeUsd(shape.reservedInputTpm, rates.inputPer1kTpmMonth) +
                             reservedChargeUsd(shape.reservedOutputTpm, rates.outputPer1kTpmMonth);
  }
  return shape;
}

double reservedCost(const ModelShape &shape, double x) {
  return shape.reservedFixedUsd + shape.input->overflowUsd(shape.reservedInputTpm, x) +
         shape.output->overflowUsd(shape.reservedOutputTpm, x) + x * shape.readUsd;
}

} // namespace

std::vector<VolumeCurvePoint> volumeCurve(const PreparedScenario &scenario, int month,
                                          const VolumeCurveOptions &options) {
  const int count = std::max(2, options.points);
  const double logMin = std::log(options.minMultiplier);
  const double logMax = std::log(options.maxMultiplier);
  std::vector<double> multipliers;
  for (int i = 0; i < count; ++i)
    multipliers.push_back(std::exp(logMin + (logMax - logMin) * i / (count - 1)));
  return volumeCurveAt(scenario, month, multipliers);
}

std::vector<VolumeCurvePoint> volumeCurveAt(const PreparedScenario &scenario, int month,
                                            const std::vector<double> &multipliers) {
  const MonthTraffic traffic = monthTraffic(scenario, month, 1.0);
  const PreparedSegment &segment = scenario.segment(month);
  std::vector<ModelShape> shapes;
  for (std::size_t m = 0; m < segment.models.size(); ++m)
    shapes.push_back(shapeOf(scenario, traffic.models[m], segment.models[m], month));

  // Meters: the per-request part grows with volume, the floors stay; the
  // same on every line (no commitment covers them), first-party spend.
  double meterPerRequestUsd = 0, metersFloorUsd = 0;
  for (const PreparedMeter &meter : scenario.meters) {
    const double requests = traffic.workloadRequests[meter.workload];
    meterPerRequestUsd += meterVolumeUsd(meter, requests);
    metersFloorUsd += meterFloorUsd(meter);
  }
  const double meterFactor = netShare(scenario.agreement, false);

  std::vector<VolumeCurvePoint> points;
  for (double x : multipliers) {
    VolumeCurvePoint point;
    point.multiplier = x;
    if (!scenario.meters.empty()) {
      const double meters = meterFactor * (x * meterPerRequestUsd + metersFloorUsd);
      point.onDemandOnlyUsd = point.withCommitmentsUsd = point.withOptimalUsd = meters;
    }
    for (const ModelShape &shape : shapes) {
      const double base = x * shape.linearUsd;
      const double onDemand = base + x * shape.realtimeUsd;
      double committed = onDemand;
      if (shape.ptActive)
        committed = base + shape.ptFixedUsd + shape.load->overflowUsd(shape.ptUnits, x);
      else if (shape.reservedActive)
        committed = base + reservedCost(shape, x);
      double optimal = committed;
      if (!shape.reservedActive && shape.load && shape.sizingRate) {
        const auto units = static_cast<double>(
            optimalModelUnits(*shape.load, *shape.sizingRate, scenario.hoursPerMonth, x));
        optimal = base + ptChargeUsd(units, *shape.sizingRate, scenario.hoursPerMonth) +
                  shape.load->overflowUsd(units, x);
      }
      point.onDemandOnlyUsd += shape.factor * onDemand;
      point.withCommitmentsUsd += shape.factor * committed;
      point.withOptimalUsd += shape.factor * optimal;
    }
    points.push_back(point);
  }
  return points;
}

std::optional<LoadProfile> loadProfile(const PreparedScenario &scenario, int month,
                                       const std::string &modelId) {
  const PreparedSegment &segment = scenario.segment(month);
  for (std::size_t m = 0; m < segment.models.size(); ++m) {
    const PreparedModel &model = segment.models[m];
    if (model.rates.id != modelId)
      continue;
    const MonthTraffic traffic = monthTraffic(scenario, month, scenario.globalVolumeMultiplier);
    const ModelMonth &modelMonth = traffic.models[m];
    LoadProfile profile;
    profile.modelId = modelId;
    if (reservedActive(model, month)) {
      const HourlyDemand &input = *modelMonth.reservedInput;
      profile.reserved = true;
      profile.demand = input.demand;
      profile.committed = model.reserved->inputTpm;
      profile.floor = floorReservationTpm(input.minDemand(), model.rates.reserved->minInputTpm);
      const auto rates = model.rates.reserved->rates(model.reserved->term);
      profile.optimal = rates ? optimalReservation(OverflowCurve(input),
                                                   OverflowCurve(*modelMonth.reservedOutput),
                                                   *rates, model.rates.reserved->minInputTpm,
                                                   model.rates.reserved->minOutputTpm)
                                    .inputTpm
                              : 0;
      return profile;
    }
    if (!modelMonth.ptLoad || !(modelMonth.realtimeRequests > 0))
      return std::nullopt;
    profile.demand = modelMonth.ptLoad->demand;
    if (provisionedActive(model, month))
      profile.committed = model.provisioned->modelUnits;
    profile.floor = static_cast<double>(floorModelUnits(*modelMonth.ptLoad));
    if (model.sizingRatePerMuHour)
      profile.optimal = static_cast<double>(optimalModelUnits(
          OverflowCurve(*modelMonth.ptLoad), *model.sizingRatePerMuHour, scenario.hoursPerMonth));
    return profile;
  }
  return std::nullopt;
}

std::optional<ReservedCurve> reservedCurve(const PreparedScenario &scenario, int month,
                                           const std::string &modelId) {
  const PreparedSegment &segment = scenario.segment(month);
  for (std::size_t m = 0; m < segment.models.size(); ++m) {
    const PreparedModel &model = segment.models[m];
    if (model.rates.id != modelId || !model.reserved || !model.rates.reserved)
      continue;
    const auto rates = model.rates.reserved->rates(model.reserved->term);
    if (!rates)
      return std::nullopt;
    // The reservation's demand exists only while it is active; cost it as if it were.
    PreparedScenario active = scenario;
    active.segment(month).models[m].reserved->startMonth = 0;
    active.segment(month).models[m].reserved->autoRenew = true;
    const MonthTraffic traffic = monthTraffic(active, month, scenario.globalVolumeMultiplier);
    const ModelMonth &modelMonth = traffic.models[m];
    const OverflowCurve input(*modelMonth.reservedInput);
    const OverflowCurve output(*modelMonth.reservedOutput);
    const double factor = netShare(scenario.agreement, model.rates.marketplace);
    ReservedCurve curve;
    curve.modelId = modelId;
    curve.outputTpm = model.reserved->outputTpm;
    if (reservedActive(model, month))
      curve.currentInputTpm = model.reserved->inputTpm;
    const ReservedRates &card = *model.rates.reserved;
    curve.floorInputTpm =
        floorReservationTpm(modelMonth.reservedInput->minDemand(), card.minInputTpm);
    curve.optimalInputTpm =
        optimalReservation(input, output, *rates, card.minInputTpm, card.minOutputTpm).inputTpm;
    if (model.reserved->inputTpm > 0)
      curve.utilizationInput = utilization(*modelMonth.reservedInput, model.reserved->inputTpm);
    const double fixed = modelMonth.batchUsd + modelMonth.fallbackOnDemandUsd +
                         modelMonth.realtimeReadUsd +
                         reservedSideCostUsd(output, curve.outputTpm, rates->outputPer1kTpmMonth);
    const auto costAt = [&](double tpm) {
      return factor * (fixed + reservedSideCostUsd(input, tpm, rates->inputPer1kTpmMonth));
    };
    curve.floorCostUsd = costAt(curve.floorInputTpm);
    curve.optimalCostUsd = costAt(curve.optimalInputTpm);
    if (curve.currentInputTpm)
      curve.currentCostUsd = costAt(*curve.currentInputTpm);
    const double peak = std::max(input.maxDemand(), card.minInputTpm);
    const double step =
        kReservationStepTpm * std::max(1.0, std::ceil(2 * peak / kReservationStepTpm / 400));
    for (double tpm = 0; tpm <= 2 * peak + step / 2; tpm += step)
      curve.points.push_back({tpm, costAt(tpm)});
    return curve;
  }
  return std::nullopt;
}

std::optional<UnitsCurve> unitsCurve(const PreparedScenario &scenario, int month,
                                     const std::string &modelId, double volumeScale) {
  const PreparedSegment &segment = scenario.segment(month);
  for (std::size_t m = 0; m < segment.models.size(); ++m) {
    const PreparedModel &model = segment.models[m];
    if (model.rates.id != modelId)
      continue;
    if (!model.ptCapable || !model.sizingRatePerMuHour)
      return std::nullopt;
    const MonthTraffic traffic =
        monthTraffic(scenario, month, volumeScale * scenario.globalVolumeMultiplier);
    const ModelMonth &modelMonth = traffic.models[m];
    if (!(modelMonth.realtimeRequests > 0))
      return std::nullopt;
    const HourlyDemand &load = *modelMonth.ptLoad;
    const OverflowCurve curve(load);
    UnitsCurve result;
    result.modelId = modelId;
    result.term = model.sizingTerm;
    result.ratePerMuHour = *model.sizingRatePerMuHour;
    result.floorModelUnits = floorModelUnits(load);
    result.optimalModelUnits =
        optimalModelUnits(curve, result.ratePerMuHour, scenario.hoursPerMonth);
    if (provisionedActive(model, month))
      result.currentModelUnits = model.provisioned->modelUnits;
    result.breakEvenUtilization =
        breakEvenUtilization(result.ratePerMuHour, scenario.hoursPerMonth, load.meanDemand(),
                             modelMonth.realtimeOnDemandUsd());
    const double factor = netShare(scenario.agreement, model.rates.marketplace);
    const double linear = modelMonth.batchUsd + modelMonth.fallbackOnDemandUsd;
    const double current = result.currentModelUnits.value_or(0);
    const double maxUnits = std::min(std::max(2 * std::ceil(load.maxDemand()), current), 100000.0);
    for (long long units = 0; units <= static_cast<long long>(maxUnits); ++units) {
      const auto n = static_cast<double>(units);
      result.points.push_back(
          {units, factor * (linear + ptChargeUsd(n, result.ratePerMuHour, scenario.hoursPerMonth) +
                            curve.overflowUsd(n))});
    }
    return result;
  }
  return std::nullopt;
}

} // namespace bwi::core
