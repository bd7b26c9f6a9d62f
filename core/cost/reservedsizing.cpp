#include "core/cost/reservedsizing.h"

#include "core/common/convexsearch.h"

#include <algorithm>
#include <cmath>

namespace bwi::core {
namespace {

double optimalSide(const OverflowCurve &curve, double pricePer1kTpmMonth, double minimumTpm) {
  static constexpr double kMaxSteps = 1e15;
  const auto steps = [](double tpm) {
    return static_cast<long long>(std::clamp(std::ceil(tpm / kReservationStepTpm), 0.0, kMaxSteps));
  };
  const long long firstStep = steps(minimumTpm);
  const long long lastStep = std::max(firstStep, steps(curve.maxDemand()));
  const long long best = argminConvex(firstStep, lastStep, [&](long long step) {
    return reservedSideCostUsd(curve, static_cast<double>(step) * kReservationStepTpm,
                               pricePer1kTpmMonth);
  });
  return static_cast<double>(best) * kReservationStepTpm;
}

} // namespace

double reservedSideCostUsd(const OverflowCurve &curve, double tpm, double pricePer1kTpmMonth) {
  return reservedChargeUsd(tpm, pricePer1kTpmMonth) + curve.overflowUsd(tpm);
}

ReservationSize optimalReservation(const OverflowCurve &input, const OverflowCurve &output,
                                   const ReservedTermRates &rates, double minInputTpm,
                                   double minOutputTpm) {
  const ReservationSize best{optimalSide(input, rates.inputPer1kTpmMonth, minInputTpm),
                             optimalSide(output, rates.outputPer1kTpmMonth, minOutputTpm)};
  const double bestCost = reservedSideCostUsd(input, best.inputTpm, rates.inputPer1kTpmMonth) +
                          reservedSideCostUsd(output, best.outputTpm, rates.outputPer1kTpmMonth);
  const double noneCost = input.totalOnDemandUsd() + output.totalOnDemandUsd();
  return clearlyLess(bestCost, noneCost) ? best : ReservationSize{};
}

double floorReservationTpm(double minDemandTpm, double minimumTpm) {
  const double rounded = std::floor(minDemandTpm / kReservationStepTpm) * kReservationStepTpm;
  return std::max(rounded, minimumTpm);
}

} // namespace bwi::core
