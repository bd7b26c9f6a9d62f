#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// ISO 8601 timestamps as the AWS exports write them, to and from seconds
// since 1970-01-01 UTC.
namespace bwi::core {

inline constexpr std::int64_t kSecondsPerHour = 3600;

// Years a log, metric or bill of Bedrock (launched 2023) can be dated in;
// beyond, the text is corrupt, and a span of centuries would make hourly
// series of millions of hours (docs/limits.md).
inline constexpr int kFirstImportYear = 2000;
inline constexpr int kLastImportYear = 2099;

// "2026-11-25T14:30:00Z", with optional fractional seconds, a "+00:00" style
// offset or none (UTC), and a space instead of the T, in the years above.
// nullopt otherwise.
std::optional<std::int64_t> parseIsoSeconds(std::string_view text);

// "2026-11-25T14:30:00Z".
std::string isoFromSeconds(std::int64_t seconds);

// Hour of the week, 0 = Monday 00:00 UTC (the weekly profile's hour 0).
int hourOfWeek(std::int64_t seconds);

// Seconds since the epoch divided into whole hours, rounding down.
inline std::int64_t hourIndex(std::int64_t seconds) {
  return seconds >= 0 ? seconds / kSecondsPerHour
                      : -((-seconds + kSecondsPerHour - 1) / kSecondsPerHour);
}

} // namespace bwi::core
