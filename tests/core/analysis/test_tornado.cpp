#include "core/analysis/commitmentplanner.h"
#include "core/analysis/goalseek.h"
#include "core/analysis/tornado.h"
#include "core/cost/monthtotals.h"
#include "core/cost/monthtraffic.h"
#include "core/cost/provisionedsizing.h"
#include "core/model/scenariofields.h"
#include "tests/core/testsupport.h"

#include <algorithm>
#include <cmath>

using namespace bwi;

namespace {

core::LoadedScenario example() {
  const auto load = core::loadExampleScenario();
  INFO(load.report());
  REQUIRE(load.loaded);
  return *load.loaded;
}

double netOf(const core::Scenario &scenario, const core::RateCard &card, int month = 0) {
  return core::evaluate(core::prepareScenario(scenario, card), month).netUsd;
}

const core::TornadoBar &barOf(const core::Tornado &tornado, core::ScaledLever lever) {
  for (const core::TornadoBar &bar : tornado.bars)
    if (bar.lever == lever)
      return bar;
  FAIL("no bar for " << core::leverName(lever));
  return tornado.bars.front();
}

} // namespace

TEST_CASE("The tornado's swings equal direct evaluations of the edited scenario",
          "[core][ranges]") {
  const auto loaded = example();
  const core::Scenario &base = loaded.scenario;
  const core::Tornado tornado = core::tornado(base, loaded.card);
  REQUIRE(tornado.bars.size() == 10);
  CHECK(tornado.baseUsd == netOf(base, loaded.card));
  for (std::size_t i = 1; i < tornado.bars.size(); ++i)
    CHECK(tornado.bars[i - 1].swingUsd() >= tornado.bars[i].swingUsd());

  // Each edit written out by hand, the way a user would make it.
  const auto edited = [&](auto edit) {
    core::Scenario scenario = base;
    edit(scenario);
    return netOf(scenario, loaded.card);
  };
  const auto &volume = barOf(tornado, core::ScaledLever::Volume);
  CHECK(volume.lowValue == 0.75);
  CHECK(volume.lowUsd == edited([](core::Scenario &s) { s.globalVolumeMultiplier = 0.75; }));
  CHECK(volume.highUsd == edited([](core::Scenario &s) { s.globalVolumeMultiplier = 1.25; }));
  const auto &output = barOf(tornado, core::ScaledLever::OutputTokens);
  CHECK(output.highUsd == edited([](core::Scenario &s) {
          for (auto &w : s.workloads)
            w.tokens.output *= 1.25;
        }));
  const auto &batch = barOf(tornado, core::ScaledLever::BatchShare);
  CHECK(batch.lowUsd == edited([](core::Scenario &s) {
          for (auto &w : s.workloads)
            w.batchShare *= 0.75;
        }));
  const auto &hit = barOf(tornado, core::ScaledLever::CacheHitRate);
  CHECK(hit.highUsd == edited([](core::Scenario &s) {
          for (auto &w : s.workloads)
            if (w.caching)
              w.caching->hitRate = std::min(1.0, w.caching->hitRate * 1.25);
        }));
  const auto &discount = barOf(tornado, core::ScaledLever::Discount);
  CHECK(discount.highValue == Approx(0.1));
  CHECK(discount.highUsd == edited([](core::Scenario &s) { s.agreement->discount = 0.08 * 1.25; }));
  // One PT unit: a quarter of it rounds to nothing, so the lever steps a whole unit.
  const auto &units = barOf(tornado, core::ScaledLever::PtUnits);
  CHECK(units.lowValue == 0);
  CHECK(units.highValue == 2);
  CHECK(units.lowUsd == edited([](core::Scenario &s) { s.provisioned.clear(); }));
  CHECK(units.highUsd == edited([](core::Scenario &s) { s.provisioned[0].modelUnits = 2; }));
  const auto &premium = barOf(tornado, core::ScaledLever::PremiumRoutingShare);
  CHECK(premium.highUsd == edited([](core::Scenario &s) {
          // code-assistant: opus (premium) 0.35, sonnet (mid) 0.65.
          auto &routing = s.workloads[3].routing;
          routing[0].share *= 0.35 * 1.25 / 0.35;
          routing[1].share *= (1 - 0.35 * 1.25) / 0.65;
        }));
  CHECK(premium.highUsd > premium.lowUsd);
}

TEST_CASE("The tornado's ranges are editable per lever", "[core][ranges]") {
  const auto loaded = example();
  core::TornadoOptions options;
  options.range = 0.1;
  options.overrides[core::ScaledLever::OutputTokens] = {-0.5, 1.0};
  const core::Tornado tornado = core::tornado(loaded.scenario, loaded.card, options);
  CHECK(barOf(tornado, core::ScaledLever::Volume).highValue == Approx(1.1));
  CHECK(barOf(tornado, core::ScaledLever::OutputTokens).lowValue == 0.5);
  CHECK(barOf(tornado, core::ScaledLever::OutputTokens).highValue == 2.0);
  // Each bar says the range it moved by, for the chart's labels.
  CHECK(barOf(tornado, core::ScaledLever::OutputTokens).range.low == -0.5);
  CHECK(barOf(tornado, core::ScaledLever::OutputTokens).range.high == 1.0);
  CHECK(barOf(tornado, core::ScaledLever::Volume).range.low == -0.1);
  CHECK(barOf(tornado, core::ScaledLever::Volume).range.high == 0.1);
}

TEST_CASE("The budget and the tornado's range are fields an edit can set and clear",
          "[core][ranges]") {
  core::Scenario scenario = example().scenario;
  scenario.forecast.budgetUsd.reset();
  const core::FieldKey budget{core::Field::BudgetUsd};
  const core::FieldKey range{core::Field::SensitivityRange};
  CHECK(std::holds_alternative<std::monostate>(core::getField(scenario, budget)));
  CHECK(std::holds_alternative<std::monostate>(core::getField(scenario, range)));
  REQUIRE(core::setField(scenario, budget, 180000.0));
  REQUIRE(core::setField(scenario, range, 0.1));
  CHECK(scenario.forecast.budgetUsd == 180000.0);
  CHECK(scenario.forecast.sensitivityRange == 0.1);
  CHECK(core::getField(scenario, budget) == core::FieldValue(180000.0));
  CHECK_FALSE(core::setField(scenario, budget, std::string("lots")));
  CHECK(scenario.forecast.budgetUsd == 180000.0);
  REQUIRE(core::setField(scenario, budget, std::monostate{}));
  CHECK_FALSE(scenario.forecast.budgetUsd.has_value());
  // The tornado follows the scenario's range.
  const core::Tornado tornado = core::tornado(scenario, example().card);
  CHECK(barOf(tornado, core::ScaledLever::Volume).highValue == Approx(1.1));
}
