#include "tests/core/testsupport.h"

#include "core/analysis/commitmentcalendar.h"
#include "core/cost/evaluation.h"
#include "core/cost/preparedscenario.h"
#include "core/files/scenariojson.h"
#include "core/forecast/forecast.h"
#include "core/model/scenariofields.h"

using namespace bwi;
using test::near;

namespace {

// old: $1 / $5 per 1M; PT at $0.60 (no commitment), $0.50 (one month) and
// $0.40 (six months) per MU-hour; the Reserved tier at $10 / $50 (one month)
// per 1K TPM-month; a price cut in 2027-02; retires in 2027-04 to next.
// steady: the same without a calendar of its own.
std::string card() {
  return R"({
    "format": "bedrock-whatif-ratecard", "version": 2, "as_of": "2026-11-01",
    "models": [
      { "id": "old", "name": "Old", "on_demand": { "input_per_1m": 1.0, "output_per_1m": 5.0 },
        "batch": null, "cache": null,
        "provisioned": { "per_mu_hour": { "no_commit": 0.6, "one_month": 0.5, "six_month": 0.4 },
                         "input_tpm_per_mu": 10000, "output_tpm_per_mu": 1000 },
        "reserved": { "one_month": { "input_per_1k_tpm_month": 10, "output_per_1k_tpm_month": 50 },
                      "min_input_tpm": 1000, "min_output_tpm": 100 },
        "price_changes": [ { "effective": "2027-02", "note": "list price cut",
                             "on_demand": { "input_per_1m": 0.8 } } ],
        "end_of_life": "2027-04", "successor": "next" },
      { "id": "next", "name": "Next", "on_demand": { "input_per_1m": 2.0, "output_per_1m": 10.0 },
        "batch": null, "cache": null },
      { "id": "steady", "name": "Steady",
        "on_demand": { "input_per_1m": 1.0, "output_per_1m": 5.0 }, "batch": null, "cache": null,
        "provisioned": { "per_mu_hour": { "one_month": 1.0 },
                         "input_tpm_per_mu": 10000, "output_tpm_per_mu": 1000 },
        "reserved": { "one_month": { "input_per_1k_tpm_month": 10, "output_per_1k_tpm_month": 50 },
                      "min_input_tpm": 1000, "min_output_tpm": 100 } }
    ]
  })";
}

std::string scenario(const std::string &commitments, const std::string &forecast) {
  return R"({ "format": "bedrock-whatif-scenario", "version": 1, "name": "calendar",
              "ratecard": )" +
         card() + R"(, "workloads": [{ "id": "w", "requests_per_month": 1000000,
             "tokens": { "system": 1000, "output": 100 }, "routing": { "old": 1 } }], )" +
         commitments + R"(, "forecast": )" + forecast + "}";
}

const char *kFromJanuary = R"({ "months": 8, "start_month": "2027-01" })";

struct Computed {
  core::Forecast forecast;
  core::CommitmentCalendar calendar;
};

Computed compute(const core::LoadedScenario &loaded) {
  const core::PreparedScenario prepared = core::prepareScenario(loaded.scenario, loaded.card);
  Computed result;
  result.forecast = core::forecast(prepared, 1.0, {false});
  result.calendar = core::commitmentCalendar(prepared, result.forecast);
  return result;
}

} // namespace

