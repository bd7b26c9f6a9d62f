#include "app/commandline.h"
#include "tests/cli/clirun.h"

#include "tests/common/tolerance.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>

using namespace bwi;
using test::kBroken;
using test::kExample;
using test::run;
using test::Run;

TEST_CASE("Help and version exit 0", "[cli]") {
  CHECK(run({}).status == 0);
  CHECK_THAT(run({"--help"}).out, Catch::Matchers::Contains("bedrock-whatif evaluate SCENARIO"));
  CHECK_THAT(run({"--version"}).out, Catch::Matchers::StartsWith("bedrock-whatif "));
}

TEST_CASE("A wrong command line exits 2 with the usage", "[cli]") {
  for (const auto &arguments :
       std::vector<std::vector<std::string>>{{"frobnicate"},
                                             {"evaluate"},
                                             {"evaluate", kExample, "--month"},
                                             {"evaluate", kExample, "--month", "-1"},
                                             {"evaluate", kExample, "--month", "soon"},
                                             {"evaluate", kExample, "--bogus"},
                                             {"curve", kExample},
                                             {"curve", kExample, "--kind", "sideways"},
                                             {"forecast", kExample, kExample}}) {
    INFO(arguments.size());
    const Run result = run(arguments);
    CHECK(result.status == 2);
    CHECK(result.out.empty());
    // One line naming the problem, then the sub-command's usage line or where
    // the help is: never the whole help.
    CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 2);
    CHECK_THAT(result.err, Catch::Matchers::StartsWith("bedrock-whatif: "));
    CHECK_THAT(result.err, !Catch::Matchers::Contains("Usage:"));
    if (arguments[0] == "frobnicate")
      CHECK_THAT(result.err, Catch::Matchers::Contains("run `bedrock-whatif --help`"));
    else
      CHECK_THAT(result.err,
                 Catch::Matchers::Contains("usage: bedrock-whatif " + arguments[0] + " SCENARIO"));
  }
}

TEST_CASE("A first word that is no command says what it is", "[cli]") {
  const auto folder = std::filesystem::temp_directory_path();
  const Run directory = run({folder.string()});
  CHECK(directory.status == 2);
  CHECK_THAT(directory.err, Catch::Matchers::Contains("is a folder"));
  CHECK_THAT(directory.err, !Catch::Matchers::Contains("unknown command"));

  const Run missing = run({"no-such-scenario.txt"});
  CHECK(missing.status == 2);
  CHECK_THAT(missing.err, Catch::Matchers::Contains("neither a command nor a scenario file"));

  const Run word = run({"frobnicate"});
  CHECK_THAT(word.err, Catch::Matchers::Contains("unknown command \"frobnicate\""));
  // Every sub-command of the table is named, the import ones included.
  for (const app::SubCommand &command : app::subCommands())
    CHECK_THAT(word.err, Catch::Matchers::Contains(std::string(command.name)));
}

TEST_CASE("The help lists every sub-command of the table", "[cli]") {
  const std::string help = run({"--help"}).out;
  CHECK(app::subCommands().size() == 16);
  REQUIRE(app::findSubCommand("ratecard"));
  CHECK(app::findSubCommand("ratecard")->qtRunner == &app::QtRunners::ratecard);
  for (const app::SubCommand &command : app::subCommands())
    CHECK_THAT(help, Catch::Matchers::Contains("bedrock-whatif " + std::string(command.name) + " " +
                                               std::string(command.usage.substr(0, 8))));
}

