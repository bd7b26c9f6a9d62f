#pragma once

#include "core/common/jsonreader.h"

#include <optional>
#include <string>

namespace bwi::core {

// Indented JSON for files people read and diff: objects one member a line,
// arrays of plain values (a 168-hour profile) on one line.
std::string prettyJson(const Json &json, int indent = 2);

// An optional figure or text as JSON: its value, or null.
template <typename T> Json orNull(const std::optional<T> &value) {
  return value ? Json(*value) : Json(nullptr);
}

} // namespace bwi::core
