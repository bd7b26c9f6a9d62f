#include "tests/cli/clirun.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

// Traffic on a model no card has (docs/cost-model.md §21): import keeps it,
// --map and `map` move it to a card model.
using namespace bwi;
using test::run;
using test::Run;

namespace {

const char *kUnknown = "acme.model-x-v1:0";
const char *kHaiku = "anthropic.claude-haiku-4-5-20251001-v1:0";

std::filesystem::path scratch(const std::string &name) {
  const auto folder =
      std::filesystem::temp_directory_path() / ("bwi-cli-unpriced-" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  return folder / name;
}

std::string write(const std::string &name, const std::string &text) {
  const auto path = scratch(name);
  std::ofstream(path) << text;
  return path.string();
}

std::string logLine(const std::string &model, const std::string &time, int input, int output) {
  return R"({"schemaType":"ModelInvocationLog","schemaVersion":"1.0","timestamp":")" + time +
         R"(","accountId":"123456789012","region":"us-east-1","requestId":"r-)" + time +
         R"(","operation":"Converse","modelId":")" + model + R"(","input":{"inputTokenCount":)" +
         std::to_string(input) + R"(},"output":{"outputTokenCount":)" + std::to_string(output) +
         "}}\n";
}

// Two requests on Haiku 4.5 and two on a model no card has, in one hour.
std::string mixedLog() {
  return write("mixed.jsonl", logLine(kHaiku, "2026-11-23T09:00:00Z", 1000, 100) +
                                  logLine(kHaiku, "2026-11-23T09:10:00Z", 1000, 100) +
                                  logLine(kUnknown, "2026-11-23T09:20:00Z", 2000, 300) +
                                  logLine(kUnknown, "2026-11-23T09:30:00Z", 2000, 300));
}

nlohmann::json readJson(const std::string &path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

// One workload, all on the unknown model.
std::string unpricedScenario() {
  return write("unpriced.json", std::string(R"({ "format": "bedrock-whatif-scenario",
    "version": 1, "name": "unpriced", "ratecard": "builtin",
    "unpriced_models": [")") + kUnknown +
                                    R"("],
    "workloads": [{ "id": "w", "requests_per_month": 1000000,
                    "tokens": { "user": 1000, "output": 100 },
                    "routing": { ")" +
                                    kUnknown + R"(": 1 } }] })");
}

} // namespace

TEST_CASE("import keeps traffic on a model the card lacks, listed in unpriced_models",
          "[cli][unpriced]") {
  const std::string out = scratch("imported.json").string();
  const Run result = run({"import", "invocation-logs", mixedLog(), "--out", out});
  INFO(result.err);
  REQUIRE(result.status == 0);
  CHECK_THAT(result.err, Catch::Matchers::Contains("its traffic stays in the scenario without a "
                                                   "price"));
  CHECK_THAT(result.out, Catch::Matchers::Contains(kUnknown));
  const auto scenario = readJson(out);
  REQUIRE(scenario["unpriced_models"] == nlohmann::json::array({kUnknown}));
  // Both models' requests are in the scenario.
  double requests = 0;
  bool routedUnknown = false;
  for (const auto &workload : scenario["workloads"]) {
    requests += workload["requests_per_month"].get<double>();
    routedUnknown = routedUnknown || workload["routing"].contains(kUnknown);
  }
  CHECK(routedUnknown);
  CHECK(requests == Approx(4.0 * 730)); // 4 requests in one hour

  SECTION("evaluate lists it under \"unpriced\" and warns") {
    const Run evaluated = run({"evaluate", out, "--json"});
    INFO(evaluated.err);
    REQUIRE(evaluated.status == 0);
    const auto json = nlohmann::json::parse(evaluated.out);
    REQUIRE(json["unpriced"].size() == 1);
    CHECK(json["unpriced"][0]["model"] == kUnknown);
    CHECK(json["unpriced"][0]["requests"].get<double>() == Approx(2.0 * 730));
    CHECK_FALSE(json["by_model"].contains(kUnknown));
    CHECK(json["requests"].get<double>() == Approx(4.0 * 730));
    CHECK_THAT(json["warnings"].dump(),
               Catch::Matchers::Contains("no price for " + std::string(kUnknown)));
    const Run table = run({"evaluate", out});
    CHECK_THAT(table.out, Catch::Matchers::Contains("Totals exclude 1,460 requests a month on "
                                                    "models without a price: " +
                                                    std::string(kUnknown)));
    const Run forecast = run({"forecast", out});
    CHECK_THAT(forecast.out, Catch::Matchers::Contains("Totals exclude"));
    const Run forecastJson = run({"forecast", out, "--json"});
    REQUIRE(forecastJson.status == 0);
    const auto months = nlohmann::json::parse(forecastJson.out)["months"];
    REQUIRE_FALSE(months.empty());
    CHECK(months[0]["unpriced_requests"].get<double>() == Approx(2.0 * 730));
  }
  SECTION("import --map prices it before the scenario is written") {
    const std::string mapped = scratch("imported-mapped.json").string();
    const Run again = run({"import", "invocation-logs", mixedLog(), "--out", mapped, "--map",
                           std::string(kUnknown) + "=" + kHaiku});
    INFO(again.err);
    REQUIRE(again.status == 0);
    const auto json = readJson(mapped);
    CHECK_FALSE(json.contains("unpriced_models"));
    // The keyless workload keeps its name (the model it was read on); no route is unpriced.
    for (const auto &workload : json["workloads"]) {
      CHECK_FALSE(workload["routing"].contains(kUnknown));
      CHECK(workload["routing"].contains(kHaiku));
    }
  }
}

