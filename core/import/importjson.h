#pragma once

#include "core/common/jsonreader.h"
#include "core/import/billimport.h"
#include "core/import/importtally.h"
#include "core/import/measuredsizing.h"
#include "core/import/pricelist.h"
#include "core/import/usagegroups.h"

#include <vector>

// The `import --json` object of docs/importing.md: {"kind", "files", "lines",
// "skipped_lines", "skipped" (the first 20), "groups", "warnings"}.
namespace bwi::core {

Json importHeaderToJson(ImportKind kind, const ImportTally &tally);

// A usage group: key, model, tier, requests, the four token sums, hours
// with traffic, first and last (ISO 8601); where the source has each
// request (invocation logs), also p50/p95 per request of each token kind.
Json usageGroupToJson(const UsageGroup &group);

// Indented text of an import's JSON; bytes of the inputs that are not UTF-8
// (quoted in reasons, names from CSV files) print as U+FFFD.
std::string importJsonText(const Json &json);

Json usageImportToJson(ImportKind kind, const ImportTally &tally,
                       const std::vector<UsageGroup> &groups);

// A bill group: model, usage, tier, month, cost_usd, tokens; with the
// top-level bedrock_cost_usd and discount_usd.
Json billImportToJson(ImportKind kind, const BillImport &bill);

Json measuredSizingToJson(const MeasuredSizing &sizing);

// The price-list import: the diff as groups {model, change, field, old, new,
// note} and the new card's as_of.
Json priceListImportToJson(const PriceListImport &imported);

} // namespace bwi::core
