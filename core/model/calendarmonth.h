#pragma once

#include <optional>
#include <string>
#include <string_view>

// Calendar months as the files write them ("YYYY-MM"), counted as whole
// months so that they add and compare: 2027-03 is 2027·12 + 2
// (docs/cost-model.md §13).
namespace bwi::core {

// nullopt unless the text is exactly four digits, a dash and a month 01-12.
std::optional<int> parseCalendarMonth(std::string_view text);
std::string formatCalendarMonth(int month);

} // namespace bwi::core
