#pragma once

#include <string>

// How money and shares read in tables, charts and reports.
namespace bwi::core {

// "$1,234,567.89" (negative: "-$12.00").
std::string formatUsdExact(double usd);
// A price of one unit (a ticket, a 1K text units): "$1,234.57" from $1 up,
// below $1 three significant digits and at least cents: "$0.40", "$0.423",
// "$0.00675", "$0.0895".
std::string formatUsdPerUnit(double usd);
// "45,500,000": a count rounded to a whole number.
std::string formatCount(double count);
// "$12.3k", "$1.2M", "$950" — chart axes and key figures.
std::string formatUsdShort(double usd);
// "87.5%" from 0.875.
std::string formatPercent(double share, int decimals = 1);

} // namespace bwi::core
