#include "tests/cli/clirun.h"

#include "tests/common/tolerance.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unistd.h>

using namespace bwi;
using test::run;
using test::Run;

namespace {

std::string data(const std::string &name) { return BWI_SOURCE_DIR "/tests/data/import/" + name; }

std::set<std::string> keysOf(const nlohmann::json &object) {
  std::set<std::string> keys;
  for (const auto &[key, value] : object.items())
    keys.insert(key);
  return keys;
}

std::filesystem::path scratch(const std::string &name) {
  const auto folder =
      std::filesystem::temp_directory_path() / ("bwi-cli-import-" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  return folder / name;
}

const std::set<std::string> kTopLevel{"kind",    "files",  "lines",   "skipped_lines",
                                      "skipped", "groups", "warnings"};

} // namespace

TEST_CASE("import --json prints the object of docs/importing.md for invocation logs",
          "[cli][import]") {
  const Run result =
      run({"import", "invocation-logs", data("invocation-logs.jsonl"),
           data("invocation-logs-broken.jsonl"), "--json", "--group-by", "requestMetadata.team"});
  INFO(result.err);
  REQUIRE(result.status == 0);
  const auto json = nlohmann::json::parse(result.out);
  CHECK(keysOf(json) == kTopLevel);
  CHECK(json["kind"] == "invocation-logs");
  CHECK(json["files"] == 2);
  CHECK(json["lines"] == 12);
  CHECK(json["skipped_lines"] == 4);
  REQUIRE(json["skipped"].size() == 4);
  CHECK(keysOf(json["skipped"][0]) == std::set<std::string>{"file", "line", "reason"});
  CHECK(json["skipped"][0]["file"] == data("invocation-logs-broken.jsonl"));
  CHECK(json["skipped"][0]["line"] == 2);
  const std::set<std::string> contract{"key",
                                       "model",
                                       "tier",
                                       "requests",
                                       "input_tokens",
                                       "output_tokens",
                                       "cache_read_tokens",
                                       "cache_write_tokens",
                                       "hours",
                                       "first",
                                       "last"};
  for (const auto &group : json["groups"]) {
    const auto keys = keysOf(group);
    for (const std::string &key : contract)
      CHECK(keys.count(key) == 1);
  }
  const auto search = std::find_if(json["groups"].begin(), json["groups"].end(), [](const auto &g) {
    return g["key"] == "search" && g["model"] == "anthropic.claude-haiku-4-5-20251001-v1:0";
  });
  REQUIRE(search != json["groups"].end());
  CHECK((*search)["tier"] == "standard");
  CHECK((*search)["requests"] == 2);
  CHECK((*search)["input_tokens"] == 4000);
  CHECK((*search)["cache_read_tokens"] == 600);
  CHECK((*search)["cache_write_tokens"] == 50);
  CHECK((*search)["hours"] == 1);
  CHECK((*search)["first"] == "2026-11-23T09:15:00Z");
  CHECK((*search)["last"] == "2026-11-23T09:45:00Z");
  // Records without the --group-by key have a null key.
  CHECK(std::any_of(json["groups"].begin(), json["groups"].end(),
                    [](const auto &g) { return g["key"].is_null(); }));
}

TEST_CASE("import --json for cloudwatch adds the measured sizing", "[cli][import]") {
  const Run result = run({"import", "cloudwatch", data("cloudwatch.json"), "--queries",
                          data("cloudwatch-queries.json"), "--json"});
  REQUIRE(result.status == 0);
  const auto json = nlohmann::json::parse(result.out);
  CHECK(json["kind"] == "cloudwatch");
  CHECK(json["skipped_lines"] == 2);
  for (const auto &group : json["groups"])
    CHECK(group["key"].is_null());
  REQUIRE(json["sizing"].size() == 2);
  CHECK(json["sizing"][0]["floor_percentile"] == 0.1);
}

TEST_CASE("import --json for bills: groups by model, usage, tier and month", "[cli][import]") {
  for (const char *kind : {"cur", "focus"}) {
    const Run result = run({"import", kind, data(std::string(kind) + ".csv"), "--json"});
    INFO(kind << ": " << result.err);
    REQUIRE(result.status == 0);
    const auto json = nlohmann::json::parse(result.out);
    auto expected = kTopLevel;
    expected.insert({"bedrock_cost_usd", "discount_usd"});
    CHECK(keysOf(json) == expected);
    CHECK(json["kind"] == kind);
    REQUIRE_FALSE(json["groups"].empty());
    for (const auto &group : json["groups"])
      CHECK(keysOf(group) == std::set<std::string>{"model", "usage", "tier", "month", "cost_usd",
                                                   "tokens", "in_ratecard"});
  }
}

TEST_CASE("import cur --group-by shows the bill back by team, principal and tag", "[cli][import]") {
  const std::string bill = BWI_SOURCE_DIR "/tests/data/import/shapes/cur2-principals.csv";
  const Run result = run({"import", "cur", bill, "--json", "--group-by", "tag:iamPrincipal/team"});
  INFO(result.err);
  REQUIRE(result.status == 0);
  const auto json = nlohmann::json::parse(result.out);
  CHECK(json["group_by"] == "tag:iamPrincipal/team");
  std::map<std::string, double> byKey;
  for (const auto &group : json["groups"]) {
    CHECK(keysOf(group).count("key") == 1);
    byKey[group["key"].is_null() ? "(null)" : group["key"].get<std::string>()] +=
        group["cost_usd"].get<double>();
  }
  CHECK(byKey.size() == 2);
  CHECK(byKey["BedrockDataScience"] == Approx(1.8318).epsilon(1e-12));
  CHECK(byKey["(null)"] == Approx(2.2).epsilon(1e-12));
  REQUIRE(json["keys"].size() == 2);
  CHECK(keysOf(json["keys"][0]) ==
        std::set<std::string>{"month", "key", "cost_usd", "tokens", "share"});

  const Run principals = run({"import", "cur", bill, "--group-by", "principal"});
  REQUIRE(principals.status == 0);
  CHECK_THAT(principals.out, Catch::Matchers::Contains("By principal:"));
  CHECK_THAT(principals.out, Catch::Matchers::Contains("Role-1"));

  CHECK(run({"import", "cur", bill, "--group-by", "requestMetadata.team"}).status == 2);
  CHECK(run({"import", "hourly-csv", data("hourly.csv"), "--group-by", "principal"}).status == 2);
  const Run focus =
      run({"import", "focus", BWI_SOURCE_DIR "/tests/data/import/shapes/focus-no-bedrock.csv"});
  CHECK(focus.status == 0);
  CHECK_THAT(focus.out, Catch::Matchers::Contains("no Bedrock charges in these files"));
  CHECK_THAT(focus.out, Catch::Matchers::Contains("AWS (5), Microsoft (1), Oracle (1)"));
}

TEST_CASE("reconcile --group-by sets each team of the scenario beside its bill", "[cli][import]") {
  const std::string bill = BWI_SOURCE_DIR "/tests/data/import/shapes/focus-bedrock-tags.csv";
  const auto scenario = scratch("by-team.json");
  Run result = run(
      {"import", "focus", bill, "--group-by", "tag:iamPrincipal/team", "--out", scenario.string()});
  INFO(result.err);
  REQUIRE(result.status == 0);
  result =
      run({"reconcile", scenario.string(), bill, "--group-by", "tag:iamPrincipal/team", "--json"});
  INFO(result.err);
  REQUIRE(result.status == 0);
  const auto json = nlohmann::json::parse(result.out);
  CHECK(json["group_by"] == "tag:iamPrincipal/team");
  REQUIRE(json["groups"].size() == 3);
  for (const auto &row : json["groups"])
    CHECK(row["variance_usd"].get<double>() == Approx(0).margin(1e-9));
  const Run text =
      run({"reconcile", scenario.string(), bill, "--group-by", "tag:iamPrincipal/team"});
  CHECK_THAT(text.out, Catch::Matchers::Contains("By tag:iamPrincipal/team"));
  CHECK(run({"reconcile", scenario.string(), bill, "--group-by", "team"}).status == 2);
}

TEST_CASE("import exits 2 on a wrong command line and 1 on input it cannot read", "[cli][import]") {
  CHECK(run({"import"}).status == 2);
  CHECK(run({"import", "billing", data("cur.csv")}).status == 2);
  CHECK(run({"import", "cur"}).status == 2);
  CHECK(run({"import", "cur", data("cur.csv"), "--group-by", "team"}).status == 2);
  CHECK(run({"import", "invocation-logs", data("cur.csv"), "--group-by", "a..b"}).status == 2);
  CHECK(
      run({"import", "invocation-logs", data("invocation-logs.jsonl"), "--out", "x.txt"}).status ==
      2);
  CHECK(run({"import", "cur", data("cur.csv"), "--out", "x.csv"}).status == 2);
  CHECK(run({"import", "cur", data("cur.csv"), "--month", "Oct"}).status == 2);
  CHECK(run({"import", "cloudwatch", data("cloudwatch.json"), "--month", "2026-10"}).status == 2);
  CHECK(run({"reconcile", "only-one.json"}).status == 2);
  CHECK(run({"reconcile", "a.json", "b.csv", "--month", "2026-13"}).status == 2);

  const Run missing = run({"import", "cur", data("no-such-file.csv")});
  CHECK(missing.status == 1);
  CHECK_THAT(missing.err, Catch::Matchers::Contains("no-such-file.csv: no such file"));
  const Run wrongKind = run({"import", "invocation-logs", data("cur.csv"), "--json"});
  CHECK(wrongKind.status == 1);
  CHECK(wrongKind.out.empty());
  CHECK_THAT(wrongKind.err, Catch::Matchers::Contains("a CUR CSV export (use `import cur`)"));
}

TEST_CASE("import --out writes a scenario or the hourly CSV, and nothing on failure",
          "[cli][import]") {
  const auto scenario = scratch("imported.json");
  const auto hourly = scratch("imported.csv");
  std::filesystem::remove(scenario);
  std::filesystem::remove(hourly);
  Run result = run({"import", "invocation-logs", data("invocation-logs.jsonl"), "--group-by",
                    "requestMetadata.team", "--scenario", scenario.string()});
  INFO(result.err);
  REQUIRE(result.status == 0);
  const auto written = nlohmann::json::parse(std::ifstream(scenario));
  CHECK(written["format"] == "bedrock-whatif-scenario");
  CHECK(written["workloads"].size() == 3);

  result =
      run({"import", "invocation-logs", data("invocation-logs.jsonl"), "--out", hourly.string()});
  REQUIRE(result.status == 0);
  std::ifstream csv(hourly);
  std::string header;
  std::getline(csv, header);
  CHECK(header == "hour,key,model,tier,requests,input_tokens,output_tokens,cache_read_tokens,cache_"
                  "write_tokens");
  result = run({"import", "hourly-csv", hourly.string(), "--json"});
  REQUIRE(result.status == 0);
  // Grouped by IAM role: app-role (two models), ledger-role (two), user/alice.
  CHECK(nlohmann::json::parse(result.out)["groups"].size() == 5);

  const auto never = scratch("never.json");
  std::filesystem::remove(never);
  CHECK(run({"import", "invocation-logs", data("cur.csv"), "--out", never.string()}).status == 1);
  CHECK_FALSE(std::filesystem::exists(never));
}

TEST_CASE("import --out writes guardrail units as workload meters", "[cli][import]") {
  const auto scenario = scratch("guarded.json");
  const Run result = run({"import", "invocation-logs",
                          BWI_SOURCE_DIR "/tests/data/import/shapes/insights-cli.json", "--out",
                          scenario.string()});
  INFO(result.err);
  REQUIRE(result.status == 0);
  const auto written = nlohmann::json::parse(std::ifstream(scenario));
  REQUIRE(written["workloads"].size() == 1);
  const auto &meters = written["workloads"][0]["meters"];
  REQUIRE(meters.size() == 4);
  for (const auto &meter : meters) {
    CHECK(keysOf(meter) == std::set<std::string>{"kind", "per_request"});
    // A unit on the input and one on the output, in the card's 1K text units.
    CHECK(meter["per_request"].get<double>() == Approx(0.002));
  }
  CHECK(meters[0]["kind"] == "guardrails.content_filters");
}

TEST_CASE("import cur --out writes a scenario with the bill's tokens", "[cli][import]") {
  const auto scenario = scratch("bill.json");
  const Run result =
      run({"import", "cur", data("cur.csv"), "--month", "2026-09", "--out", scenario.string()});
  INFO(result.err);
  REQUIRE(result.status == 0);
  const auto written = nlohmann::json::parse(std::ifstream(scenario));
  REQUIRE(written["workloads"].size() == 1); // September: batch output on Nova Pro
  CHECK(written["workloads"][0]["batch_share"] == 1.0);
  CHECK(written["workloads"][0]["tokens"]["output"] == 100.0); // 100,000 over 1,000 requests
}

TEST_CASE("Input bytes that are not UTF-8 never break the JSON or the scenario", "[cli][import]") {
  const auto csv = scratch("latin1.csv");
  std::ofstream(csv)
      << "hour,key,model,tier,requests,input_tokens,output_tokens,cache_read_tokens,"
         "cache_write_tokens\n2026-11-23T09:00:00Z,\xE9quipe,amazon.nova-lite-v1:0,,1,"
         "10,1,0,0\n2026-11-23T10:00:00Z,x,amazon.nova-lite-v1:0,,\xFF,10,1,0,0\n";
  const auto scenario = scratch("latin1.json");
  const Run result =
      run({"import", "hourly-csv", csv.string(), "--json", "--out", scenario.string()});
  INFO(result.err);
  REQUIRE(result.status == 0);
  const auto json = nlohmann::json::parse(result.out);
  CHECK(json["groups"][0]["key"] == "\xEF\xBF\xBDquipe");
  CHECK(json["skipped_lines"] == 1);
  CHECK(nlohmann::json::parse(std::ifstream(scenario))["workloads"][0]["name"] ==
        "\xEF\xBF\xBDquipe");
}

TEST_CASE("import pricelist shows the diff and writes the dated card", "[cli][import]") {
  const auto card = scratch("card.json");
  const Run result =
      run({"import", "pricelist", data("pricelist-AmazonBedrock.json"),
           data("pricelist-AmazonBedrockFoundationModels.json"), "--out", card.string()});
  INFO(result.err);
  REQUIRE(result.status == 0);
  CHECK_THAT(result.out, Catch::Matchers::Contains(
                             "changed  amazon.nova-pro-v1:0 on_demand.output_per_1m: $3.2 → $3.6"));
  const auto written = nlohmann::json::parse(std::ifstream(card));
  CHECK(written["as_of"] == "2026-11-20");
}

TEST_CASE("reconcile sets the example scenario beside a bill", "[cli][import]") {
  const Run result = run(
      {"reconcile", BWI_SOURCE_DIR "/resources/example-scenario.json", data("cur.csv"), "--json"});
  INFO(result.err);
  REQUIRE(result.status == 0);
  const auto json = nlohmann::json::parse(result.out);
  CHECK(json["month"] == "2026-10");
  CHECK_THAT(json["actual_usd"].get<double>(), test::near(5.30405));
  const Run text = run({"reconcile", BWI_SOURCE_DIR "/resources/example-scenario.json",
                        data("cur.csv"), "--month", "2026-09"});
  CHECK(text.status == 0);
  CHECK_THAT(text.out, Catch::Matchers::Contains("2026-09"));
  CHECK(run({"reconcile", BWI_SOURCE_DIR "/resources/example-scenario.json",
             data("invocation-logs.jsonl")})
            .status == 1);
}
