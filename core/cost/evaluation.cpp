#include "core/cost/evaluation.h"

#include "core/common/moneyformat.h"

#include "core/cost/monthtraffic.h"
#include "core/cost/privatepricing.h"
#include "core/cost/provisionedsizing.h"
#include "core/cost/reservedsizing.h"

#include <algorithm>
#include <cmath>

namespace bwi::core {
namespace {

// The range of the global volume multiplier searched for break-evens.
constexpr double kBreakEvenLowMultiplier = 0.01;
constexpr double kBreakEvenHighMultiplier = 100.0;

struct ModelCost {
  ModeBreakdown modes;
  ModeBreakdown unallocated; // commitment charges that served no workload
};

using ModeMember = double ModeBreakdown::*;

// Σ_h (1 − f(h)) · weight(h) for a capacity over a demand profile: the
// weight of a workload's hours that overflowed.
double overflowWeight(const HourlyDemand &hourly, double capacity, const HourlyWeights &weights) {
  double sum = 0;
  for (int hour = 0; hour < kHoursPerWeek; ++hour)
    sum += (1.0 - servedShare(capacity, hourly.demand[hour])) * weights[hour];
  return sum;
}

class MonthCoster {
public:
  MonthCoster(const PreparedScenario &scenario, const PreparedSegment &segment,
              const MonthTraffic &traffic, const EvaluationOptions &options, Evaluation &result)
      : m_scenario(scenario), m_segment(segment), m_traffic(traffic), m_options(options),
        m_result(result), m_flowModes(segment.flows.size()) {}

  ModelCost costModel(int m) {
    const PreparedModel &model = m_segment.models[m];
    const ModelMonth &month = m_traffic.models[m];
    ModelCost cost;
    cost.modes.batch = month.batchUsd;
    cost.modes.onDemand = month.fallbackOnDemandUsd;
    for (int f : model.flows) {
      const PreparedFlow &flow = m_segment.flows[f];
      const FlowMonth &volume = m_traffic.flows[f];
      if (flow.batchOnDemand)
        m_flowModes[f].onDemand += volume.batchRequests * flow.onDemandUsd();
      else
        m_flowModes[f].batch += volume.batchRequests * flow.batchUsd;
    }

    if (provisionedActive(model, m_result.month))
      costProvisioned(m, cost);
    else if (reservedActive(model, m_result.month))
      costReserved(m, cost);
    else
      costOnDemand(m, cost);

    if (m_options.includeSizing && model.ptCapable && month.realtimeRequests > 0)
      addSizing(m);
    return cost;
  }

  const ModeBreakdown &flowModes(int f) const { return m_flowModes[f]; }

private:
  void costOnDemand(int m, ModelCost &cost) {
    cost.modes.onDemand += m_traffic.models[m].realtimeOnDemandUsd();
    for (int f : m_segment.models[m].flows)
      m_flowModes[f].onDemand +=
          m_traffic.flows[f].realtimeRequests * m_segment.flows[f].onDemandUsd();
  }

  void costProvisioned(int m, ModelCost &cost) {
    const PreparedModel &model = m_segment.models[m];
    const HourlyDemand &load = *m_traffic.models[m].ptLoad;
    const ProvisionedCommitment &commitment = *model.provisioned;
    const double units = commitment.modelUnits;
    const double rate = model.rates.provisioned->ratePerMuHour(commitment.term).value_or(0);
    const double hours = m_scenario.hoursPerMonth;

    ProvisionedResult result;
    result.modelId = model.rates.id;
    result.modelUnits = commitment.modelUnits;
    result.term = commitment.term;
    result.costUsd = ptChargeUsd(units, rate, hours);
    result.overflowUsd = overflowUsd(load, units);
    result.utilization = utilization(load, units);
    const double onDemandUsd = m_traffic.models[m].realtimeOnDemandUsd();
    result.breakEvenUtilization = breakEvenUtilization(rate, hours, load.meanDemand(), onDemandUsd);
    if (m_options.includeSizing) {
      const OverflowCurve curve(load);
      result.floorModelUnits = floorModelUnits(load);
      result.optimalModelUnits = optimalModelUnits(curve, rate, hours);
      const double scale = m_result.volumeScale; // break-evens are absolute multipliers
      if (scale > 0) {
        if (const auto relative =
                breakEvenVolumeScale(curve, units, result.costUsd, kBreakEvenLowMultiplier / scale,
                                     kBreakEvenHighMultiplier / scale))
          result.breakEvenVolumeMultiplier = *relative * scale;
      }
    }
    cost.modes.provisioned += result.costUsd;
    cost.modes.overflow += result.overflowUsd;

    // Show-back (docs/cost-model.md §10.1): each workload keeps its own overflow;
    // the fixed charge follows the MU-hours PT served for it.
    std::vector<double> served(model.flows.size(), 0.0);
    double servedTotal = 0;
    for (std::size_t i = 0; i < model.flows.size(); ++i) {
      const int f = model.flows[i];
      const PreparedFlow &flow = m_segment.flows[f];
      const double rt = m_traffic.flows[f].realtimeRequests;
      const HourlyWeights &weights = m_scenario.workloads[flow.workload].weights;
      const double overflowed = overflowWeight(load, units, weights);
      m_flowModes[f].overflow += overflowed * rt * flow.onDemandUsd() / kHoursPerWeek;
      served[i] = (kHoursPerWeek - overflowed) * rt * flow.muMinutesPerRequest;
      servedTotal += served[i];
    }
    allocate(model.flows, served, servedTotal, result.costUsd, &ModeBreakdown::provisioned, cost);
    m_result.provisioned.push_back(std::move(result));
  }

