// Rate-card overrides (core/files/ratecardoverrides.h): the input is the value of
// `ratecard_overrides`, put into the built-in example scenario. Any value is
// read or refused at its path; overrides that apply give a card the
// scenario can be costed on with finite figures.
#include "tests/fuzz/fuzzcheck.h"

#include "core/common/jsonreader.h"
#include "core/common/jsonwriter.h"
#include "core/cost/evaluation.h"
#include "core/cost/preparedscenario.h"
#include "core/files/scenariofile.h"
#include "resources/embeddedresources.h"

using namespace bwi::core;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, std::size_t size) {
  ValidationIssues parseIssues;
  const auto overrides = parseJsonText(bwi::fuzz::asText(data, size), parseIssues);
  if (!overrides)
    return 0;
  ValidationIssues exampleIssues;
  static const Json example =
      parseJsonText(bwi::resources::example_scenario(), exampleIssues).value();
  Json scenario = example;
  scenario["ratecard_overrides"] = *overrides;

  const ScenarioLoadResult load =
      loadScenarioText(scenario.dump(), "/nonexistent-fuzz-dir", "fuzz.json");
  BWI_FUZZ_CHECK(load.loaded.has_value() == load.issues.empty());
  if (!load.loaded)
    return 0;
  const PreparedScenario prepared = prepareScenario(load.loaded->scenario, load.loaded->card);
  const Evaluation evaluation = evaluate(prepared, 0);
  BWI_FUZZ_CHECK(allFinite(evaluation));
  return 0;
}
