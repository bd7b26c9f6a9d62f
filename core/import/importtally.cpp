#include "core/import/importtally.h"

#include <array>

namespace bwi::core {
namespace {

constexpr std::array<std::pair<ImportKind, std::string_view>, 6> kKindNames{{
    {ImportKind::CloudWatch, "cloudwatch"},
    {ImportKind::InvocationLogs, "invocation-logs"},
    {ImportKind::Cur, "cur"},
    {ImportKind::Focus, "focus"},
    {ImportKind::PriceList, "pricelist"},
    {ImportKind::HourlyCsv, "hourly-csv"},
}};

} // namespace

std::string_view toString(ImportKind kind) {
  for (const auto &[each, name] : kKindNames)
    if (each == kind)
      return name;
  return "unknown";
}

std::optional<ImportKind> importKindFromString(std::string_view text) {
  for (const auto &[each, name] : kKindNames)
    if (name == text)
      return each;
  return std::nullopt;
}

void SkipLog::add(SkippedLine skipped) {
  ++count;
  if (first.size() < kMaxSkippedListed)
    first.push_back(std::move(skipped));
}

} // namespace bwi::core
