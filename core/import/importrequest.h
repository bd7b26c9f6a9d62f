#pragma once

#include "core/import/billimport.h"
#include "core/import/importtally.h"
#include "core/import/measuredsizing.h"
#include "core/import/pricelist.h"
#include "core/import/usageimport.h"
#include "core/model/ratecard.h"

#include <optional>
#include <string>
#include <vector>

// One import of any kind, as the command line and the import dialog ask for
// it: the files, the options, and what came back.
namespace bwi::core {

struct ImportRequest {
  ImportKind kind = ImportKind::InvocationLogs;
  std::vector<std::string> paths; // files and folders
  // Invocation logs: a dotted path into each record; bills: principal,
  // principal-arn or tag:KEY (billimport.h).
  std::optional<std::string> groupBy;
  std::optional<std::string> queriesPath; // CloudWatch: the --metric-data-queries JSON
  double floorPercentile = 0.10;          // CloudWatch sizing, of the hourly load
  unsigned threads = 0;                   // 0: one per hardware thread
  std::string region;                     // price list: the card's region; empty: see pricelist.h
};

struct ImportOutcome {
  ImportKind kind = ImportKind::InvocationLogs;
  std::optional<ImportFailure> failure;
  UsageImport usage;                  // invocation-logs, cloudwatch, hourly-csv
  std::vector<MeasuredSizing> sizing; // cloudwatch
  BillImport bill;                    // cur, focus
  PriceListImport priceList;          // pricelist
  const ImportTally &tally() const;
};

// `card` normalizes model ids (and is the current card a price list is
// compared with). Safe to run off the GUI thread; `control` may be null.
ImportOutcome runImport(const ImportRequest &request, const RateCard &card,
                        ImportControl *control = nullptr);

} // namespace bwi::core
