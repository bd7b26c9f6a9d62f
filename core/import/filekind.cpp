#include "core/import/filekind.h"

#include "core/import/utf8text.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace bwi::core {
namespace {

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

std::string_view firstLineOf(std::string_view text) {
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos)
    return {};
  text.remove_prefix(start);
  std::string_view line = text.substr(0, text.find('\n'));
  if (line.ends_with('\r'))
    line.remove_suffix(1);
  return line;
}

bool startsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size())
    return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i])
      return false;
  return true;
}

// A CSV header's column names, lower-cased, unquoted (a rough split: enough to tell kinds apart).
bool headerHas(std::string_view line, std::string_view column) {
  std::size_t from = 0;
  while (from <= line.size()) {
    std::size_t end = line.find(',', from);
    if (end == std::string_view::npos)
      end = line.size();
    std::string_view name = line.substr(from, end - from);
    while (!name.empty() && (name.front() == '"' || name.front() == ' '))
      name.remove_prefix(1);
    while (!name.empty() && (name.back() == '"' || name.back() == ' '))
      name.remove_suffix(1);
    if (name == column)
      return true;
    from = end + 1;
  }
  return false;
}

std::string jsonKind(std::string_view text) {
  struct Mark {
    std::string_view key;
    std::string_view kind;
  };
  // Most telling first: an Insights result embeds log records, a
  // get-products page embeds offer terms.
  constexpr std::array<Mark, 12> kMarks{{
      {"\"MetricDataResults\"", "CloudWatch metrics (`aws cloudwatch get-metric-data` output; use "
                                "`import cloudwatch`)"},
      {"\"Datapoints\"", "CloudWatch `get-metric-statistics` output (one statistic over one "
                         "period, not the hourly series `import cloudwatch` reads)"},
      {"\"ResultsByTime\"", "Cost Explorer output (`aws ce get-cost-and-usage`): totals, not "
                            "the line items of a CUR or FOCUS export"},
      {"\"recordsMatched\"", "CloudWatch Logs Insights results (use `import invocation-logs`)"},
      {"\"logEvents\"", "CloudWatch Logs events (use `import invocation-logs`)"},
      {"\"ModelInvocationLog\"", "Bedrock model-invocation log records (use `import "
                                 "invocation-logs`)"},
      {"\"modelId\"", "Bedrock model-invocation log records (use `import invocation-logs`)"},
      {"\"offerCode\"", "an AWS Price List offer file (use `import pricelist`)"},
      {"\"FormatVersion\"", "Price List Query API output (`aws pricing get-products`), not an "
                            "offer file"},
      {"\"priceDimensions\"", "Price List product documents (`get-products`), not an offer file"},
      {"\"productFamily\"", "Price List product documents, not an offer file"},
      {"\"format\": \"bedrock-whatif", "a Bedrock What-If file (scenario or rate card)"},
  }};
  for (const Mark &mark : kMarks)
    if (contains(text, mark.key))
      return std::string(mark.kind);
  return {};
}

// " with the keys a, b, c" of the first object in a JSON text ("" if none found).
std::string jsonKeys(std::string_view text) {
  std::string keys;
  int count = 0;
  int depth = 0;
  for (std::size_t i = 0; i < text.size() && count < 6; ++i) {
    const char c = text[i];
    if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    } else if (c == '"') {
      const std::size_t end = text.find('"', i + 1);
      if (end == std::string_view::npos)
        break;
      const std::size_t after = text.find_first_not_of(" \t\r\n", end + 1);
      if (depth == 1 && after != std::string_view::npos && text[after] == ':') {
        keys += (count++ ? ", " : "") +
                validUtf8(text.substr(i + 1, std::min<std::size_t>(end - i - 1, 40)));
      }
      i = end;
    }
  }
  return keys.empty() ? std::string() : " (with the keys " + keys + (count == 6 ? ", …)" : ")");
}

} // namespace

std::string fileHead(const InputFile &file, std::size_t limit) {
  ChunkReader reader(file);
  std::string text(limit, '\0');
  std::size_t size = 0;
  while (size < limit) {
    const std::size_t got = reader.read(text.data() + size, limit - size);
    if (got == 0)
      break;
    size += got;
  }
  text.resize(size);
  return text;
}

bool isParquet(std::string_view head) { return head.starts_with("PAR1"); }

std::string describeFileHead(std::string_view head) {
  if (isParquet(head))
    return kParquetAdvice;
  if (head.starts_with("PK\x03\x04"))
    return "a ZIP archive: unzip it first";
  if (head.find('\0') != std::string_view::npos)
    return "a binary file";
  head = withoutBom(head);
  const std::string_view line = firstLineOf(head);
  if (line.empty())
    return "an empty file";
  // Documents people save beside exports: notes, examples, SQL, transcripts.
  const bool markdownTable = contains(head, "\n| ") || contains(head, "\n|--") ||
                             contains(head, "\n| --") || line.starts_with("| ");
  if (line.starts_with("#") || line.starts_with("**") || line.starts_with("```") || markdownTable) {
    std::string what = "a Markdown or reStructuredText document";
    if (markdownTable)
      what += " with a table (a table in a document is no export: the program reads the file AWS "
              "writes, CSV or JSON)";
    return what;
  }
  if (startsWithNoCase(line, "create ") || startsWithNoCase(line, "select ") ||
      startsWithNoCase(line, "with "))
    return "SQL (run it in Athena or DuckDB, then import its CSV result)";
  if (line.starts_with("~ $") || line.starts_with("$ ") || contains(line, "$ aws "))
    return "a terminal transcript (save the command's output alone, e.g. with `> file.json`)";
  const char first = line.front();
  if (first == '{' || first == '[') {
    if (std::string kind = jsonKind(head); !kind.empty())
      return kind;
    return "JSON of another kind" + jsonKeys(head);
  }
  if (line.find(',') != std::string_view::npos) {
    if (headerHas(line, "line_item_usage_type") || headerHas(line, "lineItem/UsageType"))
      return "a CUR CSV export (use `import cur`)";
    if (headerHas(line, "ChargeCategory"))
      return "a FOCUS CSV export (use `import focus`)";
    if (headerHas(line, "hour") && headerHas(line, "model") && headerHas(line, "requests"))
      return "an hourly CSV (use `import hourly-csv`)";
    if (headerHas(line, "@message"))
      return "CloudWatch Logs Insights results as CSV (use `import invocation-logs`)";
    if (contains(line, "InputTokenCount") || contains(line, "Invocations"))
      return "a CloudWatch console CSV (use `import cloudwatch`)";
    return "a CSV file with the columns " + validUtf8(line.substr(0, 120));
  }
  return "text starting \"" + validUtf8(line.substr(0, 60)) + "\"";
}

} // namespace bwi::core