TEST_CASE("evaluate --json has every field of the format", "[cli]") {
  const Run result = run({"evaluate", kExample, "--json"});
  REQUIRE(result.status == 0);
  const auto json = nlohmann::json::parse(result.out);
  for (const char *key :
       {"scenario", "month", "ratecard_as_of", "gross_usd", "discount_usd", "net_usd", "by_mode",
        "by_model", "by_workload", "by_team", "tokens", "requests", "provisioned", "reserved",
        "sizing", "commit_retired_usd", "warnings"})
    CHECK(json.contains(key));
  for (const char *key : {"on_demand", "batch", "provisioned", "reserved"})
    CHECK(json["by_mode"].contains(key));
  for (const char *key : {"input", "output", "cache_read", "cache_write"})
    CHECK(json["tokens"].contains(key));
  REQUIRE(json["provisioned"].size() == 1);
  for (const char *key : {"model", "model_units", "term", "cost_usd", "overflow_usd", "utilization",
                          "break_even_utilization", "break_even_volume_multiplier",
                          "floor_model_units", "optimal_model_units"})
    CHECK(json["provisioned"][0].contains(key));
  REQUIRE(json["reserved"].size() == 1);
  for (const char *key : {"model", "input_tpm", "output_tpm", "term", "cost_usd", "overflow_usd",
                          "utilization_input", "utilization_output", "optimal_input_tpm",
                          "optimal_output_tpm", "floor_input_tpm", "floor_output_tpm"})
    CHECK(json["reserved"][0].contains(key));
  for (const char *key :
       {"model", "floor_model_units", "optimal_model_units", "mean_load_mu", "peak_load_mu"})
    CHECK(json["sizing"][0].contains(key));
  const double net = json["net_usd"];
  CHECK(net > 0);
  const double gross = json["gross_usd"];
  const double discount = json["discount_usd"];
  CHECK((gross - discount) == net);
}

TEST_CASE("forecast --json lists months with the volume quantiles", "[cli]") {
  const Run result = run({"forecast", kExample, "--json"});
  REQUIRE(result.status == 0);
  const auto json = nlohmann::json::parse(result.out);
  REQUIRE(json["months"].size() == 12);
  for (const auto &month : json["months"]) {
    for (const char *key : {"month", "gross_usd", "discount_usd", "net_usd", "commit_retired_usd",
                            "net_p10_usd", "net_p50_usd", "net_p90_usd"})
      CHECK(month.contains(key));
    CHECK(month["net_p10_usd"].get<double>() <= month["net_p50_usd"].get<double>());
    CHECK(month["net_p50_usd"].get<double>() <= month["net_p90_usd"].get<double>());
  }
}

TEST_CASE("curve prints CSV for both kinds", "[cli]") {
  const Run volume = run({"curve", kExample, "--kind", "volume", "--csv"});
  REQUIRE(volume.status == 0);
  CHECK_THAT(volume.out, Catch::Matchers::StartsWith(
                             "volume_multiplier,on_demand_only_usd,with_commitments_usd,"));
  CHECK(std::count(volume.out.begin(), volume.out.end(), '\n') == 61);
  const Run units = run({"curve", kExample, "--kind", "units"});
  REQUIRE(units.status == 0);
  CHECK_THAT(units.out, Catch::Matchers::StartsWith("model_units,cost_usd"));
  const Run unknown = run({"curve", kExample, "--kind", "units", "--model", "nope"});
  CHECK(unknown.status == 1);
}

TEST_CASE("Figures that overflow exit 1 instead of printing inf or null", "[cli]") {
  const std::string path = kBroken + "growth-overflow.json";
  for (const auto &arguments : std::vector<std::vector<std::string>>{
           {"evaluate", path, "--month", "1200", "--json"},
           {"curve", path, "--kind", "volume", "--month", "1200"}}) {
    const Run result = run(arguments);
    CHECK(result.status == 1);
    CHECK_THAT(result.err, Catch::Matchers::Contains("overflow"));
    CHECK(result.out.empty());
  }
  CHECK(run({"evaluate", path, "--json"}).status == 0);
}