TEST_CASE("A six-month PT commitment that outlives its model: term, deadline, idle months",
          "[core][commitmentcalendar]") {
  // Six months from 2027-01: the term ends 2027-06-30; 30 days' notice puts
  // the deadline at 2027-05-31. It renews in month 6 (2027-07), inside the
  // eight forecast months. Old retires in 2027-04 (month 3): months 3-7 are
  // idle at 2 MU × $0.40 × 730 h = $584 each, 5 × $584 = $2,920.
  const core::LoadedScenario loaded = test::load(scenario(
      R"("provisioned": [{ "model": "old", "model_units": 2, "term": "six_month",
                            "cancel_notice_days": 30 }])",
      kFromJanuary));
  const Computed computed = compute(loaded);
  const core::CommitmentCalendar &calendar = computed.calendar;
  CHECK(calendar.months == 8);
  CHECK(calendar.startMonth == "2027-01");
  REQUIRE(calendar.entries.size() == 1);
  const core::CommitmentCalendarEntry &entry = calendar.entries[0];
  CHECK(entry.label == "PT Old ×2");
  CHECK(entry.term == "six_month");
  CHECK(entry.termMonths == 6);
  CHECK(entry.autoRenew);
  CHECK(entry.startCalendarMonth == "2027-01");
  CHECK(entry.termEndMonth == 6);
  CHECK(entry.termEndDate == "2027-06-30");
  REQUIRE(entry.cancelBy);
  CHECK(entry.cancelBy->date == "2027-05-31");
  CHECK(entry.renewalMonths == std::vector<int>{6});
  CHECK_FALSE(entry.chargedUntilMonth);
  REQUIRE(entry.events.size() == 2);
  CHECK(entry.events[0].calendarMonth == "2027-02");
  CHECK(entry.events[0].label == "Old → list price cut");
  CHECK(entry.events[1].kind == core::CalendarEventKind::EndOfLife);
  CHECK(entry.endOfLife == "2027-04");
  CHECK(entry.endOfLifeMonth == 3);
  CHECK(entry.successor == "Next");
  CHECK(entry.idleMonths == std::vector<int>{3, 4, 5, 6, 7});
  CHECK_THAT(entry.idleCostUsd, near(2920.0));
  // The same figure as commitment_risks: one rule.
  REQUIRE(computed.forecast.commitmentRisks.size() == 1);
  CHECK(entry.idleCostUsd == computed.forecast.commitmentRisks[0].idleCostUsd);
  CHECK_THAT(calendar.idleCostUsd, near(2920.0));

  // The end of life falls inside the first term: the earliest stop is the
  // first term's end, whose deadline is also the renewal's. On the same day
  // the end of life comes first.
  REQUIRE(entry.decisions.size() == 2);
  CHECK(entry.decisions[0].kind == core::CommitmentDecisionKind::EndOfLife);
  CHECK(entry.decisions[1].kind == core::CommitmentDecisionKind::Renewal);
  REQUIRE(calendar.nextDecision);
  CHECK(calendar.nextDecision->kind == core::CommitmentDecisionKind::EndOfLife);
  CHECK(calendar.nextDecision->by.date == "2027-05-31");
  CHECK(calendar.nextDecision->text == "cancel PT Old ×2 by 2027-05-31: Old retires 2027-04");
  CHECK(calendar.nextDecision->detail ==
        "Kept, it is charged idle from 2027-04: $2,920.00 gross over 5 forecast months; its "
        "traffic moves to Next.");
}

TEST_CASE("A one-month commitment that renews: the last deadline before the end of life",
          "[core][commitmentcalendar]") {
  // One month from 2027-01 with 7 days' notice: first deadline 2027-01-31 − 7
  // = 2027-01-24. Old retires in month 3: cancelling the term that ends with
  // 2027-03 (deadline 2027-03-31 − 7 = 2027-03-24) avoids every idle month.
  // Idle: months 3-7 at 1 MU × $0.50 × 730 = $365, $1,825.
  const core::LoadedScenario loaded = test::load(
      scenario(R"("provisioned": [{ "model": "old", "model_units": 1, "cancel_notice_days": 7 }])",
               kFromJanuary));
  const core::CommitmentCalendar calendar = compute(loaded).calendar;
  REQUIRE(calendar.entries.size() == 1);
  const core::CommitmentCalendarEntry &entry = calendar.entries[0];
  CHECK(entry.renewalMonths == std::vector<int>{1, 2, 3, 4, 5, 6, 7});
  CHECK(entry.cancelBy->date == "2027-01-24");
  CHECK_THAT(entry.idleCostUsd, near(5 * 365.0));
  REQUIRE(entry.decisions.size() == 2);
  CHECK(entry.decisions[0].kind == core::CommitmentDecisionKind::Renewal);
  CHECK(entry.decisions[0].text == "renew or cancel PT Old ×1 by 2027-01-24");
  CHECK(entry.decisions[1].kind == core::CommitmentDecisionKind::EndOfLife);
  CHECK(entry.decisions[1].by.date == "2027-03-24");
  // On the month axis: the end of the 24th of a 31-day month.
  CHECK_THAT(entry.decisions[0].by.monthPosition, near(24.0 / 31));
  CHECK_THAT(entry.decisions[1].by.monthPosition, near(2 + 24.0 / 31));
  REQUIRE(calendar.nextDecision);
  CHECK(calendar.nextDecision->by.date == "2027-01-24");
  CHECK(calendar.nextDecision->detail ==
        "It renews for another one month from 2027-02 unless cancelled; a cancellation cannot "
        "be undone and needs 7 days' notice before the term ends.");
}

