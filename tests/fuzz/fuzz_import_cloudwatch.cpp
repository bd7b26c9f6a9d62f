// The CloudWatch importer (core/import/cloudwatch.h) on any bytes as a
// get-metric-data JSON or a console CSV; the part after a line
// "--metric-data-queries--", if any, is the queries file. What it reads is
// sized for PT (finite figures, units only where the card prices PT) and
// makes a scenario that is refused with reasons or prices to finite figures.
#include "tests/fuzz/fuzzimport.h"

#include "core/files/scenariofile.h"
#include "core/import/cloudwatch.h"
#include "core/import/importscenario.h"
#include "core/import/measuredsizing.h"

#include <cmath>

using namespace bwi::core;

namespace {

constexpr std::string_view kQueriesLine = "\n--metric-data-queries--\n";

bool finiteOrAbsent(const std::optional<double> &value) { return !value || std::isfinite(*value); }

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, std::size_t size) {
  static const RateCard card = builtinRateCard();
  const std::string_view input = bwi::fuzz::asText(data, size);
  const std::size_t cut = input.find(kQueriesLine);

  CloudWatchOptions options;
  if (cut != std::string_view::npos)
    options.queries =
        bwi::fuzz::scratch().write("queries.json", input.substr(cut + kQueriesLine.size()));
  const InputFile file = bwi::fuzz::scratch().write("metrics", input.substr(0, cut));
  const UsageImport imported = importCloudWatch({file}, card, options);
  bwi::fuzz::checkTally(imported.tally, imported.failure);
  if (imported.failure)
    return 0;

  for (const MeasuredSizing &sizing : sizeMeasuredLoad(imported.groups, card, 0.10, 730)) {
    BWI_FUZZ_CHECK(std::isfinite(sizing.inputTpmAtFloor) && std::isfinite(sizing.outputTpmAtFloor));
    BWI_FUZZ_CHECK(std::isfinite(sizing.peakInputTpm) && std::isfinite(sizing.peakOutputTpm));
    BWI_FUZZ_CHECK(finiteOrAbsent(sizing.meanLoadMu) && finiteOrAbsent(sizing.peakLoadMu));
    BWI_FUZZ_CHECK(finiteOrAbsent(sizing.inputOutputRatio));
    BWI_FUZZ_CHECK(!sizing.floorModelUnits || *sizing.floorModelUnits >= 0);
    BWI_FUZZ_CHECK(!sizing.optimalModelUnits || *sizing.optimalModelUnits >= 0);
  }
  std::vector<std::string> warnings;
  bwi::fuzz::checkImportedScenario(scenarioFromUsage(imported.groups, card, "fuzz", warnings),
                                   card);
  return 0;
}
