#include "core/cost/preparedscenario.h"

#include "core/model/meterkinds.h"

#include <algorithm>

namespace bwi::core {
namespace {

int modelIndex(PreparedScenario &prepared, const RateCard &card, const std::string &id) {
  for (std::size_t i = 0; i < prepared.models.size(); ++i)
    if (prepared.models[i].rates.id == id)
      return static_cast<int>(i);
  PreparedModel model;
  if (const ModelRates *rates = card.find(id))
    model.rates = *rates;
  else
    model.rates.id = id;
  model.ptCapable = model.rates.ptCapable();
  prepared.models.push_back(std::move(model));
  return static_cast<int>(prepared.models.size() - 1);
}

double cacheWritePrice(const CachePrices &cache, const std::optional<Caching> &caching) {
  if (caching && caching->ttl == CacheTtl::OneHour)
    return cache.write1hPer1m.value_or(0);
  return cache.writePer1m.value_or(0);
}

PreparedFlow prepareFlow(PreparedScenario &prepared, const Workload &workload,
                         const ModelRates &rates, int workloadIndex, int model, double share) {
  PreparedFlow flow;
  flow.workload = workloadIndex;
  flow.model = model;
  flow.share = share;
  priceFlow(flow, workload.tokens, workload.caching, workload.serviceTier, rates);
  if (!rates.tierMultiplier(workload.serviceTier) && share > 0)
    prepared.warnings.push_back("workload " + workload.id + ": service tier " +
                                std::string(toString(workload.serviceTier)) +
                                " is not offered by " + rates.id + "; billed at standard");
  if (!rates.batch && workload.batchShare > 0 && share > 0)
    prepared.warnings.push_back("workload " + workload.id + ": " + rates.id +
                                " has no batch price; its batch share is billed on demand");
  return flow;
}

PreparedMeter prepareMeter(const MeterUse &meter, const RateCard &card, int workload) {
  PreparedMeter prepared;
  prepared.workload = workload;
  prepared.kind = meter.kind;
  prepared.perRequest = meter.perRequest;
  prepared.perMonth = meter.perMonth;
  const MeterRate *rate = findMeterRate(card, meter.kind);
  prepared.name = !meter.name.empty() ? meter.name : rate ? rate->name : meter.kind;
  prepared.unit = !meter.unit.empty() ? meter.unit : rate ? rate->unit : std::string();
  if (meter.usdPerUnit) {
    prepared.usdPerUnit = *meter.usdPerUnit;
    prepared.typedRate = true;
  } else if (rate) {
    prepared.usdPerUnit = rate->usdPerUnit;
    prepared.estimate = rate->estimate;
    prepared.source = rate->source;
    prepared.sourceDate = rate->sourceDate;
  }
  return prepared;
}

} // namespace

void priceFlow(PreparedFlow &flow, const TokenShape &tokens, const std::optional<Caching> &caching,
               ServiceTier tier, const ModelRates &rates) {
  flow.tokens = requestTokens(tokens, caching, rates.cache.has_value());
  const double tierMultiplier = rates.tierMultiplier(tier).value_or(1.0);
  const RequestTokens &t = flow.tokens;
  const double writePrice = rates.cache ? cacheWritePrice(*rates.cache, caching) : 0.0;
  const double readPrice = rates.cache ? rates.cache->readPer1m : 0.0;
  flow.onDemandInputUsd =
      (t.uncachedInput * rates.onDemand.inputPer1m + t.cacheWrite * writePrice) * tierMultiplier /
      1e6;
  flow.onDemandReadUsd = t.cacheRead * readPrice * tierMultiplier / 1e6;
  flow.onDemandOutputUsd = t.output * rates.onDemand.outputPer1m * tierMultiplier / 1e6;
  flow.batchOnDemand = !rates.batch;
  flow.batchUsd =
      rates.batch ? (t.input * rates.batch->inputPer1m + t.output * rates.batch->outputPer1m) / 1e6
                  : 0.0;
  flow.muMinutesPerRequest = 0;
  if (rates.ptCapable()) {
    const ProvisionedRates &pt = *rates.provisioned;
    flow.muMinutesPerRequest = t.input / *pt.inputTpmPerMu + t.output / *pt.outputTpmPerMu;
  }
}

PreparedScenario prepareScenario(const Scenario &scenario, const RateCard &card) {
  PreparedScenario prepared;
  prepared.name = scenario.name;
  prepared.rateCardAsOf = card.asOf;
  prepared.hoursPerMonth = scenario.hoursPerMonth;
  prepared.globalVolumeMultiplier = scenario.globalVolumeMultiplier;
  prepared.agreement = scenario.agreement;
  prepared.forecast = scenario.forecast;

  for (std::size_t w = 0; w < scenario.workloads.size(); ++w) {
    const Workload &workload = scenario.workloads[w];
    PreparedWorkload pw;
    pw.id = workload.id;
    // An empty team name is no team: show-back must not grow a blank row.
    pw.team = workload.team && !workload.team->empty() ? *workload.team : kNoTeam;
    pw.requestsPerMonth = workload.requestsPerMonth * workload.volumeMultiplier;
    pw.growthPerMonth = workload.growthPerMonth;
    pw.batchShare = workload.batchShare;
    pw.weights = normalizedWeights(workload.profile);
    pw.tokens = workload.tokens;
    pw.caching = workload.caching;
    pw.serviceTier = workload.serviceTier;
    pw.unit = workload.unit;
    prepared.workloads.push_back(std::move(pw));
    for (const MeterUse &meter : workload.meters)
      prepared.meters.push_back(prepareMeter(meter, card, static_cast<int>(w)));
    for (const RoutingShare &route : workload.routing) {
      const int model = modelIndex(prepared, card, route.modelId);
      const int flowIndex = static_cast<int>(prepared.flows.size());
      prepared.flows.push_back(prepareFlow(prepared, workload, prepared.models[model].rates,
                                           static_cast<int>(w), model, route.share));
      prepared.models[model].flows.push_back(flowIndex);
    }
  }
  for (const ProvisionedCommitment &commitment : scenario.provisioned)
    prepared.models[modelIndex(prepared, card, commitment.modelId)].provisioned = commitment;
  for (const Reservation &reservation : scenario.reserved)
    prepared.models[modelIndex(prepared, card, reservation.modelId)].reserved = reservation;

  for (PreparedModel &model : prepared.models) {
    if (!model.ptCapable)
      continue;
    const ProvisionedRates &pt = *model.rates.provisioned;
    model.sizingTerm = model.provisioned ? model.provisioned->term : PtTerm::OneMonth;
    model.sizingRatePerMuHour = pt.ratePerMuHour(model.sizingTerm);
    // A card without a one-month rate is still sized, at the first term it prices.
    for (PtTerm term : {PtTerm::OneMonth, PtTerm::SixMonth, PtTerm::NoCommit}) {
      if (model.sizingRatePerMuHour)
        break;
      model.sizingTerm = term;
      model.sizingRatePerMuHour = pt.ratePerMuHour(term);
    }
  }
  return prepared;
}

} // namespace bwi::core