  void costReserved(int m, ModelCost &cost) {
    const PreparedModel &model = m_segment.models[m];
    const ModelMonth &month = m_traffic.models[m];
    const HourlyDemand &input = *month.reservedInput;
    const HourlyDemand &output = *month.reservedOutput;
    const Reservation &reservation = *model.reserved;
    const ReservedRates &card = *model.rates.reserved;
    const ReservedTermRates rates = card.rates(reservation.term).value_or(ReservedTermRates{});

    ReservedResult result;
    result.modelId = model.rates.id;
    result.inputTpm = reservation.inputTpm;
    result.outputTpm = reservation.outputTpm;
    result.term = reservation.term;
    const double inputCharge = reservedChargeUsd(reservation.inputTpm, rates.inputPer1kTpmMonth);
    const double outputCharge = reservedChargeUsd(reservation.outputTpm, rates.outputPer1kTpmMonth);
    result.costUsd = inputCharge + outputCharge;
    result.overflowUsd =
        overflowUsd(input, reservation.inputTpm) + overflowUsd(output, reservation.outputTpm);
    if (reservation.inputTpm > 0)
      result.utilizationInput = utilization(input, reservation.inputTpm);
    if (reservation.outputTpm > 0)
      result.utilizationOutput = utilization(output, reservation.outputTpm);
    // A reservation on a retired model has no floor (docs/cost-model.md §13.2).
    if (!model.retired) {
      result.floorInputTpm = floorReservationTpm(input.minDemand(), card.minInputTpm);
      result.floorOutputTpm = floorReservationTpm(output.minDemand(), card.minOutputTpm);
    }
    if (m_options.includeSizing) {
      const ReservationSize best = optimalReservation(OverflowCurve(input), OverflowCurve(output),
                                                      rates, card.minInputTpm, card.minOutputTpm);
      result.optimalInputTpm = best.inputTpm;
      result.optimalOutputTpm = best.outputTpm;
    }
    cost.modes.reserved += result.costUsd;
    cost.modes.overflow += result.overflowUsd;
    cost.modes.onDemand += month.realtimeReadUsd;

    std::vector<double> servedInput(model.flows.size(), 0.0);
    std::vector<double> servedOutput(model.flows.size(), 0.0);
    double servedInputTotal = 0, servedOutputTotal = 0;
    for (std::size_t i = 0; i < model.flows.size(); ++i) {
      const int f = model.flows[i];
      const PreparedFlow &flow = m_segment.flows[f];
      const double rt = m_traffic.flows[f].realtimeRequests;
      const HourlyWeights &weights = m_scenario.workloads[flow.workload].weights;
      const double inputOverflowed = overflowWeight(input, reservation.inputTpm, weights);
      const double outputOverflowed = overflowWeight(output, reservation.outputTpm, weights);
      m_flowModes[f].onDemand += rt * flow.onDemandReadUsd;
      m_flowModes[f].overflow += (inputOverflowed * rt * flow.onDemandInputUsd +
                                  outputOverflowed * rt * flow.onDemandOutputUsd) /
                                 kHoursPerWeek;
      servedInput[i] = (kHoursPerWeek - inputOverflowed) * rt *
                       (flow.tokens.uncachedInput + flow.tokens.cacheWrite);
      servedOutput[i] = (kHoursPerWeek - outputOverflowed) * rt * flow.tokens.output;
      servedInputTotal += servedInput[i];
      servedOutputTotal += servedOutput[i];
    }
    allocate(model.flows, servedInput, servedInputTotal, inputCharge, &ModeBreakdown::reserved,
             cost);
    allocate(model.flows, servedOutput, servedOutputTotal, outputCharge, &ModeBreakdown::reserved,
             cost);
    m_result.reserved.push_back(std::move(result));
  }

