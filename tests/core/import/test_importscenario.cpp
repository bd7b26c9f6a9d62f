#include "core/files/scenariofile.h"
#include "core/import/billimport.h"
#include "core/import/importscenario.h"
#include "core/import/invocationlogs.h"
#include "core/import/isotime.h"
#include "core/import/measuredsizing.h"
#include "core/import/reconcile.h"
#include "tests/core/import/importtestsupport.h"
#include "tests/core/testsupport.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace bwi;
using bwi::test::importDataPath;
using bwi::test::inputs;
using bwi::test::near;

TEST_CASE("A scenario from invocation logs carries the measured volume, shape, profile and routing",
          "[core][import][scenario]") {
  const core::RateCard card = core::builtinRateCard();
  core::InvocationLogOptions options;
  options.groupBy = "requestMetadata.team";
  const auto imported =
      core::importInvocationLogs(inputs({importDataPath("invocation-logs.jsonl")}), card, options);
  std::vector<std::string> warnings;
  const core::Scenario scenario =
      core::scenarioFromUsage(imported.groups, card, "measured", warnings);
  REQUIRE(scenario.workloads.size() == 3);
  const auto search = std::find_if(scenario.workloads.begin(), scenario.workloads.end(),
                                   [](const auto &w) { return w.id == "search"; });
  REQUIRE(search != scenario.workloads.end());
  // 3 requests over the 2 hours 09:00-10:59 of Monday 2026-11-23.
  CHECK_THAT(search->requestsPerMonth, near(3.0 / 2.0 * 730));
  CHECK_THAT(search->tokens.user, near((4000 + 600 + 50 + 500) / 3.0));
  CHECK_THAT(search->tokens.output, near(450 / 3.0));
  REQUIRE(search->caching);
  CHECK_THAT(search->caching->cacheablePrefix, near(650 / 3.0));
  CHECK_THAT(search->caching->hitRate, near(600 / 650.0));
  REQUIRE(search->routing.size() == 2);
  CHECK(search->routing[0].modelId == "anthropic.claude-haiku-4-5-20251001-v1:0");
  CHECK_THAT(search->routing[0].share, near(2.0 / 3.0));
  CHECK_THAT(search->routing[1].share, near(1.0 / 3.0));
  REQUIRE(search->profile.kind == core::WeeklyProfile::Kind::Weekly);
  REQUIRE(search->profile.weeklyWeights.size() == 168);
  CHECK(search->profile.weeklyWeights[9] == 2); // Monday 09:00
  CHECK(search->profile.weeklyWeights[10] == 1);
  const auto ledger = std::find_if(scenario.workloads.begin(), scenario.workloads.end(),
                                   [](const auto &w) { return w.id == "ledger"; });
  REQUIRE(ledger != scenario.workloads.end());
  CHECK(warnings.size() == 1); // ledger used two tiers
  // Keyless traffic becomes a workload named after its model.
  CHECK(std::any_of(scenario.workloads.begin(), scenario.workloads.end(),
                    [](const auto &w) { return w.name == "amazon.nova-lite-v1:0"; }));

  const test::TempFolder folder;
  const auto path = folder.path() / "measured.json";
  REQUIRE(core::saveScenarioFile(scenario, path).ok);
  const core::ScenarioLoadResult load = core::loadScenarioFile(path);
  INFO(load.report());
  REQUIRE(load.loaded);
  CHECK(load.loaded->scenario.workloads.size() == 3);
}

TEST_CASE("The mean week divides by how often each hour of the week was imported",
          "[core][import][scenario]") {
  core::UsageGroup group;
  // Two Mondays 09:00 (2026-11-23 and 2026-11-30), 10 and 30 requests: mean 20.
  const std::int64_t monday = *core::parseIsoSeconds("2026-11-23T09:00:00Z") / 3600;
  group.hourly[monday].requests = 10;
  group.hourly[monday + 168].requests = 30;
  group.hourly[monday + 170].requests = 7; // Monday 11:00: none in the first week, 7 in the second
  const auto week = core::meanWeek({&group});
  CHECK(week[9] == 20);
  CHECK(week[11] == 3.5);
  CHECK(week[12] == 0); // Monday 12:00 occurs once in the span, without traffic
}

