#include "app/commandline.h"
#include "core/files/scenariofile.h"
#include "tests/cli/clirun.h"

#include "tests/common/tolerance.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>

using namespace bwi;
using test::kBroken;
using test::kExample;
using test::run;
using test::Run;

namespace {

double sumOfBars(const nlohmann::json &waterfall) {
  double sum = 0;
  for (const auto &bar : waterfall["bars"])
    sum += bar["delta_usd"].get<double>();
  return sum;
}

} // namespace

TEST_CASE("compare --json: figures, differences and a waterfall that adds up", "[cli][compare]") {
  const Run result = run({"compare", kExample, "--optimized", "--json"});
  INFO(result.err);
  REQUIRE(result.status == 0);
  const auto json = nlohmann::json::parse(result.out);
  REQUIRE(json["scenarios"].size() == 2);
  CHECK(json["scenarios"][1] == "Example estate (illustrative) (optimized)");
  const auto &net = json["figures"][0];
  CHECK(net["key"] == "net_usd");
  CHECK(net["differences"][0].is_null());
  CHECK_THAT(net["differences"][1].get<double>(),
             test::sameFigure(net["values"][1].get<double>() - net["values"][0].get<double>()));
  REQUIRE(json["waterfalls"].size() == 1);
  const auto &waterfall = json["waterfalls"][0];
  CHECK(waterfall["order"][0] == "volume");
  CHECK(waterfall["order"].back() == "private_pricing");
  CHECK_THAT(sumOfBars(waterfall), test::closeTo(waterfall["difference_usd"].get<double>()));
  CHECK_THAT(waterfall["difference_usd"].get<double>(),
             test::sameFigure(net["differences"][1].get<double>()));
}

TEST_CASE("compare prints a table and each waterfall with its order", "[cli][compare]") {
  const Run result = run({"compare", kExample, kExample, "--month", "2"});
  REQUIRE(result.status == 0);
  CHECK_THAT(result.out, Catch::Matchers::Contains("Net cost this month"));
  CHECK_THAT(result.out, Catch::Matchers::Contains("Attribution order: Volume → Routing"));
  // The same file twice: the labels fall back to the file names.
  CHECK_THAT(result.out, Catch::Matchers::Contains("example-scenario.json"));
}

TEST_CASE("compare and optimize refuse wrong command lines and broken files", "[cli][compare]") {
  for (const auto &arguments : std::vector<std::vector<std::string>>{
           {"compare"},
           {"compare", kExample},
           {"compare", kExample, kExample, kExample, kExample, kExample},
           {"compare", kExample, kExample, kExample, kExample, "--optimized"},
           {"compare", kExample, kExample, "--month", "x"},
           {"compare", kExample, kExample, "--out", "x.json"},
           {"optimize"},
           {"optimize", kExample, kExample},
           {"optimize", kExample, "--bogus"}}) {
    INFO(arguments.size());
    const Run result = run(arguments);
    CHECK(result.status == 2);
    CHECK_THAT(result.err, Catch::Matchers::Contains("usage: bedrock-whatif " + arguments[0]));
  }
  const Run broken = run({"compare", kExample, kBroken + "shares-off.json"});
  CHECK(broken.status == 1);
  CHECK_THAT(broken.err, Catch::Matchers::Contains("shares-off.json"));
}

TEST_CASE("optimize writes a proposal that loads and costs less", "[cli][compare]") {
  const auto folder = std::filesystem::temp_directory_path() / "bwi-optimize-test";
  std::filesystem::create_directories(folder);
  const auto out = (folder / "proposal.json").string();
  std::filesystem::remove(out);
  const Run result = run({"optimize", kExample, "--out", out, "--json"});
  INFO(result.err);
  REQUIRE(result.status == 0);
  const auto json = nlohmann::json::parse(result.out);
  CHECK_FALSE(json["changes"].empty());
  CHECK(json["waterfall"]["difference_usd"].get<double>() < 0);
  const core::ScenarioLoadResult proposal = core::loadScenarioFile(out);
  INFO(proposal.report());
  REQUIRE(proposal.loaded);
  CHECK(proposal.loaded->scenario.name == "Example estate (illustrative) (optimized)");
  const Run again = run({"compare", kExample, out, "--json"});
  REQUIRE(again.status == 0);
  CHECK_THAT(nlohmann::json::parse(again.out)["waterfalls"][0]["difference_usd"].get<double>(),
             test::sameFigure(json["waterfall"]["difference_usd"].get<double>()));

  SECTION("an unwritable folder: exit 1, no file") {
    const Run refused = run({"optimize", kExample, "--out", "/proc/no-such-dir/p.json"});
    CHECK(refused.status == 1);
    CHECK_THAT(refused.err, Catch::Matchers::Contains("p.json"));
  }
  SECTION("a folder that does not exist is named as the reason, not a temporary file") {
    const Run refused = run({"optimize", kExample, "--out", "/nonexistent/dir/x.json"});
    CHECK(refused.status == 1);
    CHECK_THAT(refused.err,
               Catch::Matchers::Contains("cannot write /nonexistent/dir/x.json: the folder "
                                         "/nonexistent/dir does not exist"));
    CHECK_THAT(refused.err, !Catch::Matchers::Contains(".tmp-"));
  }
}

TEST_CASE("optimize ranks the example's changes and shows each rule, e* and caveat",
          "[cli][compare][optimize]") {
  const Run json = run({"optimize", kExample, "--json"});
  INFO(json.err);
  REQUIRE(json.status == 0);
  const auto changes = nlohmann::json::parse(json.out)["changes"];
  REQUIRE(changes.size() > 2);
  double saved = 0;
  bool policy = false;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const auto &change = changes[i];
    CHECK(change.contains("rule"));
    CHECK(change.contains("rule_text"));
    saved += change["saving_usd"].get<double>();
    if (i > 0)
      CHECK(change["saving_usd"].get<double>() <= changes[i - 1]["saving_usd"].get<double>());
    if (change.contains("escalation")) {
      // code-assistant: Opus → Sonnet 4.5 with an assumed 10% back to Opus.
      policy = true;
      const auto &escalation = change["escalation"];
      CHECK(escalation["to"] == "anthropic.claude-opus-4-5-20251101-v1:0");
      CHECK(escalation["rate_source"] == "assumed");
      CHECK(escalation["rate"].get<double>() == 0.1);
      CHECK(escalation["break_even_rate"].get<double>() > 0.1);
    }
    if (change["rule"] == "global_profile") {
      CHECK_THAT(change["caveat"].get<std::string>(),
                 Catch::Matchers::Contains("any commercial AWS region"));
    }
  }
  CHECK(policy);
  const auto waterfall = nlohmann::json::parse(json.out)["waterfall"];
  CHECK_THAT(saved, test::closeTo(-waterfall["difference_usd"].get<double>()));

  const Run text = run({"compare", kExample, "--optimized"});
  REQUIRE(text.status == 0);
  CHECK_THAT(text.out, Catch::Matchers::Contains("exception path: 10.0% to "
                                                 "anthropic.claude-opus-4-5-20251101-v1:0 "
                                                 "(assumed rate") &&
                           Catch::Matchers::Contains("break-even e* ") &&
                           Catch::Matchers::Contains("router split: 70.0% amazon.nova-lite-v1:0") &&
                           Catch::Matchers::Contains("saves $"));
}
