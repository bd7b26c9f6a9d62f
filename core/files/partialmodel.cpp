#include "core/files/partialmodel.h"

#include <cmath>

namespace bwi::core {

void flattenPartial(const Json &value, const std::string &field, const std::string &path,
                    bool emptyObjectIsNull, std::vector<CardLeaf> &out, ValidationIssues &issues) {
  if (value.is_object() && (!value.empty() || !emptyObjectIsNull)) {
    for (const auto &[key, child] : value.items())
      flattenPartial(child, field.empty() ? key : field + "." + key, childPath(path, key),
                     emptyObjectIsNull, out, issues);
    return;
  }
  CardValue leaf;
  if (value.is_null() || value.is_object())
    leaf = std::monostate{};
  else if (value.is_boolean())
    leaf = value.get<bool>();
  else if (value.is_number()) {
    const double number = value.get<double>();
    if (!std::isfinite(number)) {
      issues.push_back({path, "must be a finite number"});
      return;
    }
    leaf = number;
  } else if (value.is_string())
    leaf = value.get<std::string>();
  else {
    issues.push_back({path, "arrays cannot be merged into a model; give single values"});
    return;
  }
  if (field.empty()) {
    issues.push_back({path, "must be an object of the model's fields"});
    return;
  }
  out.push_back({field, std::move(leaf)});
}

Json cardValueToJson(const CardValue &value) {
  if (const auto *flag = std::get_if<bool>(&value))
    return *flag;
  if (const auto *number = std::get_if<double>(&value))
    return *number;
  if (const auto *text = std::get_if<std::string>(&value))
    return *text;
  return nullptr;
}

void setLeaf(Json &object, std::string_view field, const Json &value) {
  Json *node = &object;
  while (true) {
    const auto dot = field.find('.');
    if (!node->is_object())
      *node = Json::object();
    node = &(*node)[std::string(field.substr(0, dot))];
    if (dot == std::string_view::npos)
      break;
    field.remove_prefix(dot + 1);
  }
  *node = value;
}

Json leavesToJson(const std::vector<CardLeaf> &leaves) {
  Json json = Json::object();
  for (const CardLeaf &leaf : leaves)
    setLeaf(json, leaf.field, cardValueToJson(leaf.value));
  return json;
}

} // namespace bwi::core