TEST_CASE("Measured sizing: the floor at a percentile and the cheapest units",
          "[core][import][sizing]") {
  core::RateCard card = core::builtinRateCard();
  core::ModelRates *pro = nullptr;
  for (auto &model : card.models)
    if (model.id == "amazon.nova-pro-v1:0")
      pro = &model;
  REQUIRE(pro);
  pro->onDemand = {1.0, 1.0};
  pro->provisioned = core::ProvisionedRates{};
  pro->provisioned->oneMonthPerMuHour = 0.0375;
  pro->provisioned->inputTpmPerMu = 1000;
  pro->provisioned->outputTpmPerMu = 1000;
  core::UsageGroup group;
  group.model = pro->id;
  group.tier = "standard";
  // Loads of 1, 2, 3 and 4 MU: 60,000 input tokens an hour per MU.
  for (int hour = 0; hour < 4; ++hour)
    group.hourly[1000 + hour].input = 60000u * static_cast<std::uint64_t>(hour + 1);
  const auto sizings = core::sizeMeasuredLoad({group}, card, 0.10, 730);
  REQUIRE(sizings.size() == 1);
  CHECK(sizings[0].hours == 4);
  CHECK(sizings[0].floorModelUnits == 1);
  // Cost(N) = N·0.0375·730 + (730/4)·0.06·Σ(load − N)+: 109.5, 93.075, 87.6, 93.075, 109.5.
  CHECK(sizings[0].optimalModelUnits == 2);
  CHECK_THAT(*sizings[0].peakLoadMu, near(4));
  CHECK_THAT(sizings[0].peakInputTpm, near(4000));
  CHECK_THAT(core::coveredDays({group}), near(4.0 / 24.0));
  CHECK_FALSE(sizings[0].inputOutputRatio); // no output tokens
  REQUIRE(sizings[0].monthly.size() == 1);
  CHECK(sizings[0].monthly.begin()->first == "1970-02"); // hour 1000 after the epoch
  CHECK(sizings[0].monthly.begin()->second.input == 600000);
}

TEST_CASE("A scenario from a bill costs the bill's tokens at list price",
          "[core][import][scenario]") {
  const core::RateCard card = core::builtinRateCard();
  const auto bill =
      core::importBill(core::ImportKind::Cur, inputs({importDataPath("cur.csv")}), card);
  std::vector<std::string> warnings;
  const core::Scenario scenario = core::scenarioFromBill(bill, card, "", "from the bill", warnings);
  // 2026-10: Nova Pro (input, cache read), Sonnet 4.5 regional and global, Sonnet 4.6.
  REQUIRE(scenario.workloads.size() == 4);
  INFO(warnings.size());
  CHECK(warnings.empty());
  const core::Scenario withCard = [&] {
    core::Scenario s = scenario;
    s.ratecard.kind = core::RateCardSource::Kind::Inline;
    s.ratecard.inlineCard = card;
    return s;
  }();
  const test::TempFolder folder;
  REQUIRE(core::saveScenarioFile(withCard, folder.path() / "bill.json").ok);
  const core::ScenarioLoadResult load = core::loadScenarioFile(folder.path() / "bill.json");
  INFO(load.report());
  REQUIRE(load.loaded);
  const core::Evaluation evaluation =
      core::evaluate(core::prepareScenario(load.loaded->scenario, load.loaded->card), 0);
  // List prices: Nova Pro 2.5M in at 0.80 + 0.9M cache reads at 0.20; Sonnet 4.5 0.1M out at
  // 16.50; global Sonnet 4.5 0.42M in at 3.00: the bill's 2.00 + 0.18 + 1.65 + 1.26. Sonnet 4.6's
  // 14,270 regional output tokens at its list 16.50 (the bill's line was 0.21405, at 15.00).
  CHECK_THAT(evaluation.grossUsd, near(2.00 + 0.18 + 1.65 + 1.26 + 0.014270 * 16.50));
  CHECK(evaluation.tokens.input == Approx(2'500'000 + 900'000 + 420'000));
}

TEST_CASE("Reconcile sets a scenario beside the bill by model", "[core][import][reconcile]") {
  const core::ScenarioLoadResult load =
      core::loadScenarioFile(BWI_SOURCE_DIR "/resources/example-scenario.json");
  REQUIRE(load.loaded);
  const core::Evaluation evaluation =
      core::evaluate(core::prepareScenario(load.loaded->scenario, load.loaded->card), 0);
  const auto bill = core::importBill(core::ImportKind::Cur, inputs({importDataPath("cur.csv")}),
                                     load.loaded->card);
  const auto result = core::reconcile(evaluation, bill, "");
  REQUIRE(result);
  CHECK(result->month == "2026-10");
  CHECK_THAT(result->actualUsd, near(2.00 + 0.18 + 1.26 + 1.65 + 0.21405));
  // By model: the bill importer reads model usage lines only, so the
  // scenario's meters are outside the comparison (docs/cost-model.md §18).
  CHECK_THAT(result->scenarioGrossUsd, near(evaluation.grossUsd - evaluation.byMode.meters));
  const auto nova = std::find_if(result->rows.begin(), result->rows.end(), [](const auto &row) {
    return row.model == "amazon.nova-pro-v1:0";
  });
  REQUIRE(nova != result->rows.end());
  CHECK_THAT(nova->actualUsd, near(2.18));
  CHECK_FALSE(core::reconcile(evaluation, bill, "2025-01"));
}
