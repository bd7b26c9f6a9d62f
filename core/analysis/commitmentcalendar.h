#pragma once

#include "core/cost/preparedscenario.h"
#include "core/forecast/forecast.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The commitment calendar of docs/cost-model.md §13.6: each PT commitment and
// reservation over the forecast's months (its terms, renewals and
// cancellation deadline), its model's price events and end of life, the
// months it is charged idle after that end of life (USD, as
// commitment_risks gives them), and the estate's next decision. Months are
// counted from month 0; dates are calendar dates only with
// forecast.start_month.
namespace bwi::core {

// A deadline: the last day of a term minus a notice in days.
struct CommitmentDeadline {
  int termLastMonth = 0; // the last month of the term (counted from month 0)
  int noticeDays = 0;
  std::optional<std::string> date; // YYYY-MM-DD, with a calendar
  std::string text;                // the date, or "7 days before the end of month 3"
  // Days since 1970-01-01 with a calendar; without one, counted as if month 0
  // were 2000-01: only for ordering deadlines, never shown.
  long long dayNumber = 0;
  // Where the deadline falls on the plan's month axis, in months from the
  // start of month 0: the end of its day, as a fraction of that month's days
  // (a term ending in month 3 with no notice: 4.0).
  double monthPosition = 0;
};

enum class CommitmentDecisionKind {
  Renewal,   // an auto-renewing term: renew or cancel by the deadline
  TermEnd,   // a term that does not renew ends: re-sign or let it end
  EndOfLife, // the model retires while the commitment is charged: cancel in time
};

std::string_view toString(CommitmentDecisionKind kind); // renewal | term_end | end_of_life

struct CommitmentDecision {
  CommitmentDecisionKind kind = CommitmentDecisionKind::Renewal;
  std::string modelId;
  bool reserved = false;
  CommitmentDeadline by;
  std::string action;  // "renew or cancel", "cancel", "delete", "re-sign or let end"
  std::string subject; // the entry's label
  std::string text;    // "renew or cancel PT Nova Pro ×1 by 2027-01-31"
  std::string detail;  // what happens either way
};

struct CommitmentCalendarEntry {
  std::string modelId;
  std::string modelName;
  bool reserved = false; // a Reserved-tier reservation, else a PT commitment
  std::string term;      // the file's name: no_commit, one_month, six_month, three_month
  int termMonths = 0;    // 0: no_commit (no term, deleted in any hour)
  std::string label;     // "PT Nova Pro ×1", "Reserved Claude Sonnet 4.5 150K/10K TPM"
  int modelUnits = 0;    // PT
  double inputTpm = 0;   // reserved, tokens per minute
  double outputTpm = 0;  // reserved, tokens per minute
  bool autoRenew = true;
  int cancelNoticeDays = 0;
  int startMonth = 0;
  std::optional<std::string> startCalendarMonth; // YYYY-MM
  std::optional<int> termEndMonth;               // the first month after the first term
  std::optional<std::string> termEndDate;        // YYYY-MM-DD, the first term's last day
  std::optional<CommitmentDeadline> cancelBy;    // the first term's deadline
  std::vector<int> renewalMonths;                // months a renewed term starts, in the forecast
  // The first month it is no longer charged (it does not renew); none: charged
  // through the forecast (the cost model's own rule, chargeEndMonth).
  std::optional<int> chargedUntilMonth;
  std::vector<CalendarEvent> events; // its model's price events and end of life while charged
  std::string endOfLife;             // YYYY-MM, the card's; empty: none
  std::string successor;
  std::optional<int> endOfLifeMonth; // counted from month 0, with a calendar
  // The months it is charged with its model retired and that charge, gross
  // USD: the forecast's commitment_risks entry for this model.
  std::vector<int> idleMonths;
  std::vector<std::string> idleCalendarMonths;
  double idleCostUsd = 0;
  std::vector<CommitmentDecision> decisions; // in date order
};

struct CommitmentCalendar {
  int months = 0;                               // the forecast's months
  std::optional<std::string> startMonth;        // YYYY-MM of month 0; none: month indices
  std::vector<CommitmentCalendarEntry> entries; // PT commitments, then reservations
  double idleCostUsd = 0;                       // over every entry, gross USD
  // The earliest decision on or after month 0's first day; an end of life
  // before a renewal on the same day.
  std::optional<CommitmentDecision> nextDecision;
};

// `forecast` must be the forecast of `scenario` (its commitment_risks give the idle months).
CommitmentCalendar commitmentCalendar(const PreparedScenario &scenario, const Forecast &forecast);

// "month 3" or "2027-04": how every output names a month of the calendar.
std::string calendarMonthName(const CommitmentCalendar &calendar, int month);

} // namespace bwi::core