TEST_CASE("Broken scenarios exit 1 naming the file and the JSON path", "[cli]") {
  struct Case {
    const char *file;
    const char *expected;
  };
  for (const Case &testCase : {Case{"bad-json.json", "line 4, column"},
                               Case{"wrong-types.json", "workloads[0].requests_per_month"},
                               Case{"shares-off.json", "workloads[0].routing: shares sum to 0.95"},
                               Case{"unknown-model.json", "workloads[0].routing[\"acme.nope-v1\"]"},
                               Case{"missing-file.json", "cannot read the file"}}) {
    const std::string path = kBroken + testCase.file;
    for (const char *command : {"evaluate", "validate", "forecast"}) {
      INFO(command << " " << testCase.file);
      const Run result = run({command, path});
      CHECK(result.status == 1);
      CHECK_THAT(result.err, Catch::Matchers::StartsWith(path + ": "));
      CHECK_THAT(result.err, Catch::Matchers::Contains(testCase.expected));
      CHECK(result.out.empty());
    }
  }
}

TEST_CASE("sensitivity --json prints the tornado with exactly its keys", "[cli][ranges]") {
  const Run result = run({"sensitivity", kExample, "--json"});
  REQUIRE(result.status == 0);
  const auto json = nlohmann::json::parse(result.out);
  CHECK(json.size() == 2);
  CHECK(json["base_usd"].get<double>() > 0);
  REQUIRE(json["levers"].size() == 10);
  double swing = INFINITY;
  for (const auto &lever : json["levers"]) {
    CHECK(lever.size() == 5);
    for (const char *key : {"lever", "low_value", "high_value", "low_usd", "high_usd"})
      CHECK(lever.contains(key));
    const double next = std::fabs(lever["high_usd"].get<double>() - lever["low_usd"].get<double>());
    CHECK(next <= swing);
    swing = next;
  }
  const Run edited =
      run({"sensitivity", kExample, "--json", "--range", "10", "--lever", "output_tokens=-50:100"});
  REQUIRE(edited.status == 0);
  bool seen = false;
  const auto editedJson = nlohmann::json::parse(edited.out);
  for (const auto &lever : editedJson["levers"])
    if (lever["lever"] == "output_tokens") {
      seen = true;
      CHECK(lever["low_value"].get<double>() == 0.5);
      CHECK(lever["high_value"].get<double>() == 2.0);
    } else if (lever["lever"] == "volume") {
      CHECK_THAT(lever["high_value"].get<double>(), test::sameFigure(1.1));
    }
  CHECK(seen);
}

TEST_CASE("goal-seek and plan print their JSON; wrong options exit 2", "[cli][ranges]") {
  const Run seek =
      run({"goal-seek", kExample, "--lever", "volume", "--target", "250000", "--json"});
  REQUIRE(seek.status == 0);
  const auto answer = nlohmann::json::parse(seek.out);
  CHECK(answer["found"] == true);
  CHECK(std::fabs(answer["achieved"].get<double>() - 250000) <= 25);

  const Run plan = run({"plan", kExample, "--json", "--history-days", "45", "--trials", "300"});
  REQUIRE(plan.status == 0);
  const auto json = nlohmann::json::parse(plan.out);
  CHECK(json["history_days"] == 45);
  bool priced = false;
  for (const auto &model : json["models"])
    if (model["priced"] == true) {
      priced = true;
      CHECK(model["recommendation"] == "wait");
      CHECK(model["choices"][0]["cumulative_savings_usd"].size() == 12);
    }
  CHECK(priced);

  for (const auto &arguments : std::vector<std::vector<std::string>>{
           {"goal-seek", kExample, "--target", "1"},
           {"goal-seek", kExample, "--lever", "volume"},
           {"goal-seek", kExample, "--lever", "volume", "--target", "lots"},
           {"goal-seek", kExample, "--lever", "sideways", "--target", "1"},
           {"goal-seek", kExample, "--lever", "volume", "--target", "1", "--metric", "joy"},
           {"sensitivity", kExample, "--range", "0"},
           {"sensitivity", kExample, "--lever", "volume"},
           {"sensitivity", kExample, "--lever", "volume=10:-10"},
           {"plan", kExample, "--trials", "5"}}) {
    INFO(arguments[0] << " " << arguments.back());
    const Run result = run(arguments);
    CHECK(result.status == 2);
    CHECK(result.out.empty());
  }
}
