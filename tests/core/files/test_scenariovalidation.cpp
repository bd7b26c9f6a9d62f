#include "core/files/scenariofile.h"
#include "tests/core/testsupport.h"

using namespace bwi;
using test::hasIssueAt;
using test::issuesOf;
using test::scenarioJson;

namespace {

std::string oneWorkload(const std::string &fields) {
  return scenarioJson(R"([{ "id": "w", "requests_per_month": 1000,
      "tokens": { "system": 100, "output": 10 }, )" +
                      fields + R"( }])");
}

std::string describe(const core::ValidationIssues &issues) {
  return core::formatIssues("test.json", issues);
}

} // namespace

TEST_CASE("Every validation error names its JSON path", "[core][validation]") {
  struct Case {
    const char *what;
    std::string json;
    const char *path;
  };
  const std::vector<Case> cases = {
      {"shares off", oneWorkload(R"("routing": { "plain": 0.5, "market": 0.45 })"),
       "workloads[0].routing"},
      {"unknown model", oneWorkload(R"("routing": { "amazon.nova-lite-v1:0": 1 })"),
       "workloads[0].routing[\"amazon.nova-lite-v1:0\"]"},
      {"share outside [0,1]", oneWorkload(R"("routing": { "plain": 1.5, "market": -0.5 })"),
       "workloads[0].routing.plain"},
      {"empty routing", oneWorkload(R"("routing": {})"), "workloads[0].routing"},
      {"missing routing", oneWorkload(R"("team": "x")"), "workloads[0].routing"},
      {"negative count",
       scenarioJson(R"([{ "id": "w", "requests_per_month": -5, "routing": { "plain": 1 } }])"),
       "workloads[0].requests_per_month"},
      {"string for a number",
       scenarioJson(R"([{ "id": "w", "requests_per_month": "lots", "routing": { "plain": 1 } }])"),
       "workloads[0].requests_per_month"},
      {"boolean for a number",
       scenarioJson(R"([{ "id": "w", "requests_per_month": true, "routing": { "plain": 1 } }])"),
       "workloads[0].requests_per_month"},
      {"calls below 1",
       oneWorkload(R"("tokens": { "calls_per_request": 0.5 }, "routing": { "plain": 1 })"),
       "workloads[0].tokens.calls_per_request"},
      {"prefix larger than base input",
       oneWorkload(R"("caching": { "cacheable_prefix": 500, "hit_rate": 0.5 },
                   "routing": { "plain": 1 })"),
       "workloads[0].caching.cacheable_prefix"},
      {"hit rate above 1", oneWorkload(R"("caching": { "cacheable_prefix": 50, "hit_rate": 1.5 },
                   "routing": { "plain": 1 })"),
       "workloads[0].caching.hit_rate"},
      {"1h ttl without a 1h price",
       oneWorkload(R"("caching": { "cacheable_prefix": 50, "hit_rate": 0.5, "ttl": "1h" },
                   "routing": { "nobatch": 1 })"),
       "workloads[0].caching.ttl"},
      {"unknown ttl",
       oneWorkload(
           R"("caching": { "cacheable_prefix": 50, "ttl": "1d" }, "routing": { "plain": 1 })"),
       "workloads[0].caching.ttl"},
      {"batch share above 1", oneWorkload(R"("batch_share": 2, "routing": { "plain": 1 })"),
       "workloads[0].batch_share"},
      {"unknown tier", oneWorkload(R"("service_tier": "gold", "routing": { "plain": 1 })"),
       "workloads[0].service_tier"},
      {"growth below -1", oneWorkload(R"("growth_per_month": -2, "routing": { "plain": 1 })"),
       "workloads[0].growth_per_month"},
      {"unknown profile", oneWorkload(R"("profile": "weekends", "routing": { "plain": 1 })"),
       "workloads[0].profile"},
      {"short weekly profile",
       oneWorkload(R"("profile": { "weekly": [1, 2, 3] }, "routing": { "plain": 1 })"),
       "workloads[0].profile.weekly"},
      {"duplicate workload ids",
       scenarioJson(R"([{ "id": "w", "requests_per_month": 1, "routing": { "plain": 1 } },
                        { "id": "w", "requests_per_month": 1, "routing": { "plain": 1 } }])"),
       "workloads[1].id"},
      {"missing id", scenarioJson(R"([{ "requests_per_month": 1, "routing": { "plain": 1 } }])"),
       "workloads[0].id"},
      {"PT on a model without provisioned prices",
       oneWorkload(R"("routing": { "plain": 1 } }], "provisioned": [{ "model": "plain",
                   "model_units": 1 )"),
       "provisioned[0].model"},
      {"PT term without a rate",
       oneWorkload(R"("routing": { "pt": 1 } }], "provisioned": [{ "model": "pt",
                   "model_units": 1, "term": "no_commit" )"),
       "provisioned[0].term"},
      {"fractional model units",
       oneWorkload(R"("routing": { "pt": 1 } }], "provisioned": [{ "model": "pt",
                   "model_units": 1.5 )"),
       "provisioned[0].model_units"},
      {"negative start month",
       oneWorkload(R"("routing": { "pt": 1 } }], "provisioned": [{ "model": "pt",
                   "model_units": 1, "start_month": -1 )"),
       "provisioned[0].start_month"},
      {"reservation below its minimum",
       oneWorkload(R"("routing": { "res": 1 } }], "reserved": [{ "model": "res",
                   "input_tpm": 500, "output_tpm": 100 )"),
       "reserved[0].input_tpm"},
      {"reserved term without a price",
       oneWorkload(R"("routing": { "res": 1 } }], "reserved": [{ "model": "res",
                   "input_tpm": 1000, "output_tpm": 100, "term": "three_month" )"),
       "reserved[0].term"},
      {"reservation on a model without the tier",
       oneWorkload(R"("routing": { "plain": 1 } }], "reserved": [{ "model": "plain",
                   "input_tpm": 0, "output_tpm": 0 )"),
       "reserved[0].model"},
      {"two commitments on one model", oneWorkload(R"("routing": { "pt": 1 } }], "provisioned": [
                   { "model": "pt", "model_units": 1 }, { "model": "pt", "model_units": 2 )"),
       "provisioned[1].model"},
      {"discount above 0.5", scenarioJson(R"([])", R"("agreement": { "discount": 0.6 })"),
       "agreement.discount"},
      {"p10 above p90",
       scenarioJson(R"([])", R"("forecast": { "volume_p10": 3, "volume_p90": 1 })"),
       "forecast.volume_p10"},
      {"uncertainty p10 above p90", scenarioJson(R"([])", R"("forecast": { "uncertainty": {
                   "output_tokens_factor": { "p10": 2, "p90": 1 } } })"),
       "forecast.uncertainty.output_tokens_factor.p10"},
      {"uncertainty without p90", scenarioJson(R"([])", R"("forecast": { "uncertainty": {
                   "growth_per_month_shift": { "p10": 0.01 } } })"),
       "forecast.uncertainty.growth_per_month_shift.p90"},
      {"output factor of zero", scenarioJson(R"([])", R"("forecast": { "uncertainty": {
                   "output_tokens_factor": { "p10": 0, "p90": 1 } } })"),
       "forecast.uncertainty.output_tokens_factor.p10"},
      {"too few trials", scenarioJson(R"([])", R"("forecast": { "trials": 10 })"),
       "forecast.trials"},
      {"a fractional seed", scenarioJson(R"([])", R"("forecast": { "seed": 1.5 })"),
       "forecast.seed"},
      {"a negative budget", scenarioJson(R"([])", R"("forecast": { "budget_usd": -5 })"),
       "forecast.budget_usd"},
      {"history as text", scenarioJson(R"([])", R"("forecast": { "history_days": "ninety" })"),
       "forecast.history_days"},
      {"a sensitivity range above 100%",
       scenarioJson(R"([])", R"("forecast": { "sensitivity_range": 1.5 })"),
       "forecast.sensitivity_range"},
      {"zero hours per month",
       R"({ "hours_per_month": 0, "ratecard": )" + test::testRateCardJson() +
           R"(, "workloads": [] })",
       "hours_per_month"},
      {"override of an unknown model", scenarioJson(R"([])", R"("ratecard_overrides": { "nope": {
                   "on_demand": { "input_per_1m": 1 } } })"),
       "ratecard_overrides.nope"},
      {"override out of range", scenarioJson(R"([])", R"("ratecard_overrides": { "plain": {
                   "on_demand": { "input_per_1m": -1 } } })"),
       "ratecard_overrides.plain.on_demand.input_per_1m"},
      {"newer version", R"({ "version": 2, "workloads": [] })", "version"},
      {"wrong format", R"({ "format": "something-else", "workloads": [] })", "format"},
      {"missing workloads", R"({ "name": "x" })", "workloads"},
  };
  for (const Case &testCase : cases) {
    INFO(testCase.what);
    const auto issues = issuesOf(testCase.json);
    INFO(describe(issues));
    CHECK(hasIssueAt(issues, testCase.path));
  }
}

