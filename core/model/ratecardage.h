#pragma once

#include <optional>
#include <string_view>

namespace bwi::core {

// A rate card older than this is flagged: list prices change, refresh the card each quarter.
inline constexpr int kStaleRateCardDays = 90;

// Days from `asOf` to `today`, both YYYY-MM-DD; nullopt when either is not a date.
std::optional<int> daysBetween(std::string_view asOf, std::string_view today);

bool isStale(std::string_view asOf, std::string_view today);

} // namespace bwi::core
