#include "core/import/billactuals.h"

#include "core/import/inputfiles.h"

namespace bwi::core {

ActualSpend actualSpendOf(const BillImport &bill) {
  ActualSpend spend;
  spend.discountUsd = bill.discountUsd;
  spend.lines.reserve(bill.groups.size());
  // The groups carry no show-back key yet: every line is "", so only the
  // by-model view applies (planVsActual says so for by team).
  for (const BillGroup &group : bill.groups)
    spend.lines.push_back(
        {group.month, group.model, group.usage, std::string(), group.costUsd, group.tokens});
  return spend;
}

BillActuals readBillActuals(const std::vector<std::string> &paths, const RateCard &card,
                            ImportControl *control, const BillReadOptions &options) {
  BillActuals result;
  std::string error;
  const auto files = expandInputFiles(paths, error);
  if (!files) {
    result.error = error;
    return result;
  }
  std::optional<ImportKind> kind;
  for (const InputFile &file : *files)
    if ((kind = billKindOf(file)))
      break;
  if (!kind) {
    result.error = (paths.empty() ? std::string("no file") : paths.front()) +
                   ": not a bill: expected a CUR 2.0 or FOCUS 1.x CSV export";
    return result;
  }
  result.kind = *kind;
  const BillImport bill = importBill(*kind, *files, card, control, options);
  if (bill.failure) {
    result.error = bill.failure->message;
    return result;
  }
  result.tally = bill.tally;
  result.bedrockCostUsd = bill.bedrockCostUsd;
  result.spend = actualSpendOf(bill);
  return result;
}

} // namespace bwi::core