TEST_CASE("A reservation that does not renew is charged until its term ends",
          "[core][commitmentcalendar]") {
  // Starts in month 1 (2027-02), one month, no renewal: charged in month 1
  // only, 2 × $10 + 0.2 × $50 = $30; ends 2027-02-28; gone before Old retires.
  const core::LoadedScenario loaded = test::load(scenario(
      R"("reserved": [{ "model": "old", "input_tpm": 2000, "output_tpm": 200, "start_month": 1,
                         "auto_renew": false }])",
      kFromJanuary));
  const core::PreparedScenario prepared = core::prepareScenario(loaded.scenario, loaded.card);
  CHECK(core::evaluate(prepared, 0).reserved.empty());
  const core::Evaluation february = core::evaluate(prepared, 1);
  REQUIRE(february.reserved.size() == 1);
  CHECK_THAT(february.reserved[0].costUsd, near(30.0));
  CHECK(core::evaluate(prepared, 2).reserved.empty());

  const core::CommitmentCalendar calendar = compute(loaded).calendar;
  REQUIRE(calendar.entries.size() == 1);
  const core::CommitmentCalendarEntry &entry = calendar.entries[0];
  CHECK(entry.reserved);
  CHECK(entry.label == "Reserved Old 2K/200 TPM");
  CHECK(entry.chargedUntilMonth == 2);
  CHECK(entry.termEndDate == "2027-02-28");
  CHECK(entry.renewalMonths.empty());
  REQUIRE(entry.events.size() == 1); // the price cut in 2027-02; the end of life comes after
  CHECK(entry.idleMonths.empty());
  REQUIRE(calendar.nextDecision);
  CHECK(calendar.nextDecision->kind == core::CommitmentDecisionKind::TermEnd);
  CHECK(calendar.nextDecision->text ==
        "Reserved Old 2K/200 TPM ends 2027-02-28: re-sign or let it end");
}

TEST_CASE("A notice longer than the term moves the next decision to a later renewal",
          "[core][commitmentcalendar]") {
  // One month from 2028-01, 45 days' notice: 2028-01-31 − 45 = 2027-12-17,
  // before the plan starts; the next is 2028-02-29 (a leap year) − 45 =
  // 2028-01-15, for the renewal from 2028-03.
  const core::LoadedScenario loaded =
      test::load(scenario(R"("reserved": [{ "model": "steady", "input_tpm": 1000, "output_tpm": 100,
                                 "cancel_notice_days": 45 }])",
                          R"({ "months": 3, "start_month": "2028-01" })"));
  const core::CommitmentCalendar calendar = compute(loaded).calendar;
  REQUIRE(calendar.entries.size() == 1);
  CHECK(calendar.entries[0].cancelBy->date == "2027-12-17");
  CHECK_THAT(calendar.entries[0].cancelBy->monthPosition, near(-1 + 17.0 / 31));
  REQUIRE(calendar.nextDecision);
  CHECK(calendar.nextDecision->by.date == "2028-01-15");
  CHECK_THAT(calendar.nextDecision->by.monthPosition, near(15.0 / 31));
  CHECK(calendar.nextDecision->detail.find("from 2028-03") != std::string::npos);
}

