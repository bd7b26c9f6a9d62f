#pragma once

#include "core/import/importtally.h"
#include "core/import/inputfiles.h"
#include "core/model/ratecard.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// Bedrock spend from AWS bills: CUR 2.0 (and legacy CUR column names) and
// FOCUS 1.x CSV exports, plain or gzip. Amazon Bedrock rows and the
// Marketplace "… (Amazon Bedrock Edition)" model rows become monthly spend
// per model, usage kind and tier.
namespace bwi::core {

struct BillGroup {
  // The --group-by value: a principal's role or user, or a tag's value;
  // nullopt where the row has none (or no grouping was asked for).
  std::optional<std::string> key;
  std::string model;  // the rate card's id, or the product name where no card model matches
  std::string usage;  // input, output, cache_read, cache_write, provisioned, reserved, other
  std::string tier;   // standard, batch, flex, priority, latency-optimized, reserved
  std::string month;  // YYYY-MM
  bool known = false; // `model` is an id of the rate card
  double costUsd = 0;
  double tokens = 0; // token kinds only, in tokens (normalized from 1K / 1M pricing units)
};

// What a bill holds besides Bedrock, to say what a file without Bedrock
// rows is (filled only then: it takes a second pass).
struct BillContents {
  struct Service {
    std::uint64_t rows = 0;
    double costUsd = 0;
  };
  std::uint64_t rows = 0;
  std::map<std::string, std::uint64_t> providers; // rows by ProviderName / bill_billing_entity
  std::map<std::string, Service> services;        // by ServiceName / product code
  std::set<std::string> months;                   // YYYY-MM of the usage
};

struct BillImport {
  std::optional<ImportFailure> failure;
  ImportTally tally;
  std::vector<BillGroup> groups;        // sorted by month, key (null first), model, usage, tier
  double bedrockCostUsd = 0;            // usage charges, Marketplace model editions included
  double discountUsd = 0;               // EDP and other discounts on Bedrock, as a positive amount
  std::optional<std::string> groupBy;   // as asked: "principal", "principal-arn" or "tag:KEY"
  std::optional<BillContents> contents; // where the files have no Bedrock rows
};

// How a bill's Bedrock rows are grouped beside month, model, usage and
// tier (show-back): by the caller (CUR 2.0 line_item_iam_principal, as its
// role or user, or the whole ARN) or by a cost-allocation tag (CUR 2.0
// `tags` and `resource_tags`, legacy `resourceTags/user:KEY` columns,
// FOCUS `Tags`).
struct BillGrouping {
  enum class By { Principal, PrincipalArn, Tag } by = By::Principal;
  std::string tag; // By::Tag: the tag key, "iamPrincipal/team"
};

// "principal", "principal-arn" or "tag:KEY"; nullopt with a message otherwise.
std::optional<BillGrouping> parseBillGrouping(std::string_view text, std::string &error);

struct BillReadOptions {
  unsigned threads = 0; // 0: one per hardware thread
  // A plain file this large is read in blocks on several threads (a block
  // that begins inside a quoted value sends the file back to one pass).
  std::uint64_t parallelFromBytes = 32u << 20;
  std::optional<std::string> groupBy; // parseBillGrouping's text; nullopt: no key
};

// Show-back: a key's Bedrock usage charges in a month (all usage kinds).
struct BillKeyTotal {
  std::string month;
  std::optional<std::string> key;
  double costUsd = 0;
  double tokens = 0;
  double share = 0; // of the month's Bedrock usage charges, [0, 1]
};

// Every (month, key) of a grouped bill, months in order, the costliest key first.
std::vector<BillKeyTotal> billKeyTotals(const BillImport &bill);

// `kind` is ImportKind::Cur or ImportKind::Focus.
BillImport importBill(ImportKind kind, const std::vector<InputFile> &files, const RateCard &card,
                      ImportControl *control = nullptr, const BillReadOptions &options = {});

// Tells a CUR from a FOCUS export by its header; nullopt for neither.
std::optional<ImportKind> billKindOf(const InputFile &file);

} // namespace bwi::core
