#pragma once

#include "core/import/importtally.h"
#include "core/import/inputfiles.h"
#include "core/model/ratecard.h"

#include <optional>
#include <string>
#include <vector>

// Bedrock spend from AWS bills: CUR 2.0 (and legacy CUR column names) and
// FOCUS 1.x CSV exports, plain or gzip. Amazon Bedrock rows and the
// Marketplace "… (Amazon Bedrock Edition)" model rows become monthly spend
// per model, usage kind and tier.
namespace bwi::core {

struct BillGroup {
  std::string model; // the rate card's id, or the product name where no card model matches
  std::string usage; // input, output, cache_read, cache_write, provisioned, reserved, other
  std::string tier;  // standard, batch, flex, priority, latency-optimized, reserved
  std::string month; // YYYY-MM
  double costUsd = 0;
  double tokens = 0; // token kinds only, in tokens (normalized from 1K / 1M pricing units)
};

struct BillImport {
  std::optional<ImportFailure> failure;
  ImportTally tally;
  std::vector<BillGroup> groups; // sorted by month, model, usage, tier
  double bedrockCostUsd = 0;     // usage charges, Marketplace model editions included
  double discountUsd = 0;        // EDP and other discounts on Bedrock, as a positive amount
};

struct BillReadOptions {
  unsigned threads = 0; // 0: one per hardware thread
  // A plain file this large is read in blocks on several threads (a block
  // that begins inside a quoted value sends the file back to one pass).
  std::uint64_t parallelFromBytes = 32u << 20;
};

// `kind` is ImportKind::Cur or ImportKind::Focus.
BillImport importBill(ImportKind kind, const std::vector<InputFile> &files, const RateCard &card,
                      ImportControl *control = nullptr, const BillReadOptions &options = {});

// Tells a CUR from a FOCUS export by its header; nullopt for neither.
std::optional<ImportKind> billKindOf(const InputFile &file);

} // namespace bwi::core
