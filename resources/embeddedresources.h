#pragma once

#include <string_view>

// The JSON files of resources/, compiled into the program.
namespace bwi::resources {
std::string_view builtin_ratecard();
std::string_view example_scenario();
} // namespace bwi::resources
