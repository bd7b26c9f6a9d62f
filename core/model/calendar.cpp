#include "core/model/calendar.h"

#include "core/common/jsonreader.h"
#include "core/model/calendarmonth.h"

#include <algorithm>
#include <cctype>

namespace bwi::core {
namespace {

std::string nameOf(const ModelRates &model) { return model.name.empty() ? model.id : model.name; }

// Where traffic named for `id` lands in the month: successors followed while
// they have retired (§13.3). `problem` says why it cannot go on (§13.2);
// the traffic then stays on the retired model where the chain stops.
struct Landing {
  std::string id;
  std::string problem;
};

Landing land(const RateCard &card, const std::string &id, std::optional<int> month) {
  Landing landing{id, {}};
  if (!month)
    return landing;
  std::vector<std::string> chain{id};
  while (true) {
    const ModelRates *model = card.find(landing.id);
    if (!model || !retiredIn(*model, month))
      return landing;
    const std::string retires = landing.id + " reaches its end of life in " + model->endOfLife;
    const std::string via = chain.size() > 1 ? " (the successor of " + chain.front() + ")" : "";
    if (model->successor.empty()) {
      landing.problem = retires + via + " and names no successor: route its traffic elsewhere";
      return landing;
    }
    if (!card.find(model->successor)) {
      landing.problem = retires + via + "; its successor \"" + model->successor +
                        "\" is not in the rate card: route its traffic elsewhere";
      return landing;
    }
    if (std::find(chain.begin(), chain.end(), model->successor) != chain.end()) {
      std::string loop;
      for (const std::string &step : chain)
        loop += step + " → ";
      landing.problem = retires + "; its successors loop (" + loop + model->successor +
                        "): route its traffic elsewhere";
      return landing;
    }
    chain.push_back(model->successor);
    landing.id = model->successor;
  }
}

double &shareOf(std::vector<RoutingShare> &shares, const std::string &id) {
  for (RoutingShare &entry : shares)
    if (entry.modelId == id)
      return entry.share;
  shares.push_back({id, 0.0});
  return shares.back().share;
}

std::string lowercase(std::string text) {
  for (char &c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// A change whose note says a promotion ends ("launch promotion ends",
// "promotional price expires").
bool endsPromotion(const std::string &note) {
  const std::string text = lowercase(note);
  return text.find("promo") != std::string::npos &&
         (text.find("end") != std::string::npos || text.find("expir") != std::string::npos);
}

} // namespace

std::optional<int> calendarStart(const Scenario &scenario) {
  if (!scenario.forecast.startMonth)
    return std::nullopt;
  return parseCalendarMonth(*scenario.forecast.startMonth);
}

const ModelRates &ratesInForce(const ModelRates &model, std::optional<int> calendarMonth) {
  if (!calendarMonth)
    return model;
  const ModelRates *inForce = &model;
  for (const ModelRates &version : model.versions) {
    const auto from = parseCalendarMonth(version.inForceFrom);
    if (from && *from <= *calendarMonth)
      inForce = &version;
  }
  return *inForce;
}

bool retiredIn(const ModelRates &model, std::optional<int> calendarMonth) {
  if (!calendarMonth || model.endOfLife.empty())
    return false;
  const auto endOfLife = parseCalendarMonth(model.endOfLife);
  return endOfLife && *endOfLife <= *calendarMonth;
}

RateCard cardInForce(const RateCard &card, std::optional<int> calendarMonth) {
  RateCard result = card;
  for (std::size_t m = 0; m < card.models.size(); ++m) {
    result.models[m] = ratesInForce(card.models[m], calendarMonth);
    result.models[m].versions.clear();
    result.models[m].priceChanges.clear();
  }
  return result;
}

MonthRouting monthRouting(const Workload &workload, const RateCard &card,
                          std::optional<int> calendarMonth) {
  MonthRouting result;
  result.shares.reserve(workload.routing.size() + 1);
  const auto addMove = [&](const std::string &from, const std::string &to) {
    if (from == to)
      return;
    for (const RoutingMove &move : result.moves)
      if (move.from == from)
        return;
    const ModelRates *model = card.find(from);
    result.moves.push_back({from, to, model ? model->endOfLife : std::string()});
  };
  for (const RoutingShare &route : workload.routing) {
    const Landing landing = land(card, route.modelId, calendarMonth);
    if (!landing.problem.empty()) {
      if (!(route.share > 0))
        continue; // no traffic to move: the entry goes with its model
      result.problems.push_back({childPath("routing", route.modelId), landing.problem});
    }
    shareOf(result.shares, landing.id) += route.share;
    if (route.share > 0)
      addMove(route.modelId, landing.id);
  }
  if (workload.escalation && workload.escalation->rate > 0) {
    const double rate = workload.escalation->rate;
    const Landing landing = land(card, workload.escalation->to, calendarMonth);
    if (!landing.problem.empty())
      result.problems.push_back({"escalation.to", landing.problem});
    double &share = shareOf(result.shares, landing.id);
    share = share + rate * (1.0 - share); // s'_B = s_B + e·(1 − s_B)
    result.escalationTarget = landing.id;
    addMove(workload.escalation->to, landing.id);
  }
  return result;
}

std::vector<std::string> modelsInPlay(const Scenario &scenario, const RateCard &card) {
  std::vector<std::string> ids;
  const auto add = [&](const std::string &id) {
    if (card.find(id) && std::find(ids.begin(), ids.end(), id) == ids.end())
      ids.push_back(id);
  };
  for (const Workload &workload : scenario.workloads) {
    for (const RoutingShare &route : workload.routing)
      add(route.modelId);
    if (workload.escalation)
      add(workload.escalation->to);
  }
  for (const ProvisionedCommitment &commitment : scenario.provisioned)
    add(commitment.modelId);
  for (const Reservation &reservation : scenario.reserved)
    add(reservation.modelId);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const ModelRates *model = card.find(ids[i]);
    if (!model->endOfLife.empty() && !model->successor.empty())
      add(model->successor);
  }
  return ids;
}

std::vector<int> calendarBoundaries(const RateCard &card, const std::vector<std::string> &models,
                                    int startMonth) {
  std::vector<int> months;
  const auto add = [&](const std::string &text) {
    if (const auto month = parseCalendarMonth(text); month && *month - startMonth >= 1)
      months.push_back(*month - startMonth);
  };
  for (const std::string &id : models) {
    const ModelRates *model = card.find(id);
    if (!model)
      continue;
    for (const ModelRates &version : model->versions)
      add(version.inForceFrom);
    add(model->endOfLife);
  }
  std::sort(months.begin(), months.end());
  months.erase(std::unique(months.begin(), months.end()), months.end());
  return months;
}

std::string_view toString(CalendarEventKind kind) {
  switch (kind) {
  case CalendarEventKind::PriceChange:
    return "price_change";
  case CalendarEventKind::PromotionEnd:
    return "promotion_end";
  case CalendarEventKind::EndOfLife:
    return "end_of_life";
  }
  return "price_change";
}

std::vector<CalendarEvent> calendarEvents(const RateCard &card,
                                          const std::vector<std::string> &models, int startMonth,
                                          int months) {
  std::vector<CalendarEvent> events;
  const auto monthOf = [&](const std::string &text) -> std::optional<int> {
    const auto month = parseCalendarMonth(text);
    if (!month || *month < startMonth || *month - startMonth >= months)
      return std::nullopt;
    return *month - startMonth;
  };
  for (const std::string &id : models) {
    const ModelRates *model = card.find(id);
    if (!model)
      continue;
    for (const DatedPriceChange &change : model->priceChanges) {
      const auto month = monthOf(change.effective);
      if (!month)
        continue;
      CalendarEvent event;
      event.month = *month;
      event.calendarMonth = change.effective;
      event.modelId = id;
      event.note = change.note;
      if (endsPromotion(change.note)) {
        event.kind = CalendarEventKind::PromotionEnd;
        event.label = nameOf(*model) + " promotion ends";
      } else {
        event.label = nameOf(*model) + (change.note.empty() ? ": new prices" : " → " + change.note);
      }
      events.push_back(std::move(event));
    }
    if (const auto month = monthOf(model->endOfLife)) {
      CalendarEvent event;
      event.month = *month;
      event.calendarMonth = model->endOfLife;
      event.modelId = id;
      event.kind = CalendarEventKind::EndOfLife;
      event.successor = model->successor;
      const ModelRates *successor = card.find(model->successor);
      event.label = nameOf(*model) + " retires" + (successor ? " → " + nameOf(*successor) : "");
      events.push_back(std::move(event));
    }
  }
  std::stable_sort(
      events.begin(), events.end(),
      [](const CalendarEvent &a, const CalendarEvent &b) { return a.month < b.month; });
  return events;
}

} // namespace bwi::core
