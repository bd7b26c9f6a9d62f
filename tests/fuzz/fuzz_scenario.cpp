// The scenario reader (core/files/scenariofile.h loadScenarioText): any bytes give
// either a loaded scenario or issues that each say where and what, and a
// loaded scenario written back and read again is the same scenario.
#include "tests/fuzz/fuzzcheck.h"

#include "core/common/jsonwriter.h"
#include "core/files/scenariofile.h"
#include "core/files/scenariojson.h"

#include <filesystem>

using namespace bwi::core;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, std::size_t size) {
  // A rate card named by a relative path is looked up in a folder that does
  // not exist: the reader, not the file system, is under test.
  const ScenarioLoadResult load =
      loadScenarioText(bwi::fuzz::asText(data, size), "/nonexistent-fuzz-dir", "fuzz.json");
  BWI_FUZZ_CHECK(load.loaded.has_value() == load.issues.empty());
  for (const ValidationIssue &issue : load.issues)
    BWI_FUZZ_CHECK(!issue.message.empty());
  if (!load.loaded)
    return 0;

  const std::string written = prettyJson(scenarioToJson(load.loaded->scenario));
  const ScenarioLoadResult again = loadScenarioText(written, "/nonexistent-fuzz-dir", "fuzz.json");
  if (!again.loaded) {
    std::fprintf(stderr, "%s\n", again.report().c_str());
    BWI_FUZZ_CHECK(again.loaded.has_value());
  }
  BWI_FUZZ_CHECK(prettyJson(scenarioToJson(again.loaded->scenario)) == written);
  return 0;
}
