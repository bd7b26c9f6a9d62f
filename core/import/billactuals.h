#pragma once

#include "core/import/billimport.h"
#include "core/model/actualspend.h"

// An imported bill as the actual side of plan against actual
// (docs/cost-model.md §17): one line per bill group, USD and tokens as billed.
namespace bwi::core {

ActualSpend actualSpendOf(const BillImport &bill);

} // namespace bwi::core
