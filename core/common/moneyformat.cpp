#include "core/common/moneyformat.h"

#include <cmath>
#include <cstdio>

namespace bwi::core {

namespace {

// "1234567" -> "1,234,567".
std::string grouped(const std::string &digits) {
  std::string whole;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0)
      whole += ',';
    whole += digits[i];
  }
  return whole;
}

} // namespace

std::string formatUsdExact(double usd) {
  if (!std::isfinite(usd))
    return "n/a";
  // printf rounds to the cent for any magnitude (llround would overflow
  // above $9.2e16).
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, "%.2f", std::fabs(usd));
  const std::string text = buffer;
  const bool negative = usd < 0 && text != "0.00";
  return (negative ? "-$" : "$") + grouped(text.substr(0, text.size() - 3)) +
         text.substr(text.size() - 3);
}

std::string formatUsdPerUnit(double usd) {
  if (!std::isfinite(usd))
    return "n/a";
  const double magnitude = std::fabs(usd);
  if (magnitude >= 1 || magnitude == 0)
    return formatUsdExact(usd);
  // Decimals for three significant digits, at least two (cents), at most ten.
  int decimals = 2;
  while (decimals < 10 && magnitude * std::pow(10.0, decimals) < 99.95)
    ++decimals;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, magnitude);
  std::string text = buffer;
  while (text.size() > 4 && text.back() == '0' && text[text.size() - 3] != '.')
    text.pop_back();
  if (text == "0.00")
    return "$0.00";
  return (usd < 0 ? "-$" : "$") + text;
}

std::string formatCount(double count) {
  if (!std::isfinite(count))
    return "n/a";
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, "%.0f", std::fabs(count));
  // Appended, not `"-" + string`: GCC 12 warns falsely on that form (bug 105329).
  std::string text = count < 0 && std::string(buffer) != "0" ? "-" : "";
  text += grouped(buffer);
  return text;
}

std::string formatUsdShort(double usd) {
  if (!std::isfinite(usd))
    return "n/a";
  const double magnitude = std::fabs(usd);
  const char *sign = usd < 0 ? "-" : "";
  char buffer[64];
  if (magnitude >= 1e9)
    std::snprintf(buffer, sizeof buffer, "%s$%.1fB", sign, magnitude / 1e9);
  else if (magnitude >= 1e6)
    std::snprintf(buffer, sizeof buffer, "%s$%.1fM", sign, magnitude / 1e6);
  else if (magnitude >= 1e3)
    std::snprintf(buffer, sizeof buffer, "%s$%.1fk", sign, magnitude / 1e3);
  else
    std::snprintf(buffer, sizeof buffer, "%s$%.0f", sign, magnitude);
  return buffer;
}

std::string formatPercent(double share, int decimals) {
  if (!std::isfinite(share))
    return "n/a";
  // A share that rounds to zero prints without a sign ("0.0%", not "-0.0%"),
  // as formatUsdExact does for cents.
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(share) * 100.0);
  const std::string digits = buffer;
  const bool negative = share < 0 && digits.find_first_not_of("0.") != std::string::npos;
  std::string text = negative ? "-" : "";
  text += digits;
  text += '%';
  return text;
}

} // namespace bwi::core
