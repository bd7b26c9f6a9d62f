#include "core/model/calendarmonth.h"

#include <cstdio>

namespace bwi::core {

std::optional<int> parseCalendarMonth(std::string_view text) {
  if (text.size() != 7 || text[4] != '-')
    return std::nullopt;
  int digits[6];
  int index = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == 4)
      continue;
    if (text[i] < '0' || text[i] > '9')
      return std::nullopt;
    digits[index++] = text[i] - '0';
  }
  const int year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
  const int month = digits[4] * 10 + digits[5];
  if (month < 1 || month > 12)
    return std::nullopt;
  return year * 12 + month - 1;
}

std::string formatCalendarMonth(int month) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", month / 12, month % 12 + 1);
  return buffer;
}

} // namespace bwi::core
