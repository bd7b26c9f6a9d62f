#include "core/import/billactuals.h"

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

} // namespace bwi::core
