// Scenario files on disk: the shipped files, fields of a newer version,
// hostile sizes, and saves that replace a file in one step
// (docs/limits.md, docs/file-compatibility.md, docs/crash-safety.md).
#include "core/common/jsonreader.h"
#include "core/cost/preparedscenario.h"
#include "core/files/scenariofile.h"
#include "core/files/scenariojson.h"
#include "core/forecast/forecast.h"
#include "core/report/workbenchfigures.h"
#include "resources/embeddedresources.h"
#include "tests/core/testsupport.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

using namespace bwi;
using Catch::Matchers::Contains;

namespace {

std::string exampleWith(const std::function<void(core::Json &)> &change) {
  core::ValidationIssues issues;
  core::Json json = core::parseJsonText(resources::example_scenario(), issues).value();
  change(json);
  return json.dump();
}

std::vector<std::string> pathsOf(const core::ValidationIssues &issues) {
  std::vector<std::string> paths;
  for (const auto &issue : issues)
    paths.push_back(issue.path);
  return paths;
}

std::string readAll(const std::filesystem::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct ScratchFolder {
  std::filesystem::path path;
  explicit ScratchFolder(const std::string &name)
      : path(std::filesystem::temp_directory_path() / ("bwi-hardening-" + name)) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~ScratchFolder() { std::filesystem::remove_all(path); }
  std::size_t fileCount() const {
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(path),
                                                  std::filesystem::directory_iterator()));
  }
};

} // namespace

TEST_CASE("The shipped files have no field the readers skip", "[core][files][compatibility]") {
  const auto load = core::loadExampleScenario();
  REQUIRE(load.loaded);
  INFO(load.unknownFieldsReport());
  CHECK(load.unknownFields.empty());

  ScratchFolder folder("shipped");
  std::ofstream(folder.path / "card.json") << resources::builtin_ratecard();
  core::ValidationIssues issues, unknown;
  CHECK(core::loadRateCardFile(folder.path / "card.json", issues, &unknown));
  CHECK(issues.empty());
  // Every field of the card is read: the calendar and long-context fields
  // (docs/cost-model.md §11, §13), card-level meters (§18) and quality alike.
  for (const core::ValidationIssue &field : unknown)
    FAIL_CHECK(field.path << ": " << field.message);
  CHECK(unknown.empty());
}

TEST_CASE("Fields a newer version may add are named, not dropped silently",
          "[core][files][compatibility]") {
  const std::string text = exampleWith([](core::Json &json) {
    json["colour"] = "blue";
    json["workloads"][0]["priority_class"] = 3;
    json["workloads"][0]["tokens"]["images"] = 2;
    json["forecast"]["seasonality"] = core::Json::array({1, 2});
  });
  const auto load = core::loadScenarioText(text, ".", "future.json");
  REQUIRE(load.loaded); // still opens: the fields it knows are all there
  CHECK_THAT(pathsOf(load.unknownFields),
             Catch::Matchers::UnorderedEquals(
                 std::vector<std::string>{"colour", "workloads[0].priority_class",
                                          "workloads[0].tokens.images", "forecast.seasonality"}));
  CHECK_THAT(load.unknownFieldsReport(),
             Contains("future.json: colour: is not a field this version of Bedrock What-If reads"));
}

TEST_CASE("Unknown fields of an inline rate card and its models are named",
          "[core][files][compatibility]") {
  const auto load = core::loadScenarioText(
      test::scenarioJson(R"([{ "id": "w", "requests_per_month": 10, "tokens": { "user": 10 },
                               "routing": { "plain": 1 } }])"),
      ".", "inline.json");
  REQUIRE(load.loaded);
  CHECK(load.unknownFields.empty());

  core::ValidationIssues issues;
  core::Json json = core::parseJsonText(test::scenarioJson("[]"), issues).value();
  json["ratecard"]["models"][0]["context_window"] = 200000;
  const auto withField = core::loadScenarioText(json.dump(), ".", "inline.json");
  REQUIRE(withField.loaded);
  CHECK(pathsOf(withField.unknownFields) ==
        std::vector<std::string>{"ratecard.models[0].context_window"});
}

TEST_CASE("A scenario of a newer format version is refused with a clear message",
          "[core][files][compatibility]") {
  const std::string text = exampleWith([](core::Json &json) { json["version"] = 2; });
  const auto load = core::loadScenarioText(text, ".", "next.json");
  CHECK_FALSE(load.loaded);
  REQUIRE(load.issues.size() == 1);
  CHECK(load.issues[0].path == "version");
  CHECK_THAT(load.report(), Contains("next.json: version: this scenario is version 2, written by "
                                     "a newer Bedrock What-If; this program reads version 1"));
}

TEST_CASE("More routes than evaluation should loop over are refused", "[core][validation]") {
  std::string routing = "{";
  for (int m = 0; m < 11; ++m)
    routing += std::string(m ? "," : "") + "\"m" + std::to_string(m) + "\": " + (m ? "0" : "1");
  routing += "}";
  std::string workloads = "[";
  for (int w = 0; w < 9200; ++w)
    workloads += std::string(w ? "," : "") + R"({"id": "w)" + std::to_string(w) +
                 R"(", "requests_per_month": 1, "routing": )" + routing + "}";
  workloads += "]";
  const auto load = core::loadScenarioText(R"({"workloads": )" + workloads + "}", ".", "big.json");
  CHECK_FALSE(load.loaded);
  CHECK_THAT(load.report(),
             Contains("big.json: workloads: route 101200 workload-model pairs; a scenario may "
                      "have at most 100000"));
}

TEST_CASE("Saving replaces a file in one step and leaves no temporary behind", "[core][files]") {
  ScratchFolder folder("atomic");
  const auto target = folder.path / "plan.json";
  REQUIRE(core::writeFileAtomically(target, "old").ok);
  REQUIRE(core::writeFileAtomically(target, "new contents").ok);
  CHECK(readAll(target) == "new contents");
  CHECK(folder.fileCount() == 1);

  SECTION("a writer that produced its own temporary") {
    const auto temporary = core::temporaryPathBeside(target);
    CHECK(temporary.parent_path() == target.parent_path());
    CHECK(temporary != core::temporaryPathBeside(target));
    std::ofstream(temporary) << "exported";
    REQUIRE(core::replaceWithFile(temporary, target).ok);
    CHECK(readAll(target) == "exported");
    CHECK(folder.fileCount() == 1);
  }
  SECTION("a folder that cannot take the file leaves the old one as it was") {
    const auto result = core::writeFileAtomically(folder.path / "missing" / "plan.json", "x");
    CHECK_FALSE(result.ok);
    CHECK_THAT(result.message, Contains("cannot write"));
    CHECK(readAll(target) == "new contents");
  }
  SECTION("a rename that fails removes the temporary and keeps the target") {
    std::filesystem::create_directory(folder.path / "a-folder");
    const auto temporary = core::temporaryPathBeside(target);
    std::ofstream(temporary) << "x";
    const auto result = core::replaceWithFile(temporary, folder.path / "a-folder");
    CHECK_FALSE(result.ok);
    CHECK_FALSE(std::filesystem::exists(temporary));
    CHECK(std::filesystem::is_directory(folder.path / "a-folder"));
  }
}
