#include "core/cost/monthtotals.h"

#include "core/cost/evaluation.h"
#include "core/cost/meters.h"
#include "core/cost/monthtraffic.h"
#include "core/cost/privatepricing.h"
#include "core/cost/provisionedsizing.h"
#include "core/cost/reservedsizing.h"

namespace bwi::core {

MonthTotals monthTotals(const PreparedScenario &scenario, int month, double volumeScale) {
  MonthTotals totals;
  const MonthTraffic traffic =
      monthTraffic(scenario, month, volumeScale * scenario.globalVolumeMultiplier);
  // Mirrors MonthCoster::costModel and evaluate() term for term, through the
  // same charge helpers, without the show-back and sizing; the Monte Carlo
  // tests pin the two paths to exact equality.
  const PreparedSegment &segment = scenario.segment(month);
  for (double requests : traffic.workloadRequests)
    totals.pricedRequests += requests;
  for (std::size_t f = 0; f < segment.flows.size(); ++f)
    if (segment.models[static_cast<std::size_t>(segment.flows[f].model)].unpriced)
      totals.pricedRequests -= traffic.flows[f].requests();
  ModeBreakdown gross;
  std::vector<ModelGross> grossByModel;
  grossByModel.reserve(segment.models.size());
  for (std::size_t m = 0; m < segment.models.size(); ++m) {
    const PreparedModel &model = segment.models[m];
    const ModelMonth &traffic_ = traffic.models[m];
    ModeBreakdown modes;
    modes.batch = traffic_.batchUsd;
    modes.onDemand = traffic_.fallbackOnDemandUsd;
    if (provisionedActive(model, month)) {
      const ProvisionedCommitment &commitment = *model.provisioned;
      const double units = commitment.modelUnits;
      const double rate = model.rates.provisioned->ratePerMuHour(commitment.term).value_or(0);
      modes.provisioned += ptChargeUsd(units, rate, scenario.hoursPerMonth);
      modes.overflow += overflowUsd(*traffic_.ptLoad, units);
      totals.ptUnits += units;
      totals.ptUsedUnits += utilization(*traffic_.ptLoad, units) * units;
    } else if (reservedActive(model, month)) {
      const Reservation &reservation = *model.reserved;
      const ReservedTermRates rates =
          model.rates.reserved->rates(reservation.term).value_or(ReservedTermRates{});
      const double inputCharge = reservedChargeUsd(reservation.inputTpm, rates.inputPer1kTpmMonth);
      const double outputCharge =
          reservedChargeUsd(reservation.outputTpm, rates.outputPer1kTpmMonth);
      modes.reserved += inputCharge + outputCharge;
      modes.overflow += overflowUsd(*traffic_.reservedInput, reservation.inputTpm) +
                        overflowUsd(*traffic_.reservedOutput, reservation.outputTpm);
      modes.onDemand += traffic_.realtimeReadUsd;
    } else {
      modes.onDemand += traffic_.realtimeOnDemandUsd();
    }
    gross += modes;
    grossByModel.push_back({modes.total(), model.rates.marketplace});
  }
  for (const PreparedMeter &meter : scenario.meters)
    gross.meters += meterCostUsd(meter, traffic.workloadRequests[meter.workload]);
  if (!scenario.meters.empty())
    grossByModel.push_back({gross.meters, false}); // first-party spend
  const ModeCosts byMode{gross.onDemand + gross.overflow, gross.batch, gross.provisioned,
                         gross.reserved, gross.meters};
  totals.grossUsd = byMode.total();
  const PrivatePricing pricing = applyAgreement(scenario.agreement, grossByModel);
  totals.discountUsd = pricing.discountUsd;
  totals.netUsd = totals.grossUsd - totals.discountUsd;
  return totals;
}

} // namespace bwi::core