TEST_CASE("Shares that miss 1 report their sum", "[core][validation]") {
  const auto issues = issuesOf(oneWorkload(R"("routing": { "plain": 0.5, "market": 0.45 })"));
  CHECK(describe(issues) == "test.json: workloads[0].routing: shares sum to 0.95\n");
}

TEST_CASE("Shares within 1e-6 of 1 are accepted as given", "[core][validation]") {
  const auto loaded =
      test::load(oneWorkload(R"("routing": { "plain": 0.6, "market": 0.4000005 })"));
  CHECK(loaded.scenario.workloads[0].routing[1].share == 0.4000005);
}

TEST_CASE("All errors are reported at once", "[core][validation]") {
  const auto issues = issuesOf(scenarioJson(R"([
      { "id": "a", "requests_per_month": -1, "routing": { "plain": 0.5 } },
      { "id": "b", "requests_per_month": 1, "batch_share": 3, "routing": { "ghost": 1 } }])"));
  INFO(describe(issues));
  CHECK(issues.size() == 4);
  CHECK(hasIssueAt(issues, "workloads[0].requests_per_month"));
  CHECK(hasIssueAt(issues, "workloads[0].routing"));
  CHECK(hasIssueAt(issues, "workloads[1].batch_share"));
  CHECK(hasIssueAt(issues, "workloads[1].routing.ghost"));
}

