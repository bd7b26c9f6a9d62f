#include "core/import/billimport.h"

#include "core/import/csvreader.h"
#include "core/import/filekind.h"
#include "core/import/invocationlogs.h"
#include "core/import/modelidentity.h"
#include "core/import/usagetype.h"

#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <thread>
#include <tuple>
#include <unordered_map>

namespace bwi::core {
namespace {

namespace dom = simdjson::dom;

constexpr std::size_t kNoColumn = static_cast<std::size_t>(-1);

bool isBedrockCode(std::string_view code) {
  return code == "AmazonBedrock" || code == "AmazonBedrockService" ||
         code == "AmazonBedrockFoundationModels";
}

// "lineItem/UsageType" (legacy CUR) → "line_item_usage_type" (CUR 2.0).
std::string snakeColumn(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (c == '/') {
      out += '_';
    } else if (std::isupper(static_cast<unsigned char>(c))) {
      if (i > 0 && name[i - 1] != '/' && !std::isupper(static_cast<unsigned char>(name[i - 1])))
        out += '_';
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<double> parseAmount(std::string_view text) {
  while (!text.empty() && text.front() == ' ')
    text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ')
    text.remove_suffix(1);
  if (text.empty())
    return 0.0;
  if (text.front() == '+')
    text.remove_prefix(1);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

// Tokens in one pricing unit: "1K tokens", "1M tokens", "Units" (Marketplace: 1M).
double tokensPerUnit(std::string_view unit, bool marketplace) {
  std::string text(unit);
  for (char &c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (text.find("1m") != std::string::npos || text.find("million") != std::string::npos)
    return 1e6;
  if (text.find("1k") != std::string::npos || text.find("thousand") != std::string::npos)
    return 1e3;
  if (text == "tokens" || text == "token")
    return 1;
  return marketplace ? 1e6 : 1e3;
}

// "product_name":"Claude Sonnet 4.5 (Amazon Bedrock Edition)" inside CUR 2.0's product map.
std::string_view productNameInMap(std::string_view map) {
  constexpr std::string_view kKey = "\"product_name\"";
  const std::size_t at = map.find(kKey);
  if (at == std::string_view::npos)
    return {};
  const std::size_t open = map.find('"', map.find(':', at + kKey.size()));
  if (open == std::string_view::npos)
    return {};
  const std::size_t close = map.find('"', open + 1);
  return close == std::string_view::npos ? std::string_view{}
                                         : map.substr(open + 1, close - open - 1);
}

struct Columns {
  std::size_t count = 0;
  // Shared meaning, CUR name / FOCUS name.
  std::size_t usageType = kNoColumn, productCode = kNoColumn, serviceCode = kNoColumn,
              productName = kNoColumn, productMap = kNoColumn, lineType = kNoColumn,
              amount = kNoColumn, cost = kNoColumn, listCost = kNoColumn, unit = kNoColumn,
              start = kNoColumn, periodStart = kNoColumn, description = kNoColumn,
              billingEntity = kNoColumn;
  // Show-back: the caller, the tag maps, a legacy column of the asked tag.
  std::size_t principal = kNoColumn, tags = kNoColumn, resourceTags = kNoColumn,
              tagColumn = kNoColumn;
};

struct Reading {
  std::string missing; // required columns not in the header
  Columns columns;
};

Reading mapColumns(ImportKind kind, const std::vector<std::string> &header,
                   const std::optional<BillGrouping> &grouping) {
  Reading reading;
  Columns &c = reading.columns;
  c.count = header.size();
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < header.size(); ++i)
    index.emplace(kind == ImportKind::Cur ? snakeColumn(header[i]) : header[i], i);
  const auto find = [&](const char *name) {
    const auto found = index.find(name);
    return found == index.end() ? kNoColumn : found->second;
  };
  const auto require = [&](std::size_t column, const char *name) {
    if (column == kNoColumn)
      reading.missing += std::string(reading.missing.empty() ? "" : ", ") + name;
  };
  if (kind == ImportKind::Cur) {
    c.usageType = find("line_item_usage_type");
    c.productCode = find("line_item_product_code");
    c.serviceCode = find("product_servicecode");
    c.productName = find("product_product_name");
    c.productMap = find("product");
    c.lineType = find("line_item_line_item_type");
    c.amount = find("line_item_usage_amount");
    c.cost = find("line_item_unblended_cost");
    c.unit = find("pricing_unit");
    c.start = find("line_item_usage_start_date");
    c.periodStart = find("bill_billing_period_start_date");
    c.description = find("line_item_line_item_description");
    c.billingEntity = find("bill_billing_entity");
    c.principal = find("line_item_iam_principal");
    c.tags = find("tags");
    c.resourceTags = find("resource_tags");
    if (grouping && grouping->by == BillGrouping::By::Tag)
      // Legacy CUR: one column a tag, "resourceTags/user:team".
      for (const std::string_view prefix :
           {"resource_tags_user:", "resource_tags_aws:", "resource_tags_"})
        if (c.tagColumn == kNoColumn)
          c.tagColumn = find((std::string(prefix) + grouping->tag).c_str());
    require(c.usageType, "line_item_usage_type");
    require(c.productCode, "line_item_product_code");
    require(c.amount, "line_item_usage_amount");
    require(c.cost, "line_item_unblended_cost");
    if (c.start == kNoColumn && c.periodStart == kNoColumn)
      require(kNoColumn, "line_item_usage_start_date");
  } else {
    c.usageType = find("x_UsageType");
    c.serviceCode = find("x_ServiceCode");
    c.productName = find("ServiceName");
    c.lineType = find("ChargeCategory");
    c.amount = find("ConsumedQuantity");
    if (c.amount == kNoColumn)
      c.amount = find("PricingQuantity");
    c.cost = find("BilledCost");
    c.listCost = find("ListCost");
    c.unit = find("ConsumedUnit");
    if (c.unit == kNoColumn)
      c.unit = find("PricingUnit");
    c.start = find("ChargePeriodStart");
    c.periodStart = find("BillingPeriodStart");
    c.description = find("ChargeDescription");
    c.tags = find("Tags");
    c.billingEntity = find("ProviderName");
    require(c.lineType, "ChargeCategory");
    require(c.cost, "BilledCost");
    require(c.productName, "ServiceName");
    if (c.start == kNoColumn && c.periodStart == kNoColumn)
      require(kNoColumn, "ChargePeriodStart");
  }
  return reading;
}

std::string expectedColumns(ImportKind kind) {
  return kind == ImportKind::Cur
             ? "a CUR 2.0 CSV export (columns line_item_usage_type, line_item_product_code, "
               "line_item_usage_amount, line_item_unblended_cost, line_item_usage_start_date, …)"
             : "a FOCUS 1.x CSV export (columns ChargeCategory, ServiceName, BilledCost, "
               "ConsumedQuantity, ChargePeriodStart, x_UsageType, …)";
}

bool looksLikeFocus(const std::vector<std::string> &header) {
  return std::find(header.begin(), header.end(), "ChargeCategory") != header.end();
}

bool looksLikeCur(const std::vector<std::string> &header) {
  for (const std::string &name : header)
    if (snakeColumn(name) == "line_item_usage_type")
      return true;
  return false;
}

struct GroupKey {
  std::string month;
  std::optional<std::string> key;
  std::string model, usage, tier;
  bool operator<(const GroupKey &other) const {
    return std::tie(month, key, model, usage, tier) <
           std::tie(other.month, other.key, other.model, other.usage, other.tier);
  }
};

// The value of `key` in a JSON object of strings (CUR 2.0's map columns,
// FOCUS Tags); nullopt when absent or the text is no such object ("NULL").
class TagMaps {
public:
  std::optional<std::string_view> find(std::string_view json, std::string_view key) {
    // Rows of one principal repeat one map: parse each text once in a row.
    if (!m_seen || json != m_lastText) {
      m_seen = true;
      m_lastText.assign(json);
      m_padded.assign(json);
      m_padded.append(simdjson::SIMDJSON_PADDING, '\0');
      m_parsed = !m_parser.parse(m_padded.data(), json.size(), false).get(m_object);
    }
    if (!m_parsed)
      return std::nullopt;
    std::string_view value;
    for (const dom::key_value_pair member : m_object)
      if (member.key == key && !member.value.get_string().get(value))
        return value;
    return std::nullopt;
  }

private:
  std::string m_lastText, m_padded;
  simdjson::dom::parser m_parser;
  simdjson::dom::object m_object;
  bool m_parsed = false, m_seen = false;
};

class BillReader {
public:
  BillReader(ImportKind kind, const RateCard &card, BillImport &result,
             const std::optional<BillGrouping> &grouping)
      : m_kind(kind), m_card(card), m_result(result), m_grouping(grouping) {}

  // nullopt when read; a failure for a file of the wrong kind.
  std::optional<ImportFailure> readFile(const InputFile &file, ImportControl *control,
                                        const BillReadOptions &options) {
    const std::string head = fileHead(file, 4096);
    if (isParquet(head))
      return ImportFailure{file.display + ": " + kParquetAdvice};
    CsvReader reader(file);
    if (!reader.next()) {
      if (!reader.ok())
        return ImportFailure{file.display + ": " + reader.error()};
      ++m_result.tally.files;
      return std::nullopt; // an empty file
    }
    const std::vector<std::string> header = csvHeader(reader.fields());
    const Reading reading = mapColumns(m_kind, header, m_grouping);
    if (!reading.missing.empty()) {
      std::string message = file.display + ": not " + expectedColumns(m_kind);
      if (m_kind == ImportKind::Cur && looksLikeFocus(header))
        message += "; missing " + reading.missing +
                   " (this looks like a FOCUS export: use `import focus`)";
      else if (m_kind == ImportKind::Focus && looksLikeCur(header))
        message +=
            "; missing " + reading.missing + " (this looks like a CUR export: use `import cur`)";
      else if (header.size() < 3)
        message += ": this is " + describeFileHead(head); // no CSV header at all
      else
        message += "; missing " + reading.missing + "; this is " + describeFileHead(head);
      return ImportFailure{message};
    }
    noteGrouping(file, reading.columns);
    ++m_result.tally.files;
    const unsigned threads =
        options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    const std::uint64_t headerEnd = reader.rowEndOffset();
    if (!file.gzip && threads > 1 && file.bytes > headerEnd &&
        file.bytes - headerEnd >= options.parallelFromBytes) {
      bool done = false;
      if (auto failure =
              readParallel(file, reading, headerEnd, reader.linesRead(), threads, control, done))
        return failure;
      if (done)
        return std::nullopt;
      // A block began inside a quoted value (a line break in it): read in one pass.
    }
    return readRows(reader, reading, file, control, 0);
  }

  // The rows after the header; skipped lines are numbered from `lineBase`.
  std::optional<ImportFailure> readRows(CsvReader &reader, const Reading &reading,
                                        const InputFile &file, ImportControl *control,
                                        std::uint64_t lineBase) {
    std::uint64_t reported = 0, rows = 0;
    while (reader.next()) {
      if (control && (++rows & 4095) == 0) {
        if (control->cancelled())
          return ImportFailure{"import cancelled", true};
        control->bytesDone += reader.bytesConsumed() - reported;
        reported = reader.bytesConsumed();
      }
      const auto &fields = reader.fields();
      if (fields.size() == 1 && fields[0].empty())
        continue; // a blank line
      ++m_result.tally.lines;
      std::string reason;
      if (fields.size() != reading.columns.count)
        reason = "expected " + std::to_string(reading.columns.count) + " columns, found " +
                 std::to_string(fields.size());
      else
        row(fields, reading.columns, reason);
      if (!reason.empty())
        m_result.tally.skipped.add({file.display, lineBase + reader.line(), reason});
    }
    if (control)
      control->bytesDone += reader.bytesConsumed() - reported;
    if (!reader.ok())
      m_result.tally.skipped.add({file.display, lineBase + reader.line() + 1, reader.error()});
    return std::nullopt;
  }

  // Blocks of a plain file on several threads, each cut after a line break
  // and read as if it began outside quotes; `done` stays false (and nothing
  // is counted) when the quotes before a block are odd in number, i.e. the
  // cut fell inside a quoted value.
  std::optional<ImportFailure> readParallel(const InputFile &file, const Reading &reading,
                                            std::uint64_t headerEnd, std::uint64_t headerLines,
                                            unsigned threads, ImportControl *control, bool &done) {
    std::vector<std::uint64_t> starts{headerEnd};
    const std::uint64_t span = file.bytes - headerEnd;
    for (unsigned k = 1; k < threads; ++k) {
      const auto cut = lineStartAtOrAfter(file, headerEnd + span * k / threads);
      if (cut && *cut > starts.back() && *cut < file.bytes)
        starts.push_back(*cut);
    }
    struct Block {
      BillImport partial;
      std::unique_ptr<BillReader> reader;
      std::uint64_t lines = 0, quotes = 0;
      std::optional<ImportFailure> failure;
    };
    std::vector<Block> blocks(starts.size());
    std::vector<std::thread> pool;
    for (std::size_t k = 0; k < starts.size(); ++k) {
      blocks[k].reader =
          std::make_unique<BillReader>(m_kind, m_card, blocks[k].partial, m_grouping);
      const std::uint64_t end = k + 1 < starts.size() ? starts[k + 1] : file.bytes;
      pool.emplace_back([&, k, end] {
        CsvReader reader(file, starts[k], end - starts[k]);
        blocks[k].failure = blocks[k].reader->readRows(reader, reading, file, control, 0);
        blocks[k].lines = reader.linesRead();
        blocks[k].quotes = reader.quotesSeen();
      });
    }
    for (std::thread &thread : pool)
      thread.join();
    std::uint64_t quotes = 0;
    for (Block &block : blocks) {
      if (block.failure)
        return block.failure;
      if (quotes % 2 != 0)
        return std::nullopt;
      quotes += block.quotes;
    }
    std::uint64_t lineBase = headerLines;
    for (Block &block : blocks) {
      absorb(*block.reader, block.partial, lineBase);
      lineBase += block.lines;
    }
    done = true;
    return std::nullopt;
  }

  // The offset just after the first line break at or after `offset - 1`.
  static std::optional<std::uint64_t> lineStartAtOrAfter(const InputFile &file,
                                                         std::uint64_t offset) {
    ChunkReader reader(file, offset - 1, file.bytes - (offset - 1));
    std::vector<char> buffer(1u << 16);
    std::uint64_t at = offset - 1;
    for (;;) {
      const std::size_t got = reader.read(buffer.data(), buffer.size());
      if (got == 0)
        return std::nullopt;
      if (const auto *newline = static_cast<const char *>(std::memchr(buffer.data(), '\n', got)))
        return at + static_cast<std::uint64_t>(newline - buffer.data()) + 1;
      at += got;
    }
  }

  void absorb(BillReader &other, const BillImport &partial, std::uint64_t lineBase) {
    for (const auto &[key, totals] : other.m_groups) {
      auto &mine = m_groups[key];
      mine.first += totals.first;
      mine.second += totals.second;
    }
    m_result.tally.lines += partial.tally.lines;
    for (SkippedLine skipped : partial.tally.skipped.first) {
      skipped.line += lineBase;
      m_result.tally.skipped.add(std::move(skipped));
    }
    m_result.tally.skipped.count +=
        partial.tally.skipped.count - partial.tally.skipped.first.size();
    m_result.bedrockCostUsd += partial.bedrockCostUsd;
    m_result.discountUsd += partial.discountUsd;
  }

  void finish() {
    for (auto &[key, totals] : m_groups)
      m_result.groups.push_back({key.key, key.model, key.usage, key.tier, key.month,
                                 m_card.find(key.model) != nullptr, totals.first, totals.second});
    if (m_grouping && m_grouping->by == BillGrouping::By::Tag && !m_result.groups.empty() &&
        std::none_of(m_result.groups.begin(), m_result.groups.end(),
                     [](const BillGroup &group) { return group.key.has_value(); }))
      m_result.tally.warnings.push_back("no Bedrock row has the tag " + m_grouping->tag +
                                        ": activate it as a cost-allocation tag in Billing "
                                        "(tags appear from the day they are active)");
  }

private:
  static std::string_view field(const std::vector<std::string_view> &fields, std::size_t column) {
    return column == kNoColumn ? std::string_view{} : fields[column];
  }

  void row(const std::vector<std::string_view> &fields, const Columns &c, std::string &reason) {
    const std::string_view usageType = field(fields, c.usageType);
    const std::string_view code = field(fields, c.productCode);
    const std::string_view serviceCode = field(fields, c.serviceCode);
    std::string_view productName = field(fields, c.productName);
    if (productName.empty())
      productName = productNameInMap(field(fields, c.productMap));
    const bool marketplaceType = usageType.find("MP:") != std::string_view::npos;
    const bool bedrockName = productName.find("Bedrock") != std::string_view::npos;
    if (!isBedrockCode(code) && !isBedrockCode(serviceCode) && !bedrockName) {
      if (!marketplaceType)
        return; // not Bedrock
      if (!isTokenUsage(parseUsageType(usageType).usage))
        return; // another Marketplace product
    }
    const std::string_view lineType = field(fields, c.lineType);
    const auto cost = parseAmount(field(fields, c.cost));
    if (!cost) {
      reason = "cost \"" + std::string(field(fields, c.cost)) + "\" is not a number";
      return;
    }
    if (m_kind == ImportKind::Cur) {
      if (lineType.find("Discount") != std::string_view::npos) {
        m_result.discountUsd -= *cost;
        return;
      }
      if (!lineType.empty() && lineType != "Usage" && lineType != "DiscountedUsage" &&
          lineType != "SavingsPlanCoveredUsage")
        return; // tax, credits, fees: not usage charges
    } else {
      if (lineType == "Credit") {
        m_result.discountUsd -= *cost;
        return;
      }
      if (lineType != "Usage")
        return;
    }
    const auto amount = parseAmount(field(fields, c.amount));
    if (!amount) {
      reason = "usage amount \"" + std::string(field(fields, c.amount)) + "\" is not a number";
      return;
    }
    if (*amount < 0) {
      reason = "negative usage amount (" + std::string(field(fields, c.amount)) + ")";
      return;
    }
    if (*cost < 0) {
      reason = "negative cost on a usage line (" + std::string(field(fields, c.cost)) + ")";
      return;
    }
    // Beyond these a row is corrupt, and sums of such rows stop being numbers.
    if (*amount > 1e15 || *cost > 1e12) {
      reason = "implausibly large usage amount or cost";
      return;
    }
    double listed = *cost;
    if (m_kind == ImportKind::Focus && c.listCost != kNoColumn && !fields[c.listCost].empty()) {
      const auto list = parseAmount(fields[c.listCost]);
      if (!list) {
        reason = "ListCost \"" + std::string(fields[c.listCost]) + "\" is not a number";
        return;
      }
      // FOCUS bills the negotiated rate; the gap to the list price is the
      // discount. A row billed above its ListCost (FOCUS writes 0 where it
      // has no list price) counts what it billed as its list cost: a
      // discount is never negative, and list cost less discount stays what
      // was billed.
      listed = std::max(*list, *cost);
      m_result.discountUsd += listed - *cost;
    }
    std::string_view start = field(fields, c.start);
    if (start.size() < 7)
      start = field(fields, c.periodStart);
    if (start.size() < 7 || start[4] != '-') {
      reason = "no usage date (line_item_usage_start_date / ChargePeriodStart)";
      return;
    }
    // Rows repeat a few usage types: resolve each (usage type, product,
    // unit, month, key) once and keep where its sums go.
    const std::string_view unit = field(fields, c.unit);
    const std::string_view month = start.substr(0, 7);
    const std::optional<std::string_view> rowKey = keyOf(fields, c);
    m_scratch.clear();
    for (std::string_view part : {usageType, productName, code, unit, month}) {
      m_scratch += part;
      m_scratch += '\x1f';
    }
    if (rowKey) {
      m_scratch += '1';
      m_scratch += *rowKey;
    }
    auto resolved = m_resolved.find(m_scratch);
    if (resolved == m_resolved.end()) {
      const UsageTypeParts parts = parseUsageType(usageType);
      GroupKey key;
      key.month = std::string(month);
      if (rowKey)
        key.key = std::string(*rowKey);
      key.usage = parts.usage;
      key.tier = parts.tier;
      key.model = modelOf(parts, productName, code);
      const double perUnit = isTokenUsage(parts.usage)
                                 ? tokensPerUnit(unit, parts.marketplace || marketplaceType)
                                 : 0.0;
      resolved = m_resolved.emplace(m_scratch, Resolved{&m_groups[key], perUnit}).first;
    }
    resolved->second.totals->first += listed;
    resolved->second.totals->second += *amount * resolved->second.tokensPerUnit;
    m_result.bedrockCostUsd += listed;
  }

  // The row's show-back key; nullopt where it has none or none was asked for.
  std::optional<std::string_view> keyOf(const std::vector<std::string_view> &fields,
                                        const Columns &c) {
    if (!m_grouping)
      return std::nullopt;
    std::optional<std::string_view> key;
    if (m_grouping->by != BillGrouping::By::Tag) {
      const std::string_view arn = field(fields, c.principal);
      if (!arn.empty())
        key = m_grouping->by == BillGrouping::By::Principal ? roleOfArn(arn) : arn;
    } else if (const std::string_view direct = field(fields, c.tagColumn); !direct.empty()) {
      key = direct;
    } else {
      const std::string &tag = m_grouping->tag;
      for (const std::size_t column : {c.tags, c.resourceTags}) {
        const std::string_view map = field(fields, column);
        if (map.size() < 2 || map.front() != '{')
          continue;
        // CUR 2.0 writes user tags in resource_tags as "user_KEY".
        for (const std::string &name : {tag, "user_" + tag, "user:" + tag})
          if (!key)
            key = m_tagMaps.find(map, name);
        if (key)
          break;
      }
    }
    if (key && key->empty())
      key.reset();
    return key;
  }

  // Warnings where the export cannot give the asked grouping.
  void noteGrouping(const InputFile &file, const Columns &c) {
    if (!m_grouping || m_grouping->by == BillGrouping::By::Tag || c.principal != kNoColumn)
      return;
    m_result.tally.warnings.push_back(
        file.display +
        (m_kind == ImportKind::Cur
             ? ": no line_item_iam_principal column: include caller identity (IAM principal) in "
               "the CUR 2.0 Data Export to group by principal"
             : ": a FOCUS export has no IAM principal column: group by a tag of the principal "
               "instead (--group-by tag:iamPrincipal/team, from Tags)"));
  }

  std::string modelOf(const UsageTypeParts &parts, std::string_view productName,
                      std::string_view code) {
    const std::string_view edition = stripMarketplaceEdition(productName);
    const bool isEdition = edition.size() != productName.size();
    // The code is part of the key: with neither a model name nor an edition
    // the code names the model, and rows of two products must not share one.
    std::string cacheKey = std::string(parts.modelName) + '\x1f' + std::string(edition) + '\x1f' +
                           std::string(code) + (parts.global ? "\x1fg" : "");
    if (const auto found = m_models.find(cacheKey); found != m_models.end())
      return found->second;
    std::string model;
    if (!parts.modelName.empty())
      model = matchModelName(parts.modelName, parts.global, m_card);
    if (model.empty() && isEdition)
      model = matchModelName(edition, parts.global, m_card);
    if (model.empty())
      model = !parts.modelName.empty() ? parts.modelName
              : !edition.empty()       ? std::string(edition)
                                       : std::string(code);
    m_models.emplace(std::move(cacheKey), model);
    return model;
  }

  ImportKind m_kind;
  const RateCard &m_card;
  BillImport &m_result;
  std::optional<BillGrouping> m_grouping;
  TagMaps m_tagMaps;
  struct Resolved {
    std::pair<double, double> *totals; // in m_groups, whose nodes do not move
    double tokensPerUnit;              // 0 for kinds that are not tokens
  };
  struct TransparentHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  std::map<GroupKey, std::pair<double, double>> m_groups; // cost USD, tokens
  std::map<std::string, std::string> m_models;
  std::unordered_map<std::string, Resolved, TransparentHash, std::equal_to<>> m_resolved;
  std::string m_scratch;
};

// What the rows of bills hold, Bedrock or not: providers, services and months.
BillContents summarizeBill(ImportKind kind, const std::vector<InputFile> &files,
                           ImportControl *control) {
  BillContents contents;
  for (const InputFile &file : files) {
    CsvReader reader(file);
    if (!reader.next())
      continue;
    const std::vector<std::string> header = csvHeader(reader.fields());
    const Reading reading = mapColumns(kind, header, std::nullopt);
    if (!reading.missing.empty())
      continue;
    const Columns &c = reading.columns;
    const std::size_t service = kind == ImportKind::Cur
                                    ? (c.productName != kNoColumn   ? c.productName
                                       : c.serviceCode != kNoColumn ? c.serviceCode
                                                                    : c.productCode)
                                    : c.productName;
    std::uint64_t rows = 0;
    while (reader.next()) {
      if (control && (++rows & 4095) == 0 && control->cancelled())
        return contents;
      const auto &fields = reader.fields();
      if (fields.size() != c.count)
        continue;
      ++contents.rows;
      const auto field = [&](std::size_t column) {
        return column == kNoColumn ? std::string_view{} : fields[column];
      };
      std::string_view provider = field(c.billingEntity);
      if (provider.empty() || provider == "NULL")
        provider = kind == ImportKind::Cur ? "AWS" : "(no provider)";
      ++contents.providers[std::string(provider)];
      std::string_view name = field(service);
      if ((name.empty() || name == "NULL") && kind == ImportKind::Cur)
        name = field(c.productCode);
      BillContents::Service &each = contents.services[std::string(name.empty() ? "(none)" : name)];
      ++each.rows;
      if (const auto cost = parseAmount(field(c.cost)))
        each.costUsd += *cost;
      std::string_view start = field(c.start);
      if (start.size() < 7)
        start = field(c.periodStart);
      if (start.size() >= 7 && start[4] == '-')
        contents.months.emplace(start.substr(0, 7));
    }
  }
  return contents;
}

std::string money(double usd) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "$%.2f", usd);
  return buffer;
}

std::string noBedrockText(const BillContents &contents) {
  std::string text = "no Bedrock charges in these files (no Bedrock product code, service or "
                     "Marketplace model edition). They hold " +
                     std::to_string(contents.rows) + " rows";
  if (!contents.providers.empty()) {
    text += " from ";
    std::size_t i = 0;
    for (const auto &[provider, rows] : contents.providers)
      text += (i++ ? ", " : "") + provider + " (" + std::to_string(rows) + ")";
  }
  if (!contents.months.empty())
    text += contents.months.size() == 1
                ? " for " + *contents.months.begin()
                : " for " + *contents.months.begin() + " to " + *contents.months.rbegin();
  if (!contents.services.empty()) {
    std::vector<std::pair<std::string, BillContents::Service>> services(contents.services.begin(),
                                                                        contents.services.end());
    std::stable_sort(services.begin(), services.end(), [](const auto &a, const auto &b) {
      return a.second.costUsd > b.second.costUsd;
    });
    text += "; " + std::to_string(services.size()) + " services, the costliest: ";
    for (std::size_t i = 0; i < std::min<std::size_t>(5, services.size()); ++i)
      text += (i ? ", " : "") + services[i].first + " " + money(services[i].second.costUsd) + " (" +
              std::to_string(services[i].second.rows) +
              (services[i].second.rows == 1 ? " row)" : " rows)");
  }
  return text;
}

} // namespace

std::optional<ImportKind> billKindOf(const InputFile &file) {
  CsvReader reader(file);
  if (!reader.next())
    return std::nullopt;
  const std::vector<std::string> header = csvHeader(reader.fields());
  if (looksLikeFocus(header))
    return ImportKind::Focus;
  if (looksLikeCur(header))
    return ImportKind::Cur;
  return std::nullopt;
}

std::vector<BillKeyTotal> billKeyTotals(const BillImport &bill) {
  std::map<std::pair<std::string, std::optional<std::string>>, BillKeyTotal> byKey;
  std::map<std::string, double> monthTotals;
  for (const BillGroup &group : bill.groups) {
    BillKeyTotal &total = byKey[{group.month, group.key}];
    total.month = group.month;
    total.key = group.key;
    total.costUsd += group.costUsd;
    total.tokens += group.tokens;
    monthTotals[group.month] += group.costUsd;
  }
  std::vector<BillKeyTotal> totals;
  for (auto &[key, total] : byKey) {
    const double month = monthTotals[total.month];
    total.share = month > 0 ? total.costUsd / month : 0;
    totals.push_back(std::move(total));
  }
  std::stable_sort(totals.begin(), totals.end(), [](const auto &a, const auto &b) {
    return a.month != b.month ? a.month < b.month : a.costUsd > b.costUsd;
  });
  return totals;
}

std::optional<BillGrouping> parseBillGrouping(std::string_view text, std::string &error) {
  BillGrouping grouping;
  if (text == "principal") {
    grouping.by = BillGrouping::By::Principal;
  } else if (text == "principal-arn") {
    grouping.by = BillGrouping::By::PrincipalArn;
  } else if (text.starts_with("tag:") && text.size() > 4) {
    grouping.by = BillGrouping::By::Tag;
    grouping.tag = std::string(text.substr(4));
  } else {
    error = "a bill groups by principal, principal-arn or tag:KEY (tag:iamPrincipal/team), got \"" +
            std::string(text) + "\"";
    return std::nullopt;
  }
  return grouping;
}

BillImport importBill(ImportKind kind, const std::vector<InputFile> &files, const RateCard &card,
                      ImportControl *control, const BillReadOptions &options) {
  BillImport result;
  std::optional<BillGrouping> grouping;
  if (options.groupBy) {
    std::string error;
    if (!(grouping = parseBillGrouping(*options.groupBy, error))) {
      result.failure = ImportFailure{error};
      return result;
    }
    result.groupBy = options.groupBy;
  }
  if (control)
    for (const InputFile &file : files)
      control->bytesTotal += file.bytes;
  BillReader reader(kind, card, result, grouping);
  for (const InputFile &file : files) {
    if (auto failure = reader.readFile(file, control, options)) {
      if (!failure->cancelled && file.fromFolder) {
        result.tally.warnings.push_back(failure->message + "; skipped");
        continue;
      }
      result.failure = std::move(failure);
      return result;
    }
  }
  reader.finish();
  if (result.groups.empty() && result.tally.files > 0 && !(control && control->cancelled())) {
    // Nothing of Bedrock: say what the files hold instead (a second pass,
    // only here, so a bill with Bedrock rows is read once).
    result.contents = summarizeBill(kind, files, control);
    result.tally.warnings.push_back(noBedrockText(*result.contents));
  }
  return result;
}

} // namespace bwi::core
