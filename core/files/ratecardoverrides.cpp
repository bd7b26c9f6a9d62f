#include "core/files/ratecardoverrides.h"

#include "core/common/jsonreader.h"
#include "core/files/ratecardjson.h"
#include "core/files/scenariojson.h"

#include <algorithm>
#include <map>

namespace bwi::core {
namespace {

void setField(Json &object, std::string_view field, const Json &value) {
  Json *node = &object;
  while (true) {
    const auto dot = field.find('.');
    if (!node->is_object())
      *node = Json::object(); // an override inside a null block creates it
    node = &(*node)[std::string(field.substr(0, dot))];
    if (dot == std::string_view::npos)
      break;
    field.remove_prefix(dot + 1);
  }
  *node = value;
}

} // namespace

RateCard applyOverrides(const RateCard &card, const std::vector<RateOverride> &overrides,
                        ValidationIssues &issues) {
  RateCard result = card;
  // Group by model, keeping the order models are first named in.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const RateOverride *>> byModel;
  for (const RateOverride &entry : overrides) {
    if (!byModel.contains(entry.modelId))
      order.push_back(entry.modelId);
    byModel[entry.modelId].push_back(&entry);
  }
  for (const std::string &modelId : order) {
    const std::string path = childPath("ratecard_overrides", modelId);
    auto it = std::find_if(result.models.begin(), result.models.end(),
                           [&](const ModelRates &model) { return model.id == modelId; });
    if (it == result.models.end()) {
      issues.push_back({path, "unknown model id \"" + modelId + "\" (not in the rate card)"});
      continue;
    }
    Json merged = modelRatesToJson(*it);
    bool valid = true;
    for (const RateOverride *entry : byModel[modelId]) {
      if (entry->field == "id") {
        issues.push_back({childPath(path, "id"), "a model's id cannot be overridden"});
        valid = false;
        continue;
      }
      setField(merged, entry->field, overrideValueToJson(entry->value));
    }
    if (!valid)
      continue;
    const std::size_t before = issues.size();
    ModelRates model = readModelRates(merged, path, issues);
    if (issues.size() == before)
      *it = std::move(model);
  }
  return result;
}

bool isOverridden(const std::vector<RateOverride> &overrides, std::string_view modelId,
                  std::string_view field) {
  for (const RateOverride &entry : overrides) {
    if (entry.modelId != modelId)
      continue;
    const std::string_view overridden = entry.field;
    if (overridden == field)
      return true;
    // An override of a parent ("provisioned") covers its children and vice versa.
    if (field.starts_with(overridden) && field.size() > overridden.size() &&
        field[overridden.size()] == '.')
      return true;
    if (overridden.starts_with(field) && overridden.size() > field.size() &&
        overridden[field.size()] == '.')
      return true;
  }
  return false;
}

} // namespace bwi::core