TEST_CASE("Malformed JSON is reported by line and column", "[core][validation]") {
  const auto issues = issuesOf("{\n  \"name\": \"x\",\n  \"workloads\": [1, 2,,]\n}");
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].path == "line 3, column 22"); // the second comma
  CHECK_THAT(issues[0].message, Catch::Matchers::StartsWith("invalid JSON"));
}

TEST_CASE("Non-finite numbers are rejected", "[core][validation]") {
  const auto issues =
      issuesOf(oneWorkload(R"("volume_multiplier": 1e999, "routing": { "plain": 1 })"));
  INFO(describe(issues));
  CHECK_FALSE(issues.empty());
}

TEST_CASE("Hostile nesting is refused before parsing", "[core][validation]") {
  const auto issues = issuesOf(std::string(100000, '[') + std::string(100000, ']'));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].path == "line 1, column 65");
}

TEST_CASE("Hostile sizes found by the robustness pass are refused", "[core][validation]") {
  SECTION("an object with too many members") {
    std::string json = "{";
    for (int i = 0; i < 10001; ++i)
      json += "\"k" + std::to_string(i) + "\":0,";
    json += "\"workloads\":[]}";
    const auto issues = issuesOf(json);
    REQUIRE(issues.size() == 1);
    CHECK_THAT(issues[0].message, Catch::Matchers::Contains("more than 10000 members"));
  }
  SECTION("a model unit serving less than a token a minute") {
    const auto issues = issuesOf(scenarioJson(R"([])", R"("ratecard_overrides": { "pt": {
        "provisioned": { "input_tpm_per_mu": 1e-300 } } })"));
    CHECK(hasIssueAt(issues, "ratecard_overrides.pt.provisioned.input_tpm_per_mu"));
  }
  SECTION("a month shorter than an hour") {
    const auto issues = issuesOf(R"({ "hours_per_month": 1e-320, "workloads": [] })");
    CHECK(hasIssueAt(issues, "hours_per_month"));
  }
}

TEST_CASE("A weekly profile of zeros is an error", "[core][validation]") {
  std::string zeros = "[0";
  for (int i = 1; i < 168; ++i)
    zeros += ",0";
  zeros += "]";
  const auto issues = issuesOf(
      oneWorkload(R"("profile": { "weekly": )" + zeros + R"( }, "routing": { "plain": 1 })"));
  CHECK(hasIssueAt(issues, "workloads[0].profile.weekly"));
}

TEST_CASE("A rate card file's own errors name that file", "[core][validation]") {
  const auto issues = issuesOf(R"({ "ratecard": "no-such-card.json", "workloads": [] })");
  INFO(describe(issues));
  CHECK(hasIssueAt(issues, "ratecard"));
  bool namesCard = false;
  for (const auto &issue : issues)
    namesCard = namesCard || issue.file.find("no-such-card.json") != std::string::npos;
  CHECK(namesCard);
}

TEST_CASE("Missing and oversized files are reported, not thrown", "[core][validation]") {
  const auto load = core::loadScenarioFile("/nonexistent/scenario.json");
  CHECK_FALSE(load.loaded);
  CHECK_THAT(load.report(), Catch::Matchers::StartsWith("/nonexistent/scenario.json: "));
}
