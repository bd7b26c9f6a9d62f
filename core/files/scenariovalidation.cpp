#include "core/files/scenariovalidation.h"

#include "core/common/jsonreader.h"
#include "core/files/scenariojson.h"
#include "core/model/calendar.h"
#include "core/model/calendarmonth.h"
#include "core/model/meterkinds.h"

#include <algorithm>
#include <map>
#include <set>

namespace bwi::core {
namespace {

const char *kQuoteHint = "; AWS publishes no current figure, so add the account team's quote "
                         "under ratecard_overrides";

// Reports each problem once (a path, or a path and a model), with the
// first month it appears in.
class Reporter {
public:
  explicit Reporter(ValidationIssues &issues) : m_issues(issues) {}
  void add(const std::string &path, std::string message, const std::string &about = {}) {
    if (m_reported.insert(path + "\n" + about).second)
      m_issues.push_back({path, std::move(message)});
  }

private:
  ValidationIssues &m_issues;
  std::set<std::string> m_reported;
};

// " in 2027-04 (month 3)" with a calendar, "" without.
std::string monthText(std::optional<int> start, int month) {
  if (!start)
    return {};
  return " in " + formatCalendarMonth(*start + month) + " (month " + std::to_string(month) + ")";
}

// Listed in unpriced_models and not priced by the card: routed to knowingly
// without a price (docs/cost-model.md §21).
bool unpricedModel(const std::vector<std::string> &unpriced, const RateCard &card,
                   const std::string &id) {
  return !card.find(id) && std::find(unpriced.begin(), unpriced.end(), id) != unpriced.end();
}

std::string needsPrice(const std::string &id, const std::string &what) {
  return id + " has no price (it is in unpriced_models): " + what +
         " needs one; map it to a card model or type a price under ratecard_overrides";
}

bool lacksOneHourPrice(const Workload &workload, const ModelRates &model) {
  return workload.caching && workload.caching->ttl == CacheTtl::OneHour && model.cache &&
         !model.cache->write1hPer1m;
}

void validateWorkload(const Workload &workload, const std::string &path, const RateCard &card,
                      const std::vector<std::string> &unpriced, Reporter &report) {
  const std::string routingPath = childPath(path, "routing");
  const std::string ttlPath = childPath(childPath(path, "caching"), "ttl");
  for (const RoutingShare &route : workload.routing) {
    const ModelRates *model = card.find(route.modelId);
    if (!model && unpricedModel(unpriced, card, route.modelId))
      continue;
    if (!model) {
      report.add(childPath(routingPath, route.modelId),
                 "unknown model id \"" + route.modelId + "\" (not in the rate card)");
      continue;
    }
    if (lacksOneHourPrice(workload, *model))
      report.add(ttlPath,
                 "\"1h\" caching is not priced for " + route.modelId +
                     " (its card has no write_1h_per_1m)",
                 route.modelId);
  }
  // The adequate set names models of this card: a typo would silently
  // narrow what the optimizer may propose.
  for (std::size_t j = 0; j < workload.adequateModels.size(); ++j)
    if (!card.find(workload.adequateModels[j]))
      report.add(indexPath(childPath(path, "adequate_models"), j),
                 "unknown model id \"" + workload.adequateModels[j] + "\" (not in the rate card)");
  // The router's split is the routing's shares on its two models, so the
  // routing names both (docs/cost-model.md §20).
  if (!workload.promptRouter.empty()) {
    const std::string routerPath = childPath(childPath(path, "prompt_router"), "id");
    if (const PromptRouter *router = card.findRouter(workload.promptRouter)) {
      for (const std::string &id : router->models)
        if (std::none_of(workload.routing.begin(), workload.routing.end(),
                         [&](const RoutingShare &route) { return route.modelId == id; }))
          report.add(routerPath, "router \"" + router->id + "\" serves " + id +
                                     ", which the routing does not name: give both of its "
                                     "models a share (its expected split)");
    } else {
      report.add(routerPath, "unknown prompt router \"" + workload.promptRouter +
                                 "\" (not in the rate card's prompt_routers)");
    }
  }
  // A meter is priced by the card unless its rate is typed (docs/cost-model.md §18).
  // Meters do not follow the calendar, so this holds for every month.
  const std::string metersPath = childPath(path, "meters");
  for (std::size_t j = 0; j < workload.meters.size(); ++j) {
    const MeterUse &meter = workload.meters[j];
    if (meter.kind.empty() || meter.usdPerUnit || findMeterRate(card, meter.kind))
      continue;
    report.add(childPath(indexPath(metersPath, j), "kind"),
               "meter kind \"" + meter.kind +
                   "\" is not in the rate card; give its usd_per_unit (a quoted or custom rate)");
  }
  if (!workload.escalation || workload.escalation->to.empty())
    return;
  // B must be in the card (it need not be in routing) and, with a 1-hour
  // cache, price it like any routed model (docs/cost-model.md §12).
  const std::string &target = workload.escalation->to;
  const ModelRates *model = card.find(target);
  if (!model && unpricedModel(unpriced, card, target))
    report.add(childPath(childPath(path, "escalation"), "to"),
               needsPrice(target, "an escalation target"));
  else if (!model)
    report.add(childPath(childPath(path, "escalation"), "to"),
               "unknown model id \"" + target + "\" (not in the rate card)");
  else if (lacksOneHourPrice(workload, *model))
    report.add(ttlPath,
               "\"1h\" caching is not priced for " + target +
                   ", the escalation target (its card has no write_1h_per_1m)",
               target);
}

// The months whose card or routing differs from the month before: month 0
// and every boundary inside the forecast.
std::vector<int> changeMonths(const Scenario &scenario, const RateCard &card,
                              std::optional<int> start) {
  std::vector<int> months{0};
  if (!start)
    return months;
  for (int month : calendarBoundaries(card, modelsInPlay(scenario, card), *start))
    if (month < scenario.forecast.months)
      months.push_back(month);
  return months;
}

// Traffic that cannot move, and a 1-hour cache on a model that receives
// traffic this month without pricing it (docs/cost-model.md §13.2, §10.10).
void validateRoutingMonth(const Scenario &scenario, const RateCard &card, std::optional<int> start,
                          int month, Reporter &report) {
  if (!start)
    return;
  const int calendarMonth = *start + month;
  for (std::size_t i = 0; i < scenario.workloads.size(); ++i) {
    const Workload &workload = scenario.workloads[i];
    const std::string path = indexPath("workloads", i);
    const MonthRouting routing = monthRouting(workload, card, calendarMonth);
    for (const RoutingProblem &problem : routing.problems)
      report.add(path + "." + problem.field, problem.message + " (traffic remains from month " +
                                                 std::to_string(month) + ", " +
                                                 formatCalendarMonth(calendarMonth) + ")");
    for (const RoutingShare &share : routing.shares) {
      const ModelRates *model = card.find(share.modelId);
      if (model && share.share > 0 &&
          lacksOneHourPrice(workload, ratesInForce(*model, calendarMonth)))
        report.add(childPath(childPath(path, "caching"), "ttl"),
                   "\"1h\" caching is not priced for " + share.modelId +
                       ", which serves the workload" + monthText(start, month) +
                       " (no write_1h_per_1m)",
                   share.modelId);
    }
  }
}

void validateProvisionedMonth(const ProvisionedCommitment &commitment, const ModelRates &model,
                              const std::string &path, const std::string &when, Reporter &report) {
  if (!model.ptCapable()) {
    report.add(childPath(path, "model"), "quote needed: " + commitment.modelId +
                                             " has no provisioned-throughput price and model-unit "
                                             "capacity" +
                                             when + kQuoteHint);
    return;
  }
  if (!model.provisioned->ratePerMuHour(commitment.term))
    report.add(childPath(path, "term"), "quote needed: " + commitment.modelId + " has no " +
                                            std::string(toString(commitment.term)) +
                                            " price per model unit" + when + kQuoteHint);
}

void validateReservedMonth(const Reservation &reservation, const ModelRates &model,
                           const std::string &path, const std::string &when, Reporter &report) {
  if (!model.reserved) {
    report.add(childPath(path, "model"),
               reservation.modelId + " is not offered in the Reserved tier" + when);
    return;
  }
  if (!model.reserved->rates(reservation.term))
    report.add(childPath(path, "term"), "quote needed: " + reservation.modelId + " has no " +
                                            std::string(toString(reservation.term)) +
                                            " Reserved-tier price" + when + kQuoteHint);
  const bool empty = reservation.inputTpm == 0 && reservation.outputTpm == 0;
  if (!empty && reservation.inputTpm < model.reserved->minInputTpm)
    report.add(childPath(path, "input_tpm"),
               "below the minimum reservation of " +
                   std::to_string(static_cast<long long>(model.reserved->minInputTpm)) +
                   " input tokens per minute" + when + " (or reserve 0 for both)");
  if (!empty && reservation.outputTpm < model.reserved->minOutputTpm)
    report.add(childPath(path, "output_tpm"),
               "below the minimum reservation of " +
                   std::to_string(static_cast<long long>(model.reserved->minOutputTpm)) +
                   " output tokens per minute" + when + " (or reserve 0 for both)");
}

// A commitment is priced by the card of every month from its start to the
// last forecast month (docs/cost-model.md §13.2), and at least in its start month.
std::vector<int> commitmentMonths(int startMonth, const std::vector<int> &changes,
                                  std::optional<int> only) {
  if (only)
    return startMonth <= *only ? std::vector<int>{*only} : std::vector<int>{};
  std::vector<int> months{startMonth};
  for (int month : changes)
    if (month > startMonth)
      months.push_back(month);
  return months;
}

// `only`: check that one month (evaluate --month beyond the forecast);
// otherwise every month of the forecast.
void validateCommitments(const Scenario &scenario, const RateCard &card, std::optional<int> start,
                         const std::vector<int> &changes, std::optional<int> only,
                         Reporter &report) {
  std::map<std::string, std::string> committed; // model id -> path of its commitment
  const auto checkSingle = [&](const std::string &modelId, const std::string &path) {
    if (const auto it = committed.find(modelId); it != committed.end()) {
      report.add(path, "a second commitment on " + modelId + " (the first is " + it->second +
                           "); a model has at most one");
      return false;
    }
    committed.emplace(modelId, path);
    return true;
  };
  for (std::size_t i = 0; i < scenario.provisioned.size(); ++i) {
    const ProvisionedCommitment &commitment = scenario.provisioned[i];
    const std::string path = indexPath("provisioned", i);
    if (commitment.modelId.empty())
      continue; // reported as missing already
    const ModelRates *model = card.find(commitment.modelId);
    if (!model) {
      report.add(childPath(path, "model"),
                 unpricedModel(scenario.unpricedModels, card, commitment.modelId)
                     ? needsPrice(commitment.modelId, "a provisioned-throughput commitment")
                     : "unknown model id \"" + commitment.modelId + "\"");
      continue;
    }
    if (!checkSingle(commitment.modelId, childPath(path, "model")))
      continue;
    for (int month : commitmentMonths(commitment.startMonth, changes, only))
      validateProvisionedMonth(commitment,
                               ratesInForce(*model, start ? std::optional(*start + month) : start),
                               path, monthText(start, month), report);
  }
  for (std::size_t i = 0; i < scenario.reserved.size(); ++i) {
    const Reservation &reservation = scenario.reserved[i];
    const std::string path = indexPath("reserved", i);
    if (reservation.modelId.empty())
      continue;
    const ModelRates *model = card.find(reservation.modelId);
    if (!model) {
      report.add(childPath(path, "model"),
                 unpricedModel(scenario.unpricedModels, card, reservation.modelId)
                     ? needsPrice(reservation.modelId, "a Reserved-tier reservation")
                     : "unknown model id \"" + reservation.modelId + "\"");
      continue;
    }
    if (!checkSingle(reservation.modelId, childPath(path, "model")))
      continue;
    for (int month : commitmentMonths(reservation.startMonth, changes, only))
      validateReservedMonth(reservation,
                            ratesInForce(*model, start ? std::optional(*start + month) : start),
                            path, monthText(start, month), report);
  }
}

} // namespace

void validateScenario(const Scenario &scenario, const RateCard &card, ValidationIssues &issues) {
  readScenario(scenarioToJson(scenario), issues);
  validateAgainstRateCard(scenario, card, issues);
}

void validateAgainstRateCard(const Scenario &scenario, const RateCard &card,
                             ValidationIssues &issues) {
  Reporter report(issues);
  for (std::size_t i = 0; i < scenario.workloads.size(); ++i)
    validateWorkload(scenario.workloads[i], indexPath("workloads", i), card,
                     scenario.unpricedModels, report);
  const std::optional<int> start = calendarStart(scenario);
  const std::vector<int> changes = changeMonths(scenario, card, start);
  validateCommitments(scenario, card, start, changes, std::nullopt, report);
  for (int month : changes)
    validateRoutingMonth(scenario, card, start, month, report);
}

void validateCalendarMonth(const Scenario &scenario, const RateCard &card, int month,
                           ValidationIssues &issues) {
  const std::optional<int> start = calendarStart(scenario);
  if (!start)
    return; // without a calendar every month has the card the scenario was checked against
  Reporter report(issues);
  validateCommitments(scenario, card, start, {}, month, report);
  validateRoutingMonth(scenario, card, start, month, report);
}

} // namespace bwi::core
