#include "core/model/ratecardage.h"

#include <chrono>
#include <cstdio>
#include <string>

namespace bwi::core {
namespace {

std::optional<std::chrono::sys_days> parseDate(std::string_view text) {
  int year = 0;
  unsigned month = 0, day = 0;
  const std::string copy(text);
  if (copy.size() != 10 || std::sscanf(copy.c_str(), "%4d-%2u-%2u", &year, &month, &day) != 3)
    return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{month},
                                         std::chrono::day{day}};
  if (!date.ok())
    return std::nullopt;
  return std::chrono::sys_days{date};
}

} // namespace

std::optional<int> daysBetween(std::string_view asOf, std::string_view today) {
  const auto from = parseDate(asOf);
  const auto to = parseDate(today);
  if (!from || !to)
    return std::nullopt;
  return static_cast<int>((*to - *from).count());
}

bool isStale(std::string_view asOf, std::string_view today) {
  const auto days = daysBetween(asOf, today);
  return days && *days > kStaleRateCardDays;
}

} // namespace bwi::core