TEST_CASE("Without forecast.start_month the calendar counts months", "[core][commitmentcalendar]") {
  const core::LoadedScenario loaded = test::load(scenario(
      R"("provisioned": [{ "model": "steady", "model_units": 1, "cancel_notice_days": 7 }])",
      R"({ "months": 3 })"));
  const core::CommitmentCalendar calendar = compute(loaded).calendar;
  CHECK_FALSE(calendar.startMonth);
  REQUIRE(calendar.entries.size() == 1);
  const core::CommitmentCalendarEntry &entry = calendar.entries[0];
  CHECK_FALSE(entry.startCalendarMonth);
  CHECK_FALSE(entry.termEndDate);
  CHECK(entry.cancelBy->text == "7 days before the end of month 0");
  CHECK(entry.cancelBy->monthPosition > 0.7);
  CHECK(entry.cancelBy->monthPosition < 0.8);
  CHECK_FALSE(entry.cancelBy->date);
  CHECK(entry.renewalMonths == std::vector<int>{1, 2});
  CHECK(entry.events.empty());
  CHECK_FALSE(entry.endOfLifeMonth);
  REQUIRE(calendar.nextDecision);
  CHECK(calendar.nextDecision->text ==
        "renew or cancel PT Steady ×1 by 7 days before the end of month 0");
  CHECK(core::calendarMonthName(calendar, 2) == "month 2");
}

TEST_CASE("A PT without commitment on a retiring model: delete before the end of life",
          "[core][commitmentcalendar]") {
  // No term: no deadline of its own. Delete by 2027-03-31 (the end of the
  // month before the end of life); kept, months 3-7 cost 1 × $0.60 × 730 =
  // $438 each, $2,190.
  const core::LoadedScenario loaded = test::load(
      scenario(R"("provisioned": [{ "model": "old", "model_units": 1, "term": "no_commit" }])",
               kFromJanuary));
  const core::CommitmentCalendar calendar = compute(loaded).calendar;
  REQUIRE(calendar.entries.size() == 1);
  const core::CommitmentCalendarEntry &entry = calendar.entries[0];
  CHECK(entry.termMonths == 0);
  CHECK_FALSE(entry.cancelBy);
  CHECK_FALSE(entry.termEndMonth);
  CHECK_THAT(entry.idleCostUsd, near(5 * 438.0));
  REQUIRE(calendar.nextDecision);
  CHECK(calendar.nextDecision->text == "delete PT Old ×1 by 2027-03-31: Old retires 2027-04");
}

TEST_CASE("Renewal fields read, validate, write back and edit", "[core][commitmentcalendar]") {
  const core::LoadedScenario loaded = test::load(scenario(
      R"("provisioned": [{ "model": "old", "model_units": 1, "auto_renew": false,
                            "cancel_notice_days": 14 }],
         "reserved": [{ "model": "steady", "input_tpm": 1000, "output_tpm": 100 }])",
      kFromJanuary));
  CHECK_FALSE(loaded.scenario.provisioned[0].autoRenew);
  CHECK(loaded.scenario.provisioned[0].cancelNoticeDays == 14);
  CHECK(loaded.scenario.reserved[0].autoRenew); // AWS renews unless cancelled
  CHECK(loaded.scenario.reserved[0].cancelNoticeDays == 0);

  const core::Json written = core::scenarioToJson(loaded.scenario);
  CHECK(written["provisioned"][0]["auto_renew"] == false);
  CHECK(written["provisioned"][0]["cancel_notice_days"] == 14);
  CHECK_FALSE(written["reserved"][0].contains("auto_renew"));
  CHECK_FALSE(written["reserved"][0].contains("cancel_notice_days"));

  core::Scenario edited = loaded.scenario;
  const core::FieldKey renew{core::Field::CommitmentAutoRenew, -1, "steady"};
  const core::FieldKey notice{core::Field::CommitmentNoticeDays, -1, "steady"};
  CHECK(std::get<double>(core::getField(edited, renew)) == 1.0);
  CHECK(core::setField(edited, renew, 0.0));
  CHECK(core::setField(edited, notice, 30.0));
  CHECK_FALSE(core::setField(edited, notice, 2.5));
  CHECK_FALSE(core::setField(edited, notice, 400.0));
  CHECK_FALSE(core::setField(edited, {core::Field::CommitmentAutoRenew, -1, "next"}, 1.0));
  CHECK_FALSE(edited.reserved[0].autoRenew);
  CHECK(edited.reserved[0].cancelNoticeDays == 30);

  const auto issues = test::issuesOf(scenario(
      R"("provisioned": [{ "model": "old", "model_units": 1, "auto_renew": 1,
                            "cancel_notice_days": 400 }])",
      kFromJanuary));
  CHECK(test::hasIssueAt(issues, "provisioned[0].auto_renew"));
  CHECK(test::hasIssueAt(issues, "provisioned[0].cancel_notice_days"));
}
