#include "core/common/jsonwriter.h"

#include <algorithm>

namespace bwi::core {
namespace {

bool isFlatArray(const Json &json) {
  return json.is_array() && std::none_of(json.begin(), json.end(),
                                         [](const Json &item) { return item.is_structured(); });
}

void write(const Json &json, int indent, int depth, std::string &out) {
  const std::string pad(static_cast<std::size_t>(indent * (depth + 1)), ' ');
  const std::string closePad(static_cast<std::size_t>(indent * depth), ' ');
  if (json.is_object() && !json.empty()) {
    out += "{\n";
    bool first = true;
    for (const auto &[key, value] : json.items()) {
      if (!first)
        out += ",\n";
      first = false;
      out += pad;
      out += Json(key).dump();
      out += ": ";
      write(value, indent, depth + 1, out);
    }
    out += "\n" + closePad + "}";
  } else if (json.is_array() && !json.empty() && !isFlatArray(json)) {
    out += "[\n";
    bool first = true;
    for (const Json &item : json) {
      if (!first)
        out += ",\n";
      first = false;
      out += pad;
      write(item, indent, depth + 1, out);
    }
    out += "\n" + closePad + "]";
  } else if (json.is_array()) {
    out += "[";
    bool first = true;
    for (const Json &item : json) {
      if (!first)
        out += ", ";
      first = false;
      out += item.dump();
    }
    out += "]";
  } else {
    out += json.dump();
  }
}

} // namespace

std::string prettyJson(const Json &json, int indent) {
  std::string out;
  write(json, indent, 0, out);
  out += "\n";
  return out;
}

} // namespace bwi::core
