#pragma once

#include <string>
#include <string_view>

namespace bwi::core {

// `text` with every byte that is not part of valid UTF-8 replaced by U+FFFD:
// names taken from CSV files go into JSON and scenario files, which must be UTF-8.
std::string validUtf8(std::string_view text);

} // namespace bwi::core
