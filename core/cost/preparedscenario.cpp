#include "core/cost/preparedscenario.h"

#include "core/model/calendarmonth.h"
#include "core/model/meterkinds.h"

#include <algorithm>
#include <utility>

namespace bwi::core {
namespace {

int modelIndex(PreparedSegment &segment, const RateCard &card, const std::string &id) {
  for (std::size_t i = 0; i < segment.models.size(); ++i)
    if (segment.models[i].rates.id == id)
      return static_cast<int>(i);
  PreparedModel model;
  if (const ModelRates *rates = card.find(id)) {
    model.rates = ratesInForce(*rates, segment.calendarMonth);
    model.rates.versions.clear();
    model.rates.priceChanges.clear();
    model.retired = retiredIn(*rates, segment.calendarMonth);
    model.dated = !rates->priceChanges.empty() || !rates->endOfLife.empty();
  } else {
    // Validation lets only the scenario's unpriced_models through: priced at
    // nothing, and reported apart (docs/cost-model.md §21).
    model.rates.id = id;
    model.unpriced = true;
  }
  model.ptCapable = model.rates.ptCapable();
  segment.models.push_back(std::move(model));
  return static_cast<int>(segment.models.size() - 1);
}

double cacheWritePrice(const CachePrices &cache, const std::optional<Caching> &caching) {
  if (caching && caching->ttl == CacheTtl::OneHour)
    return cache.write1hPer1m.value_or(0);
  return cache.writePer1m.value_or(0);
}

PreparedFlow prepareFlow(PreparedSegment &segment, const Workload &workload,
                         const ModelRates &rates, bool unpriced, int workloadIndex, int model,
                         double share) {
  PreparedFlow flow;
  flow.workload = workloadIndex;
  flow.model = model;
  flow.share = share;
  priceFlow(flow, workload.tokens, workload.caching, workload.serviceTier, rates);
  if (unpriced)
    return flow; // its own warning says the whole of it is left out
  if (!rates.tierMultiplier(workload.serviceTier) && share > 0)
    segment.warnings.push_back("workload " + workload.id + ": service tier " +
                               std::string(toString(workload.serviceTier)) + " is not offered by " +
                               rates.id + "; billed at standard");
  if (!rates.batch && workload.batchShare > 0 && share > 0)
    segment.warnings.push_back("workload " + workload.id + ": " + rates.id +
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

PreparedSegment prepareSegment(const Scenario &scenario, const RateCard &card, int firstMonth,
                               std::optional<int> calendarMonth) {
  PreparedSegment segment;
  segment.firstMonth = firstMonth;
  segment.calendarMonth = calendarMonth;
  for (std::size_t w = 0; w < scenario.workloads.size(); ++w) {
    const Workload &workload = scenario.workloads[w];
    // Without a calendar or an escalation the month's routing is the
    // workload's own (monthRouting would copy it).
    const std::vector<RoutingShare> *shares = &workload.routing;
    MonthRouting routing;
    if (calendarMonth || workload.escalation) {
      routing = monthRouting(workload, card, calendarMonth);
      shares = &routing.shares;
      for (const RoutingMove &move : routing.moves)
        segment.warnings.push_back("workload " + workload.id + ": " + move.from +
                                   " reaches its end of life in " + move.endOfLife +
                                   "; its traffic moves to " + move.to);
      // Validation refuses these within the forecast; a later month keeps
      // the traffic where it is rather than drop it.
      for (const RoutingProblem &problem : routing.problems)
        segment.warnings.push_back("workload " + workload.id + ": " + problem.message +
                                   "; billed on the retired model meanwhile");
    }
    for (const RoutingShare &route : *shares) {
      const int model = modelIndex(segment, card, route.modelId);
      const int flowIndex = static_cast<int>(segment.flows.size());
      segment.flows.push_back(prepareFlow(segment, workload, segment.models[model].rates,
                                          segment.models[model].unpriced, static_cast<int>(w),
                                          model, route.share));
      segment.models[model].flows.push_back(flowIndex);
    }
  }
  for (const ProvisionedCommitment &commitment : scenario.provisioned)
    segment.models[modelIndex(segment, card, commitment.modelId)].provisioned = commitment;
  for (const Reservation &reservation : scenario.reserved)
    segment.models[modelIndex(segment, card, reservation.modelId)].reserved = reservation;

  for (PreparedModel &model : segment.models) {
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
  return segment;
}

// docs/cost-model.md §13: one warning, when a model the scenario sends
// traffic to is dated but the scenario has no calendar.
std::optional<std::string> unusedCalendarWarning(const PreparedSegment &segment) {
  for (const PreparedModel &model : segment.models) {
    if (!model.dated)
      continue;
    for (int f : model.flows)
      if (segment.flows[static_cast<std::size_t>(f)].share > 0)
        return "the rate card gives " + model.rates.id +
               " price changes or an end of life, but the scenario has no "
               "forecast.start_month: every month is costed at the card's own prices and no "
               "model retires (set forecast.start_month to use the calendar)";
  }
  return std::nullopt;
}

} // namespace

void priceFlow(PreparedFlow &flow, const TokenShape &tokens, const std::optional<Caching> &caching,
               ServiceTier tier, const ModelRates &rates) {
  flow.tokens = requestTokens(tokens, caching, rates.cache.has_value());
  const double tierMultiplier = rates.tierMultiplier(tier).value_or(1.0);
  const RequestTokens &t = flow.tokens;
  // Long context is judged on the mean input per call, cached tokens
  // included, strictly above the threshold (docs/cost-model.md §11).
  flow.longContext = rates.longContext && tokens.callsPerRequest > 0 &&
                     t.input / tokens.callsPerRequest > rates.longContext->thresholdInputTokens;
  const double inputMultiplier = flow.longContext ? rates.longContext->inputMultiplier : 1.0;
  const double outputMultiplier = flow.longContext ? rates.longContext->outputMultiplier : 1.0;
  const double writePrice =
      (rates.cache ? cacheWritePrice(*rates.cache, caching) : 0.0) * inputMultiplier;
  const double readPrice = (rates.cache ? rates.cache->readPer1m : 0.0) * inputMultiplier;
  const double inputPrice = rates.onDemand.inputPer1m * inputMultiplier;
  const double outputPrice = rates.onDemand.outputPer1m * outputMultiplier;
  flow.onDemandInputUsd =
      (t.uncachedInput * inputPrice + t.cacheWrite * writePrice) * tierMultiplier / 1e6;
  flow.onDemandReadUsd = t.cacheRead * readPrice * tierMultiplier / 1e6;
  flow.onDemandOutputUsd = t.output * outputPrice * tierMultiplier / 1e6;
  flow.batchOnDemand = !rates.batch;
  flow.batchUsd = rates.batch ? (t.input * rates.batch->inputPer1m * inputMultiplier +
                                 t.output * rates.batch->outputPer1m * outputMultiplier) /
                                    1e6
                              : 0.0;
  // PT load and reserved demand count tokens, never prices.
  flow.muMinutesPerRequest = 0;
  if (rates.ptCapable()) {
    const ProvisionedRates &pt = *rates.provisioned;
    flow.muMinutesPerRequest = t.input / *pt.inputTpmPerMu + t.output / *pt.outputTpmPerMu;
  }
}

const PreparedSegment &PreparedScenario::segment(int month) const {
  for (std::size_t i = segments.size(); i-- > 1;)
    if (segments[i].firstMonth <= month)
      return segments[i];
  return segments.front();
}

PreparedSegment &PreparedScenario::segment(int month) {
  return const_cast<PreparedSegment &>(std::as_const(*this).segment(month));
}

std::optional<std::string> PreparedScenario::calendarMonth(int month) const {
  if (!startMonth)
    return std::nullopt;
  return formatCalendarMonth(*startMonth + month);
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
  }

  // A stale entry: the card (or an override) prices the model now, so it is
  // priced like any other (docs/cost-model.md §21).
  for (const std::string &id : scenario.unpricedModels)
    if (card.find(id))
      prepared.warnings.push_back("unpriced_models lists " + id +
                                  ", which the rate card prices: priced at the card's rates (the "
                                  "entry can go)");

  prepared.startMonth = calendarStart(scenario);
  if (!prepared.startMonth) {
    prepared.segments.front() = prepareSegment(scenario, card, 0, std::nullopt);
    if (auto warning = unusedCalendarWarning(prepared.segments.front()))
      prepared.warnings.push_back(std::move(*warning));
    return prepared;
  }
  const int start = *prepared.startMonth;
  const std::vector<std::string> models = modelsInPlay(scenario, card);
  prepared.segments.front() = prepareSegment(scenario, card, 0, start);
  for (int month : calendarBoundaries(card, models, start))
    if (month <= kMaxModeledMonth)
      prepared.segments.push_back(prepareSegment(scenario, card, month, start + month));
  prepared.events = calendarEvents(card, models, start, scenario.forecast.months);
  return prepared;
}

} // namespace bwi::core
