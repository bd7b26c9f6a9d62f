#pragma once

#include "core/import/billimport.h"
#include "core/model/actualspend.h"

#include <optional>
#include <string>
#include <vector>

// An imported bill as the actual side of plan against actual
// (docs/cost-model.md §17): one line per bill group, USD and tokens as billed.
namespace bwi::core {

ActualSpend actualSpendOf(const BillImport &bill);

struct BillActuals {
  std::optional<ActualSpend> spend;
  std::string error; // why not: names the file and what was expected
  ImportKind kind = ImportKind::Cur;
  ImportTally tally;
  double bedrockCostUsd = 0; // the bill's Bedrock usage charges, all months
};

// Reads CUR 2.0 or FOCUS files (plain, gzip or folders; the kind told from
// the first file that is a bill). What the command line and the window share.
BillActuals readBillActuals(const std::vector<std::string> &paths, const RateCard &card,
                            ImportControl *control = nullptr, const BillReadOptions &options = {});

} // namespace bwi::core
