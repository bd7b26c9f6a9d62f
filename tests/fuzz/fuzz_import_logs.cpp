// The invocation-log importer (core/import/invocationlogs.h) on any bytes as
// a JSON-lines log: whatever the records, it reads them the same whether a
// record falls inside one block or across blocks, says where and why it
// skipped a line, and what it keeps makes an hourly CSV that reads back to
// the same traffic and a scenario that is refused with reasons or prices to
// finite figures.
#include "tests/fuzz/fuzzimport.h"

#include "core/files/scenariofile.h"
#include "core/import/hourlycsv.h"
#include "core/import/importscenario.h"
#include "core/import/invocationlogs.h"

using namespace bwi::core;

namespace {

// The traffic of an hourly CSV's groups: the CSV keeps hours, not seconds.
bool sameTraffic(const std::vector<UsageGroup> &a, const std::vector<UsageGroup> &b) {
  if (a.size() != b.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].key != b[i].key || a[i].model != b[i].model || a[i].tier != b[i].tier ||
        !(a[i].totals == b[i].totals) || a[i].hourly != b[i].hourly)
      return false;
  return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, std::size_t size) {
  static const RateCard card = builtinRateCard();
  const InputFile file =
      bwi::fuzz::scratch().write("invocations.jsonl", bwi::fuzz::asText(data, size));

  InvocationLogOptions whole;
  whole.threads = 1;
  const UsageImport imported = importInvocationLogs({file}, card, whole);
  bwi::fuzz::checkTally(imported.tally, imported.failure);

  // Blocks of 61 bytes on two threads: most records start in one block and
  // end in another.
  InvocationLogOptions blocks;
  blocks.threads = 2;
  blocks.blockBytes = 61;
  const UsageImport split = importInvocationLogs({file}, card, blocks);
  BWI_FUZZ_CHECK(split.failure.has_value() == imported.failure.has_value());
  if (imported.failure)
    return 0;
  BWI_FUZZ_CHECK(bwi::fuzz::sameGroups(split.groups, imported.groups));
  BWI_FUZZ_CHECK(split.tally.lines == imported.tally.lines);
  BWI_FUZZ_CHECK(split.tally.skipped.count == imported.tally.skipped.count);
  BWI_FUZZ_CHECK(split.tally.skipped.first == imported.tally.skipped.first);

  InvocationLogOptions grouped = whole;
  grouped.groupBy = "requestMetadata.team";
  const UsageImport byTeam = importInvocationLogs({file}, card, grouped);
  bwi::fuzz::checkTally(byTeam.tally, byTeam.failure);
  BWI_FUZZ_CHECK(!byTeam.failure && byTeam.tally.lines == imported.tally.lines);

  const InputFile csv = bwi::fuzz::scratch().write("hourly.csv", hourlyCsv(imported.groups));
  const UsageImport back = importHourlyCsv({csv}, card);
  BWI_FUZZ_CHECK(!back.failure && back.tally.skipped.count == 0);
  BWI_FUZZ_CHECK(sameTraffic(back.groups, imported.groups));

  std::vector<std::string> warnings;
  bwi::fuzz::checkImportedScenario(scenarioFromUsage(imported.groups, card, "fuzz", warnings),
                                   card);
  return 0;
}
