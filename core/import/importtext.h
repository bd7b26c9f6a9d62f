#pragma once

#include "core/import/billimport.h"
#include "core/import/measuredsizing.h"
#include "core/import/pricelist.h"
#include "core/import/reconcile.h"
#include "core/import/usageimport.h"

#include <string>
#include <vector>

// The readable reports of the imports, shared by the command line and the
// import dialog: what was read and skipped, the groups, the sizing, the
// price-list diff and the reconciliation. Money in USD, tokens as counts.
namespace bwi::core {

std::string usageImportText(const UsageImport &imported,
                            const std::vector<MeasuredSizing> &sizings);
std::string billImportText(const BillImport &bill);
std::string priceListImportText(const PriceListImport &imported);
std::string reconciliationText(const Reconciliation &result, const std::string &scenarioName,
                               const std::string &billName, const ImportTally &billTally);

} // namespace bwi::core
