#include "core/files/ratecardoverrides.h"
#include "tests/core/testsupport.h"

using namespace bwi;
using test::near;

namespace {

core::RateCard testCard() { return test::load(test::scenarioJson("[]")).baseCard; }

} // namespace

TEST_CASE("An override replaces one price of one model and nothing else", "[core][files]") {
  const core::RateCard card = testCard();
  const std::vector<core::RateOverride> overrides = {
      {"plain", "on_demand.input_per_1m", 0.8}, {"pt", "provisioned.per_mu_hour.one_month", 21.5}};
  core::ValidationIssues issues;
  const core::RateCard applied = core::applyOverrides(card, overrides, issues);
  CHECK(issues.empty());
  CHECK_THAT(applied.find("plain")->onDemand.inputPer1m, near(0.8));
  CHECK_THAT(applied.find("plain")->onDemand.outputPer1m,
             near(card.find("plain")->onDemand.outputPer1m));
  CHECK_THAT(*applied.find("pt")->provisioned->ratePerMuHour(core::PtTerm::OneMonth), near(21.5));
  CHECK(applied.find("nobatch")->onDemand.inputPer1m == card.find("nobatch")->onDemand.inputPer1m);

  SECTION("null removes a value") {
    core::ValidationIssues none;
    const core::RateCard withoutBatch =
        core::applyOverrides(card, {{"plain", "batch", std::monostate{}}}, none);
    CHECK(none.empty());
    CHECK_FALSE(withoutBatch.find("plain")->batch);
  }
  SECTION("an unknown model is reported at its path") {
    core::ValidationIssues problems;
    core::applyOverrides(card, {{"no-such-model", "on_demand.input_per_1m", 1.0}}, problems);
    REQUIRE_FALSE(problems.empty());
    CHECK_THAT(problems.front().path, Catch::Matchers::Contains("no-such-model"));
  }
}

TEST_CASE("A field is overridden when it or an object around it is", "[core][files]") {
  const std::vector<core::RateOverride> overrides = {{"plain", "on_demand.input_per_1m", 0.8},
                                                     {"pt", "provisioned", std::monostate{}}};
  CHECK(core::isOverridden(overrides, "plain", "on_demand.input_per_1m"));
  CHECK_FALSE(core::isOverridden(overrides, "plain", "on_demand.output_per_1m"));
  CHECK_FALSE(core::isOverridden(overrides, "pt", "on_demand.input_per_1m"));
  CHECK(core::isOverridden(overrides, "pt", "provisioned.per_mu_hour.one_month"));
  CHECK_FALSE(core::isOverridden(overrides, "nobatch", "on_demand.input_per_1m"));
}
