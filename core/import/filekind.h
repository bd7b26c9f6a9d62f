#pragma once

#include "core/import/inputfiles.h"

#include <optional>
#include <string>
#include <string_view>

// What a file holds, told by its first bytes and lines (never by its name),
// for the message that refuses a file of the wrong kind: "this is a
// Markdown document", "this is a FOCUS CSV export: use `import focus`".
namespace bwi::core {

// The first bytes of a file (gunzipped), at most `limit`; empty when unreadable.
std::string fileHead(const InputFile &file, std::size_t limit = 64 * 1024);

// The UTF-8 byte-order mark that Windows tools (PowerShell, Excel) write.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
inline std::string_view withoutBom(std::string_view text) {
  return text.starts_with(kUtf8Bom) ? text.substr(kUtf8Bom.size()) : text;
}

// A Parquet file (its magic "PAR1"): no importer reads Parquet.
bool isParquet(std::string_view head);
inline constexpr const char *kParquetAdvice =
    "Parquet: export as CSV, or run the SQL in docs/importing.md";

// A phrase for what the head of a file is: "a Markdown document", "a CUR
// 2.0 CSV export (use `import cur`)", "Cost Explorer output (`aws ce
// get-cost-and-usage`), not a bill's line items", or, for text nothing
// matches, its first characters.
std::string describeFileHead(std::string_view head);

} // namespace bwi::core
