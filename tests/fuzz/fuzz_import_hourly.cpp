// The hourly-CSV importer (core/import/hourlycsv.h) on any bytes: rows it
// keeps write back to a CSV that reads to the same traffic, and make a
// scenario that is refused with reasons or prices to finite figures.
#include "tests/fuzz/fuzzimport.h"

#include "core/files/scenariofile.h"
#include "core/import/hourlycsv.h"
#include "core/import/importscenario.h"

using namespace bwi::core;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, std::size_t size) {
  static const RateCard card = builtinRateCard();
  const InputFile file = bwi::fuzz::scratch().write("usage.csv", bwi::fuzz::asText(data, size));
  const UsageImport imported = importHourlyCsv({file}, card);
  bwi::fuzz::checkTally(imported.tally, imported.failure);
  if (imported.failure)
    return 0;

  const InputFile again = bwi::fuzz::scratch().write("again.csv", hourlyCsv(imported.groups));
  const UsageImport back = importHourlyCsv({again}, card);
  BWI_FUZZ_CHECK(!back.failure && back.tally.skipped.count == 0);
  BWI_FUZZ_CHECK(back.groups.size() == imported.groups.size());
  for (std::size_t i = 0; i < back.groups.size(); ++i) {
    const UsageGroup &x = back.groups[i], &y = imported.groups[i];
    BWI_FUZZ_CHECK(x.key == y.key && x.model == y.model && x.tier == y.tier);
    BWI_FUZZ_CHECK(x.totals == y.totals && x.hourly == y.hourly);
  }

  std::vector<std::string> warnings;
  bwi::fuzz::checkImportedScenario(scenarioFromUsage(imported.groups, card, "fuzz", warnings),
                                   card);
  return 0;
}