  void allocate(const std::vector<int> &flows, const std::vector<double> &served,
                double servedTotal, double chargeUsd, ModeMember mode, ModelCost &cost) {
    if (!(servedTotal > 0)) {
      cost.unallocated.*mode += chargeUsd;
      return;
    }
    for (std::size_t i = 0; i < flows.size(); ++i)
      m_flowModes[flows[i]].*mode += chargeUsd * served[i] / servedTotal;
  }

  void addSizing(int m) {
    const PreparedModel &model = m_segment.models[m];
    if (!model.sizingRatePerMuHour)
      return;
    const HourlyDemand &load = *m_traffic.models[m].ptLoad;
    SizingResult sizing;
    sizing.modelId = model.rates.id;
    sizing.term = model.sizingTerm;
    sizing.floorModelUnits = floorModelUnits(load);
    sizing.optimalModelUnits = optimalModelUnits(OverflowCurve(load), *model.sizingRatePerMuHour,
                                                 m_scenario.hoursPerMonth);
    sizing.meanLoadMu = load.meanDemand();
    sizing.peakLoadMu = load.maxDemand();
    m_result.sizing.push_back(std::move(sizing));
  }

  const PreparedScenario &m_scenario;
  const PreparedSegment &m_segment;
  const MonthTraffic &m_traffic;
  const EvaluationOptions &m_options;
  Evaluation &m_result;
  std::vector<ModeBreakdown> m_flowModes;
};

void addTo(std::vector<NamedCost> &costs, const std::string &key, const ModeBreakdown &modes) {
  for (NamedCost &cost : costs)
    if (cost.key == key) {
      cost.modes += modes;
      cost.usd = cost.modes.total();
      return;
    }
  costs.push_back({key, modes.total(), modes});
}

void addTokens(const PreparedSegment &segment, const MonthTraffic &traffic, TokenTotals &tokens) {
  for (std::size_t f = 0; f < segment.flows.size(); ++f) {
    const PreparedFlow &flow = segment.flows[f];
    const FlowMonth &volume = traffic.flows[f];
    const double all = volume.requests();
    // Batch requests pay no caching, unless billed on demand (10.6).
    const double cached = volume.realtimeRequests + (flow.batchOnDemand ? volume.batchRequests : 0);
    tokens.input += all * flow.tokens.input;
    tokens.output += all * flow.tokens.output;
    tokens.cacheRead += cached * flow.tokens.cacheRead;
    tokens.cacheWrite += cached * flow.tokens.cacheWrite;
  }
}

// Traffic on models without a price, flow by flow, and one warning per
// model (docs/cost-model.md §21).
void addUnpriced(const PreparedScenario &scenario, const PreparedSegment &segment,
                 const MonthTraffic &traffic, Evaluation &result) {
  std::vector<std::pair<std::string, double>> byModel;
  for (std::size_t f = 0; f < segment.flows.size(); ++f) {
    const PreparedFlow &flow = segment.flows[f];
    const PreparedModel &model = segment.models[static_cast<std::size_t>(flow.model)];
    if (!model.unpriced || flow.share <= 0)
      continue;
    const double requests = traffic.flows[f].requests();
    result.unpriced.push_back({scenario.workloads[static_cast<std::size_t>(flow.workload)].id,
                               model.rates.id, requests, requests * flow.tokens.input,
                               requests * flow.tokens.output});
    const auto found = std::find_if(byModel.begin(), byModel.end(), [&](const auto &entry) {
      return entry.first == model.rates.id;
    });
    if (found == byModel.end())
      byModel.emplace_back(model.rates.id, requests);
    else
      found->second += requests;
  }
  for (const auto &[id, requests] : byModel)
    result.warnings.push_back("no price for " + id + ": " + formatCount(requests) +
                              " requests this month are left out of the totals; map it to a card "
                              "model or type a price");
}

} // namespace

double Evaluation::pricedRequests() const {
  double left = requests;
  for (const UnpricedFlow &flow : unpriced)
    left -= flow.requests;
  return std::max(0.0, left);
}

double Evaluation::pricedTokens() const {
  double left = tokens.input + tokens.output;
  for (const UnpricedFlow &flow : unpriced)
    left -= flow.inputTokens + flow.outputTokens;
  return std::max(0.0, left);
}

MetersSummary workloadMeters(const Evaluation &evaluation, std::string_view workloadId) {
  MetersSummary result;
  for (const MeterResult &meter : evaluation.meters)
    if (meter.workloadId == workloadId) {
      result.grossUsd += meter.costUsd;
      ++result.count;
    }
  return result;
}

std::vector<std::string> unpricedModelIds(const Evaluation &evaluation) {
  std::vector<std::string> ids;
  for (const UnpricedFlow &flow : evaluation.unpriced)
    if (std::find(ids.begin(), ids.end(), flow.modelId) == ids.end())
      ids.push_back(flow.modelId);
  return ids;
}

std::string unpricedNote(const Evaluation &evaluation) {
  if (evaluation.unpriced.empty())
    return {};
  double requests = 0;
  for (const UnpricedFlow &flow : evaluation.unpriced)
    requests += flow.requests;
  std::string models;
  for (const std::string &id : unpricedModelIds(evaluation))
    models += (models.empty() ? "" : ", ") + id;
  return "Totals exclude " + formatCount(requests) +
         " requests a month on models without a price: " + models;
}

Evaluation evaluate(const PreparedScenario &scenario, int month, const EvaluationOptions &options) {
  Evaluation result;
  result.month = month;
  result.calendarMonth = scenario.calendarMonth(month);
  result.volumeScale = options.volumeScale * scenario.globalVolumeMultiplier;
  const PreparedSegment &segment = scenario.segment(month);
  result.warnings = scenario.warnings;
  result.warnings.insert(result.warnings.end(), segment.warnings.begin(), segment.warnings.end());
  const MonthTraffic traffic = monthTraffic(scenario, month, result.volumeScale);
  for (double requests : traffic.workloadRequests)
    result.requests += requests;
  addTokens(segment, traffic, result.tokens);
  for (const PreparedFlow &flow : segment.flows)
    if (flow.longContext && flow.share > 0)
      result.longContext.push_back(scenario.workloads[flow.workload].id + " " +
                                   segment.models[flow.model].rates.id);
  std::sort(result.longContext.begin(), result.longContext.end());
  addUnpriced(scenario, segment, traffic, result);

  MonthCoster coster(scenario, segment, traffic, options, result);
  std::vector<ModelGross> grossByModel;
  ModeBreakdown unallocated;
  for (std::size_t m = 0; m < segment.models.size(); ++m) {
    const ModelCost cost = coster.costModel(static_cast<int>(m));
    const PreparedModel &model = segment.models[m];
    result.grossModes += cost.modes;
    result.netModes += cost.modes.scaled(netShare(scenario.agreement, model.rates.marketplace));
    unallocated += cost.unallocated;
    if (model.unpriced)
      continue; // in result.unpriced, never a $0 line
    result.byModel.push_back({model.rates.id, cost.modes.total(), cost.modes});
    grossByModel.push_back({cost.modes.total(), model.rates.marketplace});
  }
  // Meters are first-party spend: discounted, and retiring the commit in
  // full, like a model that is not sold through the Marketplace.
  std::vector<double> workloadMetersUsd(scenario.workloads.size(), 0.0);
  for (const PreparedMeter &meter : scenario.meters) {
    const double requests = traffic.workloadRequests[meter.workload];
    MeterResult row;
    row.workloadId = scenario.workloads[meter.workload].id;
    row.kind = meter.kind;
    row.name = meter.name;
    row.unit = meter.unit;
    row.quantity = meterQuantity(meter, requests);
    row.usdPerUnit = meter.usdPerUnit;
    row.typedRate = meter.typedRate;
    row.estimate = meter.estimate;
    row.costUsd = meterCostUsd(meter, requests);
    result.grossModes.meters += row.costUsd;
    workloadMetersUsd[meter.workload] += row.costUsd;
    result.meters.push_back(std::move(row));
  }
  const double meterNetShare = netShare(scenario.agreement, false);
  result.netModes.meters = result.grossModes.meters * meterNetShare;
  if (!scenario.meters.empty())
    grossByModel.push_back({result.grossModes.meters, false});
  result.byMode = {result.grossModes.onDemand + result.grossModes.overflow, result.grossModes.batch,
                   result.grossModes.provisioned, result.grossModes.reserved,
                   result.grossModes.meters};

  for (const PreparedWorkload &workload : scenario.workloads) {
    addTo(result.byWorkload, workload.id, {});
    addTo(result.byTeam, workload.team, {});
  }
  result.workloadNetUsd.assign(scenario.workloads.size(), 0.0);
  for (std::size_t f = 0; f < segment.flows.size(); ++f) {
    const PreparedFlow &flow = segment.flows[f];
    const PreparedWorkload &workload = scenario.workloads[flow.workload];
    const ModeBreakdown &modes = coster.flowModes(static_cast<int>(f));
    result.flowModes.push_back(modes);
    addTo(result.byWorkload, workload.id, modes);
    addTo(result.byTeam, workload.team, modes);
    result.workloadNetUsd[flow.workload] +=
        modes.total() * netShare(scenario.agreement, segment.models[flow.model].rates.marketplace);
  }
  for (std::size_t w = 0; w < scenario.workloads.size(); ++w) {
    if (workloadMetersUsd[w] != 0) {
      ModeBreakdown meters;
      meters.meters = workloadMetersUsd[w];
      addTo(result.byWorkload, scenario.workloads[w].id, meters);
      addTo(result.byTeam, scenario.workloads[w].team, meters);
      result.workloadNetUsd[w] += workloadMetersUsd[w] * meterNetShare;
    }
    if (scenario.workloads[w].unit)
      result.unitCosts.push_back(
          unitCost(scenario.workloads[w], traffic.workloadRequests[w], result.workloadNetUsd[w]));
  }
  if (unallocated.total() > 0) {
    addTo(result.byWorkload, kUnallocatedKey, unallocated);
    addTo(result.byTeam, kUnallocatedKey, unallocated);
  }

  result.grossUsd = result.byMode.total();
  const PrivatePricing pricing = applyAgreement(scenario.agreement, grossByModel);
  result.discountUsd = pricing.discountUsd;
  result.netUsd = result.grossUsd - result.discountUsd;
  result.commitRetiredUsd = pricing.commitRetiredUsd;
  return result;
}

bool allFinite(const Evaluation &evaluation) {
  const auto finite = [](double value) { return std::isfinite(value); };
  bool ok = finite(evaluation.grossUsd) && finite(evaluation.discountUsd) &&
            finite(evaluation.netUsd) && finite(evaluation.commitRetiredUsd) &&
            finite(evaluation.requests) && finite(evaluation.tokens.input) &&
            finite(evaluation.tokens.output) && finite(evaluation.tokens.cacheRead) &&
            finite(evaluation.tokens.cacheWrite);
  for (const auto *costs : {&evaluation.byModel, &evaluation.byWorkload, &evaluation.byTeam})
    for (const NamedCost &cost : *costs)
      ok = ok && finite(cost.usd);
  for (const ProvisionedResult &pt : evaluation.provisioned)
    ok = ok && finite(pt.costUsd) && finite(pt.overflowUsd) && finite(pt.utilization);
  for (const ReservedResult &reserved : evaluation.reserved)
    ok = ok && finite(reserved.costUsd) && finite(reserved.overflowUsd);
  for (const SizingResult &sizing : evaluation.sizing)
    ok = ok && finite(sizing.meanLoadMu) && finite(sizing.peakLoadMu);
  for (const MeterResult &meter : evaluation.meters)
    ok = ok && finite(meter.quantity) && finite(meter.costUsd);
  for (const UnitCost &unit : evaluation.unitCosts)
    ok = ok && finite(unit.units) && finite(unit.costUsd) &&
         (!unit.costPerUnitUsd || finite(*unit.costPerUnitUsd));
  return ok;
}

std::string overflowReason() {
  return "the figures overflow (not finite numbers): growth_per_month compounds, or volumes and "
         "token counts multiply, beyond what can be costed";
}

std::string overflowMessage(int month) {
  return "month " + std::to_string(month) + ": " + overflowReason();
}

ModeBreakdown &ModeBreakdown::operator+=(const ModeBreakdown &other) {
  onDemand += other.onDemand;
  overflow += other.overflow;
  batch += other.batch;
  provisioned += other.provisioned;
  reserved += other.reserved;
  meters += other.meters;
  return *this;
}

ModeBreakdown ModeBreakdown::scaled(double factor) const {
  return {onDemand * factor,    overflow * factor, batch * factor,
          provisioned * factor, reserved * factor, meters * factor};
}

} // namespace bwi::core
