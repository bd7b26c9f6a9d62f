#pragma once

#include "core/cost/hourlydemand.h"
#include "core/model/ratecard.h"

// Reserved-tier sizing (docs/cost-model.md §5b and §10.4). Demand in tokens per
// minute (TPM); prices USD per 1,000 TPM per month.
namespace bwi::core {

inline constexpr double kReservationStepTpm = 1000;

struct ReservationSize {
  double inputTpm = 0;
  double outputTpm = 0;
  bool operator==(const ReservationSize &) const = default;
};

// The monthly charge of one direction of a reservation: TPM / 1,000 × the
// price per 1,000 TPM a month (USD a month).
inline double reservedChargeUsd(double tpm, double pricePer1kTpmMonth) {
  return tpm / 1000.0 * pricePer1kTpmMonth;
}

// Reserved charge plus overflow of one direction for `tpm` reserved.
double reservedSideCostUsd(const OverflowCurve &curve, double tpm, double pricePer1kTpmMonth);

// The optimal reservation: each side scanned in 1,000 TPM steps from the
// smallest multiple at or above its minimum to the first at or above its
// peak (smaller wins a tie), then (0, 0) compared with the best pair (and
// winning a tie).
ReservationSize optimalReservation(const OverflowCurve &input, const OverflowCurve &output,
                                   const ReservedTermRates &rates, double minInputTpm,
                                   double minOutputTpm);

// min over hours of demand, rounded down to 1,000, raised to the minimum.
double floorReservationTpm(double minDemandTpm, double minimumTpm);

} // namespace bwi::core
