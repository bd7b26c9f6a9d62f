#include "core/import/importjson.h"

#include "core/import/isotime.h"

namespace bwi::core {

std::string importJsonText(const Json &json) {
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Json importHeaderToJson(ImportKind kind, const ImportTally &tally) {
  Json json = Json::object();
  json["kind"] = std::string(toString(kind));
  json["files"] = tally.files;
  json["lines"] = tally.lines;
  json["skipped_lines"] = tally.skipped.count;
  Json skipped = Json::array();
  for (const SkippedLine &line : tally.skipped.first)
    skipped.push_back({{"file", line.file}, {"line", line.line}, {"reason", line.reason}});
  json["skipped"] = std::move(skipped);
  json["groups"] = Json::array();
  json["warnings"] = tally.warnings;
  return json;
}

Json usageGroupToJson(const UsageGroup &group) {
  Json json = Json::object();
  json["key"] = group.key ? Json(*group.key) : Json(nullptr);
  json["model"] = group.model;
  json["tier"] = group.tier;
  json["requests"] = group.totals.requests;
  json["input_tokens"] = group.totals.input;
  json["output_tokens"] = group.totals.output;
  json["cache_read_tokens"] = group.totals.cacheRead;
  json["cache_write_tokens"] = group.totals.cacheWrite;
  json["hours"] = group.hourly.size();
  json["first"] = isoFromSeconds(group.firstSeconds);
  json["last"] = isoFromSeconds(group.lastSeconds);
  json["in_ratecard"] = group.known;
  json["scopes"] = Json::object();
  for (const auto &[scope, requests] : group.requestsByScope)
    json["scopes"][scope] = requests;
  if (group.inputPerRequest.count() > 0) {
    // What only a log's records say.
    json["inference_regions"] = Json::object();
    for (const auto &[region, requests] : group.requestsByRegion)
      json["inference_regions"][region] = requests;
    json["streaming_requests"] = group.streamingRequests;
    json["guardrail_interventions"] = group.guardrailInterventions;
    json["guardrail_text_units"] = Json::object();
    for (std::size_t policy = 0; policy < kGuardrailPolicies; ++policy)
      if (group.guardrailUnits[policy] > 0)
        json["guardrail_text_units"]
            [std::string(guardrailPolicyName(static_cast<GuardrailPolicy>(policy)))] =
                group.guardrailUnits[policy];
    const auto percentiles = [&](const char *name, const TokenHistogram &histogram) {
      json[std::string(name) + "_p50"] = histogram.quantile(0.50);
      json[std::string(name) + "_p95"] = histogram.quantile(0.95);
    };
    percentiles("input_tokens", group.inputPerRequest);
    percentiles("output_tokens", group.outputPerRequest);
    percentiles("cache_read_tokens", group.cacheReadPerRequest);
    percentiles("cache_write_tokens", group.cacheWritePerRequest);
  }
  return json;
}

Json usageImportToJson(ImportKind kind, const ImportTally &tally,
                       const std::vector<UsageGroup> &groups) {
  Json json = importHeaderToJson(kind, tally);
  for (const UsageGroup &group : groups)
    json["groups"].push_back(usageGroupToJson(group));
  return json;
}

Json billImportToJson(ImportKind kind, const BillImport &bill) {
  Json json = importHeaderToJson(kind, bill.tally);
  for (const BillGroup &group : bill.groups) {
    Json each = Json::object();
    if (bill.groupBy)
      each["key"] = group.key ? Json(*group.key) : Json(nullptr);
    each["model"] = group.model;
    each["usage"] = group.usage;
    each["tier"] = group.tier;
    each["month"] = group.month;
    each["cost_usd"] = group.costUsd;
    each["tokens"] = group.tokens;
    each["in_ratecard"] = group.known;
    json["groups"].push_back(std::move(each));
  }
  json["bedrock_cost_usd"] = bill.bedrockCostUsd;
  json["discount_usd"] = bill.discountUsd;
  if (bill.groupBy) {
    json["group_by"] = *bill.groupBy;
    json["keys"] = Json::array();
    for (const BillKeyTotal &total : billKeyTotals(bill))
      json["keys"].push_back({{"month", total.month},
                              {"key", total.key ? Json(*total.key) : Json(nullptr)},
                              {"cost_usd", total.costUsd},
                              {"tokens", total.tokens},
                              {"share", total.share}});
  }
  if (bill.contents) {
    Json contents = {{"rows", bill.contents->rows},
                     {"providers", Json::object()},
                     {"services", Json::array()},
                     {"months", bill.contents->months}};
    for (const auto &[provider, rows] : bill.contents->providers)
      contents["providers"][provider] = rows;
    for (const auto &[name, service] : bill.contents->services)
      contents["services"].push_back(
          {{"name", name}, {"rows", service.rows}, {"cost_usd", service.costUsd}});
    json["contents"] = std::move(contents);
  }
  return json;
}

Json measuredSizingToJson(const MeasuredSizing &sizing) {
  const auto optional = [](const auto &value) { return value ? Json(*value) : Json(nullptr); };
  Json monthly = Json::object();
  for (const auto &[month, counts] : sizing.monthly)
    monthly[month] = {{"requests", counts.requests},
                      {"input_tokens", counts.input},
                      {"output_tokens", counts.output},
                      {"cache_read_tokens", counts.cacheRead},
                      {"cache_write_tokens", counts.cacheWrite}};
  return {{"model", sizing.model},
          {"hours", sizing.hours},
          {"floor_percentile", sizing.floorPercentile},
          {"input_tpm_at_floor", sizing.inputTpmAtFloor},
          {"output_tpm_at_floor", sizing.outputTpmAtFloor},
          {"peak_input_tpm", sizing.peakInputTpm},
          {"peak_output_tpm", sizing.peakOutputTpm},
          {"floor_model_units", optional(sizing.floorModelUnits)},
          {"optimal_model_units", optional(sizing.optimalModelUnits)},
          {"mean_load_mu", optional(sizing.meanLoadMu)},
          {"peak_load_mu", optional(sizing.peakLoadMu)},
          {"input_output_ratio", optional(sizing.inputOutputRatio)},
          {"monthly", monthly},
          {"note", sizing.note}};
}

Json priceListImportToJson(const PriceListImport &imported) {
  Json json = importHeaderToJson(ImportKind::PriceList, imported.tally);
  const auto optional = [](const std::optional<double> &value) {
    return value ? Json(*value) : Json(nullptr);
  };
  for (const PriceChange &change : imported.changes)
    json["groups"].push_back({{"model", change.model},
                              {"change", change.change},
                              {"field", change.field.empty() ? Json(nullptr) : Json(change.field)},
                              {"old", optional(change.oldValue)},
                              {"new", optional(change.newValue)},
                              {"note", change.note}});
  json["as_of"] = imported.card.asOf;
  json["region"] = imported.region;
  json["regions"] = imported.regions;
  json["offers"] = imported.offers;
  json["models"] = imported.card.models.size();
  json["left_out"] = Json::object();
  for (const auto &[why, count] : imported.leftOut)
    json["left_out"][why] = count;
  return json;
}

} // namespace bwi::core
