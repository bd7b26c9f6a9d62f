#include "core/files/ratecardoverrides.h"

#include "core/common/jsonreader.h"
#include "core/files/partialmodel.h"
#include "core/files/ratecardjson.h"
#include "core/files/scenariojson.h"

#include <algorithm>
#include <map>

namespace bwi::core {

namespace {

bool gives(const std::vector<CardLeaf> &leaves, std::string_view field) {
  return std::any_of(leaves.begin(), leaves.end(),
                     [&](const CardLeaf &leaf) { return leaf.field == field; });
}

// A typed price for a model the card lacks (docs/cost-model.md §21): both
// on-demand prices at least, so that its traffic can be costed.
std::optional<ModelRates> addedModel(const std::string &id, const std::vector<CardLeaf> &leaves,
                                     ValidationIssues &issues) {
  const std::string path = childPath("ratecard_overrides", id);
  if (!gives(leaves, "on_demand.input_per_1m") || !gives(leaves, "on_demand.output_per_1m")) {
    issues.push_back({path, "unknown model id \"" + id +
                                "\" (not in the rate card): to add it, give at least "
                                "on_demand.input_per_1m and on_demand.output_per_1m (USD per "
                                "1M tokens)"});
    return std::nullopt;
  }
  Json merged = {{"id", id}};
  for (const CardLeaf &leaf : leaves) {
    if (leaf.field == "id") {
      issues.push_back({childPath(path, "id"), "a model's id cannot be overridden"});
      return std::nullopt;
    }
    setLeaf(merged, leaf.field, cardValueToJson(leaf.value));
  }
  const std::size_t before = issues.size();
  ModelRates model = readModelRates(merged, path, issues);
  if (issues.size() != before)
    return std::nullopt;
  model.versions = priceVersions(model, model.priceChanges, {}, path, path, issues, issues);
  return model;
}

} // namespace

RateCard applyOverrides(const RateCard &card, const std::vector<RateOverride> &overrides,
                        ValidationIssues &issues) {
  RateCard result = card;
  std::map<std::string, std::vector<CardLeaf>> byModel;
  std::vector<std::string> added; // ids the card lacks, in the overrides' order
  for (const RateOverride &entry : overrides) {
    if (!byModel.contains(entry.modelId) && !card.find(entry.modelId))
      added.push_back(entry.modelId);
    byModel[entry.modelId].push_back({entry.field, entry.value});
  }
  for (ModelRates &entry : result.models) {
    const auto found = byModel.find(entry.id);
    const std::string path = childPath("ratecard_overrides", entry.id);
    // Each month's prices: the card's entry, the price changes in force,
    // then the overrides, so a negotiated price always wins (docs/cost-model.md §13.3). The changes
    // themselves were checked when the card was read; the schedule is rebuilt here from the entry
    // as it is now.
    ValidationIssues checkedBefore;
    if (found == byModel.end()) {
      if (!entry.priceChanges.empty())
        entry.versions =
            priceVersions(entry, entry.priceChanges, {}, path, path, checkedBefore, checkedBefore);
      continue;
    }
    Json merged = modelRatesToJson(entry);
    bool valid = true;
    for (const CardLeaf &leaf : found->second) {
      if (leaf.field == "id") {
        issues.push_back({childPath(path, "id"), "a model's id cannot be overridden"});
        valid = false;
        continue;
      }
      setLeaf(merged, leaf.field, cardValueToJson(leaf.value));
    }
    if (!valid)
      continue;
    const std::size_t before = issues.size();
    ModelRates model = readModelRates(merged, path, issues);
    if (issues.size() != before)
      continue;
    model.versions =
        priceVersions(entry, model.priceChanges, found->second, path, path, checkedBefore, issues);
    entry = std::move(model);
  }
  for (const std::string &id : added)
    if (auto model = addedModel(id, byModel[id], issues))
      result.models.push_back(std::move(*model));
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
