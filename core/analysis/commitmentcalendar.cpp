#include "core/analysis/commitmentcalendar.h"

#include "core/common/moneyformat.h"
#include "core/model/calendarmonth.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace bwi::core {
namespace {

// Without a calendar, deadlines are ordered as if month 0 were this month;
// no date built on it is ever shown.
constexpr int kAnchorMonth = 2000 * 12;

// Days since 1970-01-01 of a civil date (the proleptic Gregorian calendar).
long long daysFromCivil(int year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const long long era = (year >= 0 ? year : year - 399) / 400;
  const long long yearOfEra = year - era * 400;
  const long long dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

std::string civilFromDays(long long days) {
  days += 719468;
  const long long era = (days >= 0 ? days : days - 146096) / 146097;
  const long long dayOfEra = days - era * 146097;
  const long long yearOfEra =
      (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
  const long long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
  const long long mp = (5 * dayOfYear + 2) / 153;
  const long long day = dayOfYear - (153 * mp + 2) / 5 + 1;
  const long long month = mp < 10 ? mp + 3 : mp - 9;
  const long long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  char text[96]; // room for any long long, so the compiler sees no truncation
  std::snprintf(text, sizeof text, "%04lld-%02lld-%02lld", year, month, day);
  return text;
}

// The first day of a whole calendar month (year·12 + month − 1).
long long firstDay(int calendarMonth) {
  const int year = calendarMonth / 12;
  const int month = calendarMonth % 12 + 1;
  return daysFromCivil(year, month, 1);
}

long long lastDay(int calendarMonth) { return firstDay(calendarMonth + 1) - 1; }

struct Context {
  std::optional<int> start; // the calendar month of month 0
  int months = 0;

  int calendarOf(int month) const { return start.value_or(kAnchorMonth) + month; }
  std::string monthName(int month) const {
    return start ? formatCalendarMonth(*start + month) : "month " + std::to_string(month);
  }
  long long planStartDay() const { return firstDay(calendarOf(0)); }

  // The start of day `day` as months from the start of month 0.
  double monthPosition(long long day) const {
    int month = static_cast<int>((day - planStartDay()) / 31); // at or before the day's month
    while (firstDay(calendarOf(month + 1)) <= day)
      ++month;
    while (firstDay(calendarOf(month)) > day)
      --month;
    const long long first = firstDay(calendarOf(month));
    const long long length = firstDay(calendarOf(month + 1)) - first;
    return month + static_cast<double>(day - first) / static_cast<double>(length);
  }

  // The term whose last month is `termLastMonth` ends on that month's last
  // day; a cancellation must reach AWS `noticeDays` before.
  CommitmentDeadline deadline(int termLastMonth, int noticeDays) const {
    CommitmentDeadline result;
    result.termLastMonth = termLastMonth;
    result.noticeDays = noticeDays;
    result.dayNumber = lastDay(calendarOf(termLastMonth)) - noticeDays;
    result.monthPosition = monthPosition(result.dayNumber + 1);
    if (start) {
      result.date = civilFromDays(result.dayNumber);
      result.text = *result.date;
    } else {
      result.text = (noticeDays == 0 ? std::string("the end of ")
                                     : std::to_string(noticeDays) + " days before the end of ") +
                    monthName(termLastMonth);
    }
    return result;
  }
};

std::string thousands(double tpm) {
  if (tpm >= 1000 && std::fmod(tpm, 1000) == 0)
    return formatCount(tpm / 1000) + "K";
  return formatCount(tpm);
}

std::string termName(int months) {
  return months == 1 ? "one month" : std::to_string(months) + " months";
}

int decisionRank(CommitmentDecisionKind kind) {
  switch (kind) {
  case CommitmentDecisionKind::EndOfLife:
    return 0;
  case CommitmentDecisionKind::Renewal:
    return 1;
  case CommitmentDecisionKind::TermEnd:
    return 2;
  }
  return 3;
}

bool earlier(const CommitmentDecision &a, const CommitmentDecision &b) {
  if (a.by.dayNumber != b.by.dayNumber)
    return a.by.dayNumber < b.by.dayNumber;
  return decisionRank(a.kind) < decisionRank(b.kind);
}

std::string modelName(const PreparedScenario &scenario, const std::string &id) {
  for (const PreparedSegment &segment : scenario.segments)
    for (const PreparedModel &model : segment.models)
      if (model.rates.id == id)
        return model.rates.name.empty() ? id : model.rates.name;
  return id;
}

void addDecisions(CommitmentCalendarEntry &entry, const Context &context) {
  const int start = entry.startMonth;
  const int length = entry.termMonths;
  const std::string verb = length == 0 ? "delete" : "cancel";
  if (length > 0 && entry.autoRenew) {
    // The first renewal whose deadline has not passed when the plan starts.
    for (int k = 1; k <= 1200; ++k) {
      const int boundary = start + k * length;
      const CommitmentDeadline by = context.deadline(boundary - 1, entry.cancelNoticeDays);
      if (by.dayNumber < context.planStartDay())
        continue;
      CommitmentDecision decision;
      decision.kind = CommitmentDecisionKind::Renewal;
      decision.action = "renew or cancel";
      decision.by = by;
      decision.text = "renew or cancel " + entry.label + " by " + by.text;
      decision.detail =
          "It renews for another " + termName(length) + " from " + context.monthName(boundary) +
          " unless cancelled; a cancellation cannot be undone" +
          (entry.cancelNoticeDays > 0 ? " and needs " + std::to_string(entry.cancelNoticeDays) +
                                            " days' notice before the term ends."
                                      : ".");
      entry.decisions.push_back(decision);
      break;
    }
  }
  if (length > 0 && !entry.autoRenew) {
    CommitmentDecision decision;
    decision.kind = CommitmentDecisionKind::TermEnd;
    decision.action = "re-sign or let end";
    decision.by = context.deadline(start + length - 1, 0);
    decision.text = entry.label + " ends " + decision.by.text + ": re-sign or let it end";
    decision.detail = "It does not renew: from " + context.monthName(start + length) +
                      " its model's traffic is billed on demand.";
    entry.decisions.push_back(decision);
  }
  if (!entry.idleMonths.empty() && entry.endOfLifeMonth && (entry.autoRenew || length == 0)) {
    const int endOfLife = *entry.endOfLifeMonth;
    // The last term boundary at or before the end of life stops the charge
    // before the model retires; inside the first term, the first boundary.
    int boundary = std::max(endOfLife, start);
    if (length > 0)
      boundary = start + std::max(1, (endOfLife - start) / length) * length;
    CommitmentDecision decision;
    decision.kind = CommitmentDecisionKind::EndOfLife;
    decision.action = verb;
    decision.by = context.deadline(boundary - 1, length > 0 ? entry.cancelNoticeDays : 0);
    decision.text = verb + " " + entry.label + " by " + decision.by.text + ": " + entry.modelName +
                    " retires " + entry.endOfLife;
    decision.detail =
        "Kept, it is charged idle from " + context.monthName(entry.idleMonths.front()) + ": " +
        formatUsdExact(entry.idleCostUsd) + " gross over " +
        std::to_string(entry.idleMonths.size()) + " forecast month" +
        (entry.idleMonths.size() == 1 ? "" : "s") +
        (entry.successor.empty() ? "" : "; its traffic moves to " + entry.successor) + ".";
    entry.decisions.push_back(decision);
  }
  for (CommitmentDecision &decision : entry.decisions) {
    decision.modelId = entry.modelId;
    decision.reserved = entry.reserved;
    decision.subject = entry.label;
  }
  std::stable_sort(entry.decisions.begin(), entry.decisions.end(), earlier);
}

void fillEntry(CommitmentCalendarEntry &entry, const PreparedScenario &scenario,
               const Forecast &forecast, const Context &context, const ModelRates &rates) {
  entry.modelName = rates.name.empty() ? rates.id : rates.name;
  if (context.start)
    entry.startCalendarMonth = formatCalendarMonth(*context.start + entry.startMonth);
  if (entry.termMonths > 0) {
    entry.termEndMonth = entry.startMonth + entry.termMonths;
    const CommitmentDeadline end = context.deadline(*entry.termEndMonth - 1, 0);
    entry.termEndDate = end.date;
    entry.cancelBy = context.deadline(*entry.termEndMonth - 1, entry.cancelNoticeDays);
    if (entry.autoRenew)
      for (int month = *entry.termEndMonth; month < context.months; month += entry.termMonths)
        entry.renewalMonths.push_back(month);
  }
  entry.chargedUntilMonth = chargeEndMonth(entry.startMonth, entry.termMonths, entry.autoRenew);
  const int chargedEnd = entry.chargedUntilMonth.value_or(context.months);
  for (const CalendarEvent &event : scenario.events)
    if (event.modelId == entry.modelId && event.month >= entry.startMonth &&
        event.month < chargedEnd)
      entry.events.push_back(event);
  entry.endOfLife = rates.endOfLife;
  entry.successor = rates.successor.empty() ? "" : modelName(scenario, rates.successor);
  if (context.start && !rates.endOfLife.empty())
    if (const auto month = parseCalendarMonth(rates.endOfLife))
      entry.endOfLifeMonth = *month - *context.start;
  for (const CommitmentRisk &risk : forecast.commitmentRisks)
    if (risk.modelId == entry.modelId && risk.reserved == entry.reserved) {
      entry.idleMonths = risk.idleMonths;
      entry.idleCalendarMonths = risk.idleCalendarMonths;
      entry.idleCostUsd = risk.idleCostUsd;
    }
  addDecisions(entry, context);
}

} // namespace

std::string_view toString(CommitmentDecisionKind kind) {
  switch (kind) {
  case CommitmentDecisionKind::Renewal:
    return "renewal";
  case CommitmentDecisionKind::TermEnd:
    return "term_end";
  case CommitmentDecisionKind::EndOfLife:
    return "end_of_life";
  }
  return "renewal";
}

std::string calendarMonthName(const CommitmentCalendar &calendar, int month) {
  if (const auto start =
          calendar.startMonth ? parseCalendarMonth(*calendar.startMonth) : std::nullopt)
    return formatCalendarMonth(*start + month);
  return "month " + std::to_string(month);
}

CommitmentCalendar commitmentCalendar(const PreparedScenario &scenario, const Forecast &forecast) {
  CommitmentCalendar calendar;
  Context context;
  context.start = scenario.startMonth;
  context.months = scenario.forecast.months;
  calendar.months = context.months;
  if (context.start)
    calendar.startMonth = formatCalendarMonth(*context.start);

  // Each model has at most one commitment; every segment carries it.
  std::vector<const PreparedModel *> pt, reserved;
  const auto seen = [](const std::vector<const PreparedModel *> &list, const std::string &id) {
    return std::any_of(list.begin(), list.end(),
                       [&](const PreparedModel *model) { return model->rates.id == id; });
  };
  for (const PreparedSegment &segment : scenario.segments)
    for (const PreparedModel &model : segment.models) {
      if (model.provisioned && !seen(pt, model.rates.id))
        pt.push_back(&model);
      if (model.reserved && !seen(reserved, model.rates.id))
        reserved.push_back(&model);
    }

  for (const PreparedModel *model : pt) {
    const ProvisionedCommitment &commitment = *model->provisioned;
    CommitmentCalendarEntry entry;
    entry.modelId = commitment.modelId;
    entry.term = std::string(toString(commitment.term));
    entry.termMonths = termMonths(commitment.term);
    entry.modelUnits = commitment.modelUnits;
    entry.autoRenew = commitment.autoRenew;
    entry.cancelNoticeDays = commitment.cancelNoticeDays;
    entry.startMonth = commitment.startMonth;
    entry.label = "PT " + (model->rates.name.empty() ? model->rates.id : model->rates.name) + " ×" +
                  std::to_string(commitment.modelUnits);
    fillEntry(entry, scenario, forecast, context, model->rates);
    calendar.entries.push_back(std::move(entry));
  }
  for (const PreparedModel *model : reserved) {
    const Reservation &reservation = *model->reserved;
    CommitmentCalendarEntry entry;
    entry.modelId = reservation.modelId;
    entry.reserved = true;
    entry.term = std::string(toString(reservation.term));
    entry.termMonths = termMonths(reservation.term);
    entry.inputTpm = reservation.inputTpm;
    entry.outputTpm = reservation.outputTpm;
    entry.autoRenew = reservation.autoRenew;
    entry.cancelNoticeDays = reservation.cancelNoticeDays;
    entry.startMonth = reservation.startMonth;
    entry.label = "Reserved " + (model->rates.name.empty() ? model->rates.id : model->rates.name) +
                  " " + thousands(reservation.inputTpm) + "/" + thousands(reservation.outputTpm) +
                  " TPM";
    fillEntry(entry, scenario, forecast, context, model->rates);
    calendar.entries.push_back(std::move(entry));
  }

  for (const CommitmentCalendarEntry &entry : calendar.entries) {
    calendar.idleCostUsd += entry.idleCostUsd;
    for (const CommitmentDecision &decision : entry.decisions)
      if (decision.by.dayNumber >= context.planStartDay() &&
          (!calendar.nextDecision || earlier(decision, *calendar.nextDecision)))
        calendar.nextDecision = decision;
  }
  return calendar;
}

} // namespace bwi::core
