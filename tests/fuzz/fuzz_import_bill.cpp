// The bill importer (core/import/billimport.h) on any bytes as a CUR 2.0 or
// FOCUS CSV (whichever its header says; both when it says neither): the
// figures are finite, no usage's list cost is below what it billed, reading the file in parallel
// blocks gives what one pass gives, and a month of it makes a scenario that is refused with reasons
// or prices to finite figures.
#include "tests/fuzz/fuzzimport.h"

#include "core/files/scenariofile.h"
#include "core/import/billimport.h"
#include "core/import/importscenario.h"

#include <algorithm>
#include <cmath>

using namespace bwi::core;

namespace {

bool near(double a, double b) {
  return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)});
}

void check(ImportKind kind, const InputFile &file, const RateCard &card) {
  const BillImport once = importBill(kind, {file}, card, nullptr, {1, UINT64_MAX, {}});
  bwi::fuzz::checkTally(once.tally, once.failure);
  const BillImport blocks = importBill(kind, {file}, card, nullptr, {2, 1, {}});
  BWI_FUZZ_CHECK(blocks.failure.has_value() == once.failure.has_value());
  if (once.failure)
    return;
  // The discount is a net: discount lines less their reversals, negative
  // only where reversals outweigh discounts (docs/importing.md).
  BWI_FUZZ_CHECK(std::isfinite(once.bedrockCostUsd) && std::isfinite(once.discountUsd));
  BWI_FUZZ_CHECK(blocks.tally.lines == once.tally.lines);
  BWI_FUZZ_CHECK(blocks.tally.skipped.first == once.tally.skipped.first);
  BWI_FUZZ_CHECK(near(blocks.bedrockCostUsd, once.bedrockCostUsd));
  BWI_FUZZ_CHECK(blocks.groups.size() == once.groups.size());
  for (std::size_t i = 0; i < once.groups.size(); ++i) {
    const BillGroup &x = once.groups[i], &y = blocks.groups[i];
    BWI_FUZZ_CHECK(std::isfinite(x.costUsd) && std::isfinite(x.tokens) && x.tokens >= 0);
    BWI_FUZZ_CHECK(x.model == y.model && x.usage == y.usage && x.tier == y.tier &&
                   x.month == y.month);
    BWI_FUZZ_CHECK(near(x.costUsd, y.costUsd) && near(x.tokens, y.tokens));
  }
  std::vector<std::string> warnings;
  bwi::fuzz::checkImportedScenario(scenarioFromBill(once, card, "", "fuzz", warnings), card);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, std::size_t size) {
  static const RateCard card = builtinRateCard();
  const InputFile file = bwi::fuzz::scratch().write("bill.csv", bwi::fuzz::asText(data, size));
  if (const auto kind = billKindOf(file)) {
    check(*kind, file, card);
  } else {
    check(ImportKind::Cur, file, card);
    check(ImportKind::Focus, file, card);
  }
  return 0;
}
