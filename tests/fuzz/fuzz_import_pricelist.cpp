// The AWS Price List importer (core/import/pricelist.h) on any bytes as an
// offer file: every change it lists is finite, and the card it proposes is
// one the rate-card reader accepts (within docs/limits.md) and that prices
// the built-in example to finite figures, since accepting it in the window
// makes it the card of every figure.
#include "tests/fuzz/fuzzimport.h"

#include "core/common/jsonreader.h"
#include "core/common/jsonwriter.h"
#include "core/files/ratecardjson.h"
#include "core/files/ratecardoverrides.h"
#include "core/files/scenariofile.h"
#include "core/import/pricelist.h"

#include <cmath>

using namespace bwi::core;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, std::size_t size) {
  static const RateCard current = builtinRateCard();
  static const Scenario example = loadExampleScenario().loaded->scenario;
  const InputFile file = bwi::fuzz::scratch().write("offer.json", bwi::fuzz::asText(data, size));
  const PriceListImport imported = importPriceList({file}, current);
  bwi::fuzz::checkTally(imported.tally, imported.failure);
  if (imported.failure)
    return 0;
  for (const PriceChange &change : imported.changes) {
    BWI_FUZZ_CHECK(!change.model.empty() && !change.change.empty());
    BWI_FUZZ_CHECK(!change.oldValue || std::isfinite(*change.oldValue));
    BWI_FUZZ_CHECK(!change.newValue || std::isfinite(*change.newValue));
  }

  ValidationIssues issues;
  const RateCard card = readRateCard(rateCardToJson(imported.card), "", issues);
  if (!issues.empty()) {
    std::fprintf(stderr, "%s\n", formatIssues("imported card", issues).c_str());
    BWI_FUZZ_CHECK(issues.empty());
  }
  // The example's negotiated overrides go on top, as in the window.
  const RateCard withOverrides = applyOverrides(card, example.ratecardOverrides, issues);
  BWI_FUZZ_CHECK(issues.empty());
  bwi::fuzz::checkImportedScenario(example, withOverrides);
  return 0;
}