TEST_CASE("evaluate --map prices the loaded scenario without changing the file",
          "[cli][unpriced]") {
  const std::string path = unpricedScenario();
  const Run before = run({"evaluate", path, "--json"});
  REQUIRE(before.status == 0);
  CHECK(nlohmann::json::parse(before.out)["net_usd"].get<double>() == 0.0);

  const Run mapped =
      run({"evaluate", path, "--json", "--map", std::string(kUnknown) + "=" + kHaiku});
  INFO(mapped.err);
  REQUIRE(mapped.status == 0);
  const auto json = nlohmann::json::parse(mapped.out);
  CHECK(json["unpriced"].empty());
  // Haiku 4.5 regional: $1.10 in, $5.50 out per 1M: 1M × (1,000 × 1.10 + 100 × 5.50) / 1M.
  CHECK(json["net_usd"].get<double>() == Approx(1000.0 * 1.10 + 100.0 * 5.50));
  CHECK(readJson(path)["unpriced_models"].size() == 1);

  SECTION("a map to a model the card lacks is an error naming it") {
    const Run wrong = run({"evaluate", path, "--map", std::string(kUnknown) + "=nope.model"});
    CHECK(wrong.status == 1);
    CHECK_THAT(wrong.err, Catch::Matchers::Contains("\"nope.model\""));
  }
  SECTION("a --map that is not OLD=NEW is a usage error") {
    const Run wrong = run({"evaluate", path, "--map", "no-equals"});
    CHECK(wrong.status == 2);
    CHECK_THAT(wrong.err, Catch::Matchers::Contains("--map takes OLD=NEW"));
  }
  SECTION("forecast and compare take it too") {
    CHECK(run({"forecast", path, "--json", "--map", std::string(kUnknown) + "=" + kHaiku}).status ==
          0);
    CHECK(run({"compare", path, path, "--map", std::string(kUnknown) + "=" + kHaiku}).status == 0);
  }
}

TEST_CASE("map saves a mapped copy", "[cli][unpriced]") {
  const std::string path = unpricedScenario();
  const std::string out = scratch("mapped-copy.json").string();
  const Run result = run({"map", path, std::string(kUnknown) + "=" + kHaiku, "--out", out});
  INFO(result.err);
  REQUIRE(result.status == 0);
  CHECK_THAT(result.out, Catch::Matchers::Contains("every model priced"));
  const auto json = readJson(out);
  CHECK_FALSE(json.contains("unpriced_models"));
  CHECK(json["workloads"][0]["routing"].contains(kHaiku));
  CHECK(run({"evaluate", out}).status == 0);

  CHECK(run({"map", path, "--out", out}).status == 2);
  CHECK(run({"map", path, std::string(kUnknown) + "=" + kHaiku}).status == 2);
  CHECK(run({"map", path, std::string(kUnknown) + "=nope", "--out", out}).status == 1);
}
