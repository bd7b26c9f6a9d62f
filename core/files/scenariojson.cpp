#include "core/files/scenariojson.h"

#include "core/cost/requesttokens.h"
#include "core/files/partialmodel.h"
#include "core/files/ratecardjson.h"
#include "core/model/calendarmonth.h"
#include "core/model/meterkinds.h"
#include "core/model/weeklyprofile.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

namespace bwi::core {
namespace {

const NumberRule kCount = NumberRule::between(0, 1e15); // requests per month
const NumberRule kTokens = NumberRule::between(0, 1e9); // tokens per call
const NumberRule kShare = NumberRule::between(0, 1);
const NumberRule kTpm = NumberRule::between(0, 1e12);
// A meter's or a unit's quantity: per request (1K text units, queries) and
// per month (OCU-hours, GB-months, tickets).
const NumberRule kMeterPerRequest = NumberRule::between(0, 1e9);
const NumberRule kMeterPerMonth = NumberRule::between(0, 1e15);
constexpr double kMaxWeight = 1e12; // a weekly profile's raw hourly weight
// A cancellation notice longer than a year is no notice a term of at most six
// months can meet (docs/cost-model.md §13.6).
constexpr double kMaxNoticeDays = 365;

// Renewal is written only where it differs from the default (auto-renew, no notice).
void writeRenewal(Json &entry, bool autoRenew, int cancelNoticeDays) {
  if (!autoRenew)
    entry["auto_renew"] = false;
  if (cancelNoticeDays > 0)
    entry["cancel_notice_days"] = cancelNoticeDays;
}

std::string formatShareSum(double sum) {
  std::ostringstream out;
  out.precision(9);
  out << sum;
  return out.str();
}

TokenShape readTokens(const Json &json, const std::string &path, ValidationIssues &issues) {
  ObjectReader reader(json, path, issues);
  TokenShape tokens;
  tokens.system = reader.number("system", 0, kTokens);
  tokens.user = reader.number("user", 0, kTokens);
  tokens.retrievalChunks = reader.number("retrieval_chunks", 0, NumberRule::between(0, 1e5));
  tokens.tokensPerChunk = reader.number("tokens_per_chunk", 0, kTokens);
  tokens.history = reader.number("history", 0, kTokens);
  tokens.callsPerRequest = reader.number("calls_per_request", 1, NumberRule::between(1, 1e4));
  tokens.contextGrowthPerCall = reader.number("context_growth_per_call", 0, kTokens);
  tokens.output = reader.number("output", 0, kTokens);
  return tokens;
}

Caching readCaching(const Json &json, const std::string &path, ValidationIssues &issues) {
  ObjectReader reader(json, path, issues);
  Caching caching;
  caching.cacheablePrefix = reader.number("cacheable_prefix", 0, kTokens);
  caching.hitRate = reader.number("hit_rate", 0, kShare);
  if (const auto ttl = reader.optionalString("ttl")) {
    if (*ttl == "5m")
      caching.ttl = CacheTtl::FiveMinutes;
    else if (*ttl == "1h")
      caching.ttl = CacheTtl::OneHour;
    else
      reader.addIssue("ttl", "must be \"5m\" or \"1h\", got \"" + *ttl + "\"");
  }
  return caching;
}

WeeklyProfile readProfile(const Json &json, const std::string &path, ValidationIssues &issues) {
  WeeklyProfile profile;
  if (json.is_string()) {
    const std::string name = json.get<std::string>();
    if (const auto kind = profileKindFromString(name))
      profile.kind = *kind;
    else
      issues.push_back({path, "must be \"flat\", \"business_hours\", \"diurnal\" or "
                              "{\"weekly\": [168 numbers]}, got \"" +
                                  name + "\""});
    return profile;
  }
  ObjectReader reader(json, path, issues);
  if (!reader.isObject())
    return profile;
  const Json *weekly = reader.find("weekly");
  if (!weekly) {
    reader.missing("weekly");
    return profile;
  }
  const std::string weeklyPath = reader.pathOf("weekly");
  if (!weekly->is_array() || weekly->size() != kHoursPerWeek) {
    issues.push_back(
        {weeklyPath, "must be an array of exactly 168 hourly weights, got " +
                         (weekly->is_array() ? std::to_string(weekly->size()) + " numbers"
                                             : describeType(*weekly))});
    return profile;
  }
  profile.kind = WeeklyProfile::Kind::Weekly;
  double sum = 0;
  bool valid = true;
  profile.weeklyWeights.reserve(kHoursPerWeek);
  for (std::size_t h = 0; h < weekly->size(); ++h) {
    const Json &value = (*weekly)[h];
    // 168 numbers a workload: build the path only for one that is wrong.
    std::optional<double> weight;
    if (value.is_number() && value.get<double>() >= 0 && value.get<double>() <= kMaxWeight)
      weight = value.get<double>();
    else
      weight =
          readNumber(value, indexPath(weeklyPath, h), NumberRule::between(0, kMaxWeight), issues);
    valid = valid && weight.has_value();
    profile.weeklyWeights.push_back(weight.value_or(0));
    sum += weight.value_or(0);
  }
  if (valid && !(sum > 0))
    issues.push_back({weeklyPath, "weights are all zero"});
  return profile;
}

MeterUse readMeter(const Json &json, const std::string &path, ValidationIssues &issues) {
  ObjectReader reader(json, path, issues);
  MeterUse meter;
  if (!reader.isObject())
    return meter;
  meter.kind = reader.requiredString("kind");
  if (reader.has("kind") && meter.kind.empty())
    reader.addIssue("kind", "must not be empty");
  meter.perRequest = reader.number("per_request", 0, kMeterPerRequest);
  meter.perMonth = reader.number("per_month", 0, kMeterPerMonth);
  meter.usdPerUnit = reader.optionalNumber("usd_per_unit", NumberRule::between(0, kMaxPriceUsd));
  meter.name = reader.string("name", "");
  meter.unit = reader.string("unit", "");
  meter.note = reader.string("note", "");
  return meter;
}

std::vector<MeterUse> readMeters(ObjectReader &workload, ValidationIssues &issues) {
  std::vector<MeterUse> meters;
  const Json *json = workload.find("meters");
  if (!json)
    return meters;
  const std::string path = workload.pathOf("meters");
  if (!json->is_array()) {
    issues.push_back({path, "must be an array of meters, got " + describeType(*json)});
    return meters;
  }
  if (json->size() > kMaxMetersPerWorkload) {
    issues.push_back({path, "has " + std::to_string(json->size()) + " meters; at most " +
                                std::to_string(kMaxMetersPerWorkload) + " are supported"});
    return meters;
  }
  for (std::size_t j = 0; j < json->size(); ++j) {
    MeterUse meter = readMeter((*json)[j], indexPath(path, j), issues);
    for (const MeterUse &earlier : meters)
      if (!meter.kind.empty() && earlier.kind == meter.kind) {
        issues.push_back(
            {childPath(indexPath(path, j), "kind"),
             "a second meter of kind \"" + meter.kind + "\"; put the quantities in one meter"});
        break;
      }
    meters.push_back(std::move(meter));
  }
  return meters;
}

UnitEconomics readUnit(const Json &json, const std::string &path, ValidationIssues &issues) {
  ObjectReader reader(json, path, issues);
  UnitEconomics unit;
  if (!reader.isObject()) {
    issues.push_back({path, "must be an object {\"name\", \"per_request\", \"per_month\", "
                            "\"target_usd\", \"tolerance\"}, got " +
                                describeType(json)});
    return unit;
  }
  unit.name = reader.requiredString("name");
  if (reader.has("name") && unit.name.empty())
    reader.addIssue("name", "must not be empty");
  unit.perRequest = reader.number("per_request", 0, kMeterPerRequest);
  unit.perMonth = reader.number("per_month", 0, kMeterPerMonth);
  unit.targetUsd = reader.optionalNumber("target_usd", NumberRule::above(0, kMaxPriceUsd));
  unit.tolerance = reader.number("tolerance", kDefaultUnitTolerance, kShare);
  return unit;
}

std::vector<RoutingShare> readRouting(ObjectReader &workload, ValidationIssues &issues) {
  std::vector<RoutingShare> routing;
  const Json *json = workload.find("routing");
  const std::string path = workload.pathOf("routing");
  if (!json) {
    workload.missing("routing");
    return routing;
  }
  if (!json->is_object()) {
    issues.push_back({path, "must be an object of model id to share, got " + describeType(*json)});
    return routing;
  }
  if (json->empty()) {
    issues.push_back({path, "must route to at least one model"});
    return routing;
  }
  double sum = 0;
  bool valid = true;
  for (const auto &[modelId, share] : json->items()) {
    const auto value = readNumber(share, childPath(path, modelId), kShare, issues);
    valid = valid && value.has_value();
    routing.push_back({modelId, value.value_or(0)});
    sum += value.value_or(0);
  }
  if (valid && std::fabs(sum - 1.0) > 1e-6)
    issues.push_back({path, "shares sum to " + formatShareSum(sum)});
  return routing;
}

// Model ids, each once (a workload's adequate_models, the scenario's
// unpriced_models); whether each is in the card is checked in
// scenariovalidation.cpp.
std::vector<std::string> readModelIdList(const Json &json, const std::string &path,
                                         ValidationIssues &issues) {
  std::vector<std::string> ids;
  if (!json.is_array()) {
    issues.push_back({path, "must be an array of model ids, got " + describeType(json)});
    return ids;
  }
  for (std::size_t j = 0; j < json.size(); ++j) {
    const std::string itemPath = indexPath(path, j);
    const Json &item = json[j];
    if (!item.is_string() || item.get<std::string>().empty()) {
      issues.push_back({itemPath, "must be a model id, got " + describeType(item)});
      continue;
    }
    const std::string id = item.get<std::string>();
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) {
      issues.push_back({itemPath, "\"" + id + "\" is listed twice"});
      continue;
    }
    ids.push_back(id);
  }
  return ids;
}

Workload readWorkload(const Json &json, const std::string &path, ValidationIssues &issues) {
  ObjectReader reader(json, path, issues);
  Workload workload;
  if (!reader.isObject())
    return workload;
  workload.id = reader.requiredString("id");
  if (reader.has("id") && workload.id.empty())
    reader.addIssue("id", "must not be empty");
  workload.name = reader.string("name", workload.id);
  workload.team = reader.optionalString("team");
  workload.requestsPerMonth = reader.requiredNumber("requests_per_month", kCount);
  workload.volumeMultiplier = reader.number("volume_multiplier", 1, NumberRule::between(0, 1e6));
  workload.growthPerMonth = reader.number("growth_per_month", 0, NumberRule::between(-1, 10));
  if (const Json *tokens = reader.find("tokens"))
    workload.tokens = readTokens(*tokens, reader.pathOf("tokens"), issues);
  if (const Json *caching = reader.find("caching")) {
    workload.caching = readCaching(*caching, reader.pathOf("caching"), issues);
    const double base = baseInputPerCall(workload.tokens);
    if (workload.caching->cacheablePrefix > base)
      issues.push_back({childPath(reader.pathOf("caching"), "cacheable_prefix"),
                        "cacheable prefix " + formatShareSum(workload.caching->cacheablePrefix) +
                            " exceeds the base input per call " + formatShareSum(base)});
  }
  workload.batchShare = reader.number("batch_share", 0, kShare);
  workload.latencyTolerant = reader.boolean("latency_tolerant", false);
  if (const auto tier = reader.optionalString("service_tier")) {
    if (const auto parsed = serviceTierFromString(*tier))
      workload.serviceTier = *parsed;
    else
      reader.addIssue("service_tier",
                      "must be \"standard\", \"priority\" or \"flex\", got \"" + *tier + "\"");
  }
  workload.routing = readRouting(reader, issues);
  if (const Json *profile = reader.find("profile"))
    workload.profile = readProfile(*profile, reader.pathOf("profile"), issues);
  workload.meters = readMeters(reader, issues);
  if (const Json *unit = reader.find("unit"))
    workload.unit = readUnit(*unit, reader.pathOf("unit"), issues);
  if (const Json *escalation = reader.find("escalation")) {
    // Both fields are required (docs/cost-model.md §12); the model is checked
    // against the card in scenariovalidation.cpp.
    ObjectReader escalationReader(*escalation, reader.pathOf("escalation"), issues);
    if (escalationReader.isObject()) {
      Escalation read;
      read.to = escalationReader.requiredString("to");
      if (escalationReader.has("to") && read.to.empty())
        escalationReader.addIssue("to", "must name a model");
      read.rate = escalationReader.requiredNumber("rate", kShare);
      if (const std::optional<std::string> source =
              escalationReader.optionalString("rate_source")) {
        if (*source == "measured")
          read.measured = true;
        else if (*source != "assumed")
          escalationReader.addIssue("rate_source",
                                    "must be \"measured\" or \"assumed\", got \"" + *source + "\"");
      }
      workload.escalation = std::move(read);
    }
  }
  if (const Json *adequate = reader.find("adequate_models"))
    workload.adequateModels = readModelIdList(*adequate, reader.pathOf("adequate_models"), issues);
  // On the card's quality scale; the card's scores are checked against it in
  // scenariovalidation.cpp.
  workload.minQuality = reader.optionalNumber("min_quality", NumberRule::between(-1e9, 1e9));
  workload.dataResidency = reader.boolean("data_residency", false);
  if (const Json *router = reader.find("prompt_router")) {
    // The router is checked against the card and the routing in
    // scenariovalidation.cpp (docs/cost-model.md §20).
    ObjectReader routerReader(*router, reader.pathOf("prompt_router"), issues);
    if (routerReader.isObject()) {
      workload.promptRouter = routerReader.requiredString("id");
      if (routerReader.has("id") && workload.promptRouter.empty())
        routerReader.addIssue("id", "must name a router of the rate card");
    }
  }
  return workload;
}

template <typename T, typename Reader>
std::vector<T> readArray(ObjectReader &reader, std::string_view key, std::size_t maxItems,
                         ValidationIssues &issues, Reader read) {
  std::vector<T> items;
  const Json *json = reader.find(key);
  if (!json)
    return items;
  if (!json->is_array()) {
    reader.addIssue(key, "must be an array, got " + describeType(*json));
    return items;
  }
  if (json->size() > maxItems) {
    reader.addIssue(key, "has " + std::to_string(json->size()) + " entries; at most " +
                             std::to_string(maxItems) + " are supported");
    return items;
  }
  for (std::size_t i = 0; i < json->size(); ++i)
    items.push_back(read((*json)[i], indexPath(reader.pathOf(key), i), issues));
  return items;
}

ProvisionedCommitment readProvisioned(const Json &json, const std::string &path,
                                      ValidationIssues &issues) {
  ObjectReader reader(json, path, issues);
  ProvisionedCommitment commitment;
  commitment.modelId = reader.requiredString("model");
  commitment.modelUnits = static_cast<int>(
      reader.requiredNumber("model_units", NumberRule::wholeBetween(1, kMaxModelUnits)));
  if (const auto term = reader.optionalString("term")) {
    if (const auto parsed = ptTermFromString(*term))
      commitment.term = *parsed;
    else
      reader.addIssue("term", "must be \"no_commit\", \"one_month\" or \"six_month\", got \"" +
                                  *term + "\"");
  }
  commitment.startMonth =
      static_cast<int>(reader.number("start_month", 0, NumberRule::wholeBetween(0, 1200)));
  commitment.autoRenew = reader.boolean("auto_renew", true);
  commitment.cancelNoticeDays = static_cast<int>(
      reader.number("cancel_notice_days", 0, NumberRule::wholeBetween(0, kMaxNoticeDays)));
  return commitment;
}

Reservation readReservation(const Json &json, const std::string &path, ValidationIssues &issues) {
  ObjectReader reader(json, path, issues);
  Reservation reservation;
  reservation.modelId = reader.requiredString("model");
  reservation.inputTpm = reader.requiredNumber("input_tpm", kTpm);
  reservation.outputTpm = reader.requiredNumber("output_tpm", kTpm);
  if (const auto term = reader.optionalString("term")) {
    if (const auto parsed = reservedTermFromString(*term))
      reservation.term = *parsed;
    else
      reader.addIssue("term", "must be \"one_month\" or \"three_month\", got \"" + *term + "\"");
  }
  reservation.startMonth =
      static_cast<int>(reader.number("start_month", 0, NumberRule::wholeBetween(0, 1200)));
  reservation.autoRenew = reader.boolean("auto_renew", true);
  reservation.cancelNoticeDays = static_cast<int>(
      reader.number("cancel_notice_days", 0, NumberRule::wholeBetween(0, kMaxNoticeDays)));
  return reservation;
}

Agreement readAgreement(const Json &json, const std::string &path, ValidationIssues &issues) {
  ObjectReader reader(json, path, issues);
  Agreement agreement;
  agreement.discount = reader.number("discount", 0, NumberRule::between(0, 0.5));
  agreement.annualCommitUsd = reader.number("annual_commit_usd", 0, NumberRule::between(0, 1e13));
  agreement.discountAppliesToMarketplace = reader.boolean("discount_applies_to_marketplace", false);
  agreement.marketplaceCapShare = reader.number("marketplace_cap_share", 0.25, kShare);
  return agreement;
}

std::optional<LeverQuantiles> readQuantiles(ObjectReader &parent, std::string_view key,
                                            const NumberRule &rule, ValidationIssues &issues) {
  const Json *json = parent.find(key);
  if (!json)
    return std::nullopt;
  ObjectReader reader(*json, parent.pathOf(key), issues);
  if (!reader.isObject())
    return std::nullopt;
  if (!reader.has("p10"))
    reader.missing("p10");
  if (!reader.has("p90"))
    reader.missing("p90");
  const auto p10 = reader.optionalNumber("p10", rule);
  const auto p90 = reader.optionalNumber("p90", rule);
  if (!p10 || !p90)
    return std::nullopt;
  if (*p10 > *p90) {
    reader.addIssue("p10", "must not exceed p90");
    return std::nullopt;
  }
  return LeverQuantiles{*p10, *p90};
}

ForecastUncertainty readUncertainty(const Json &json, const std::string &path,
                                    ValidationIssues &issues) {
  ObjectReader reader(json, path, issues);
  ForecastUncertainty uncertainty;
  if (!reader.isObject())
    return uncertainty;
  uncertainty.growthPerMonthShift =
      readQuantiles(reader, "growth_per_month_shift", NumberRule::between(-1, 1), issues);
  uncertainty.outputTokensFactor =
      readQuantiles(reader, "output_tokens_factor", NumberRule::above(0, 100), issues);
  uncertainty.cacheHitRateShift =
      readQuantiles(reader, "cache_hit_rate_shift", NumberRule::between(-1, 1), issues);
  return uncertainty;
}

ForecastSettings readForecast(const Json &json, const std::string &path, ValidationIssues &issues) {
  ObjectReader reader(json, path, issues);
  ForecastSettings forecast;
  forecast.months = static_cast<int>(
      reader.number("months", 12, NumberRule::wholeBetween(1, kMaxForecastMonths)));
  forecast.volumeP10 = reader.optionalNumber("volume_p10", NumberRule::above(0, 1e6));
  forecast.volumeP90 = reader.optionalNumber("volume_p90", NumberRule::above(0, 1e6));
  if (forecast.volumeP10.has_value() != forecast.volumeP90.has_value() && reader.isObject()) {
    const bool p10Given = reader.has("volume_p10");
    const bool p90Given = reader.has("volume_p90");
    if (p10Given != p90Given)
      reader.addIssue(p10Given ? "volume_p90" : "volume_p10",
                      "is required when the other volume quantile is given");
  }
  if (forecast.volumeP10 && forecast.volumeP90 && *forecast.volumeP10 > *forecast.volumeP90)
    reader.addIssue("volume_p10", "must not exceed volume_p90");
  if (const Json *uncertainty = reader.find("uncertainty"))
    forecast.uncertainty = readUncertainty(*uncertainty, reader.pathOf("uncertainty"), issues);
  if (const auto trials =
          reader.optionalNumber("trials", NumberRule::wholeBetween(kMinTrials, kMaxTrials)))
    forecast.trials = static_cast<int>(*trials);
  // Seeds above 2^53 would not survive a JSON number's double.
  if (const auto seed =
          reader.optionalNumber("seed", NumberRule::wholeBetween(0, 9007199254740992.0)))
    forecast.seed = static_cast<std::uint64_t>(*seed);
  forecast.budgetUsd = reader.optionalNumber("budget_usd", NumberRule::above(0, 1e13));
  if (const auto days = reader.optionalNumber("history_days", NumberRule::wholeBetween(0, 36500)))
    forecast.historyDays = static_cast<int>(*days);
  forecast.sensitivityRange = reader.optionalNumber("sensitivity_range", NumberRule::above(0, 1));
  if (auto start = reader.optionalString("start_month")) {
    if (parseCalendarMonth(*start))
      forecast.startMonth = std::move(*start);
    else
      reader.addIssue("start_month", "must be a month YYYY-MM, got \"" + *start + "\"");
  }
  return forecast;
}

std::vector<RateOverride> readOverrides(const Json &json, const std::string &path,
                                        ValidationIssues &issues) {
  std::vector<RateOverride> overrides;
  if (!json.is_object()) {
    issues.push_back({path, "must be an object of model id to overridden fields"});
    return overrides;
  }
  for (const auto &[modelId, fields] : json.items()) {
    if (!fields.is_object()) {
      issues.push_back({childPath(path, modelId), "must be an object of the model's fields"});
      continue;
    }
    std::vector<CardLeaf> leaves;
    flattenPartial(fields, "", childPath(path, modelId), true, leaves, issues);
    for (CardLeaf &leaf : leaves)
      overrides.push_back({modelId, std::move(leaf.field), std::move(leaf.value)});
  }
  return overrides;
}

RateCardSource readRateCardSource(const Json *json, const std::string &path,
                                  ValidationIssues &issues) {
  RateCardSource source;
  if (!json)
    return source; // builtin
  if (json->is_string()) {
    const std::string text = json->get<std::string>();
    if (text == "builtin")
      return source;
    if (text.empty()) {
      issues.push_back({path, "must be \"builtin\", a path or a rate-card object"});
      return source;
    }
    source.kind = RateCardSource::Kind::Path;
    source.path = text;
    return source;
  }
  if (json->is_object()) {
    source.kind = RateCardSource::Kind::Inline;
    source.inlineCard = readRateCard(*json, path, issues);
    return source;
  }
  issues.push_back(
      {path, "must be \"builtin\", a path or a rate-card object, got " + describeType(*json)});
  return source;
}

Json tokensToJson(const TokenShape &tokens) {
  return {{"system", tokens.system},
          {"user", tokens.user},
          {"retrieval_chunks", tokens.retrievalChunks},
          {"tokens_per_chunk", tokens.tokensPerChunk},
          {"history", tokens.history},
          {"calls_per_request", tokens.callsPerRequest},
          {"context_growth_per_call", tokens.contextGrowthPerCall},
          {"output", tokens.output}};
}

Json workloadToJson(const Workload &workload) {
  Json json;
  json["id"] = workload.id;
  json["name"] = workload.name;
  if (workload.team)
    json["team"] = *workload.team;
  json["requests_per_month"] = workload.requestsPerMonth;
  json["volume_multiplier"] = workload.volumeMultiplier;
  json["growth_per_month"] = workload.growthPerMonth;
  json["tokens"] = tokensToJson(workload.tokens);
  if (workload.caching)
    json["caching"] = {{"cacheable_prefix", workload.caching->cacheablePrefix},
                       {"hit_rate", workload.caching->hitRate},
                       {"ttl", workload.caching->ttl == CacheTtl::OneHour ? "1h" : "5m"}};
  json["batch_share"] = workload.batchShare;
  if (workload.latencyTolerant)
    json["latency_tolerant"] = true;
  json["service_tier"] = toString(workload.serviceTier);
  Json routing = Json::object();
  for (const RoutingShare &route : workload.routing)
    routing[route.modelId] = route.share;
  json["routing"] = routing;
  if (workload.profile.kind == WeeklyProfile::Kind::Weekly)
    json["profile"] = {{"weekly", workload.profile.weeklyWeights}};
  else
    json["profile"] = toString(workload.profile.kind);
  // Written only when used, so files without them are written back unchanged.
  if (!workload.meters.empty()) {
    Json meters = Json::array();
    for (const MeterUse &meter : workload.meters) {
      Json entry = {{"kind", meter.kind}};
      if (meter.perRequest != 0)
        entry["per_request"] = meter.perRequest;
      if (meter.perMonth != 0)
        entry["per_month"] = meter.perMonth;
      if (meter.usdPerUnit)
        entry["usd_per_unit"] = *meter.usdPerUnit;
      if (!meter.name.empty())
        entry["name"] = meter.name;
      if (!meter.unit.empty())
        entry["unit"] = meter.unit;
      if (!meter.note.empty())
        entry["note"] = meter.note;
      meters.push_back(std::move(entry));
    }
    json["meters"] = std::move(meters);
  }
  if (workload.unit) {
    const UnitEconomics &unit = *workload.unit;
    Json entry = {{"name", unit.name}};
    if (unit.perRequest != 0)
      entry["per_request"] = unit.perRequest;
    if (unit.perMonth != 0)
      entry["per_month"] = unit.perMonth;
    if (unit.targetUsd)
      entry["target_usd"] = *unit.targetUsd;
    entry["tolerance"] = unit.tolerance;
    json["unit"] = std::move(entry);
  }
  if (workload.escalation) {
    json["escalation"] = {{"to", workload.escalation->to}, {"rate", workload.escalation->rate}};
    if (workload.escalation->measured) // "assumed", the default, is not written
      json["escalation"]["rate_source"] = "measured";
  }
  if (!workload.adequateModels.empty())
    json["adequate_models"] = workload.adequateModels;
  if (workload.minQuality)
    json["min_quality"] = *workload.minQuality;
  if (workload.dataResidency)
    json["data_residency"] = true;
  if (!workload.promptRouter.empty())
    json["prompt_router"] = {{"id", workload.promptRouter}};
  return json;
}

} // namespace

Scenario readScenario(const Json &json, ValidationIssues &issues) {
  ObjectReader reader(json, "", issues);
  Scenario scenario;
  if (!reader.isObject())
    return scenario;
  if (auto format = reader.optionalString("format"); format && *format != kScenarioFormat)
    reader.addIssue("format",
                    "must be \"" + std::string(kScenarioFormat) + "\", got \"" + *format + "\"");
  if (const auto version = reader.optionalNumber("version", NumberRule::wholeBetween(1, 1e9))) {
    if (*version > kScenarioVersion) {
      reader.addIssue("version", "this scenario is version " +
                                     std::to_string(static_cast<long long>(*version)) +
                                     ", written by a newer Bedrock What-If; this program reads "
                                     "version " +
                                     std::to_string(kScenarioVersion) +
                                     " and will not drop fields it does not know");
      return scenario;
    }
    scenario.version = static_cast<int>(*version);
  }
  scenario.name = reader.string("name", "");
  // At least an hour: a shorter "month" divides the load into overflow.
  scenario.hoursPerMonth = reader.number("hours_per_month", 730, NumberRule::between(1, 1e4));
  scenario.globalVolumeMultiplier =
      reader.number("global_volume_multiplier", 1, NumberRule::between(0, 1e6));
  scenario.ratecard =
      readRateCardSource(reader.find("ratecard"), reader.pathOf("ratecard"), issues);
  if (const Json *overrides = reader.find("ratecard_overrides"))
    scenario.ratecardOverrides =
        readOverrides(*overrides, reader.pathOf("ratecard_overrides"), issues);
  if (const Json *unpriced = reader.find("unpriced_models"))
    scenario.unpricedModels = readModelIdList(*unpriced, reader.pathOf("unpriced_models"), issues);

  if (!reader.has("workloads"))
    reader.missing("workloads");
  scenario.workloads =
      readArray<Workload>(reader, "workloads", kMaxWorkloads, issues, readWorkload);
  std::size_t routes = 0;
  for (const Workload &workload : scenario.workloads)
    routes += workload.routing.size();
  if (routes > kMaxRoutes)
    reader.addIssue("workloads", "route " + std::to_string(routes) +
                                     " workload-model pairs; a scenario may have at most " +
                                     std::to_string(kMaxRoutes));
  std::set<std::string> ids;
  for (std::size_t i = 0; i < scenario.workloads.size(); ++i) {
    const std::string &id = scenario.workloads[i].id;
    if (!id.empty() && !ids.insert(id).second)
      issues.push_back(
          {childPath(indexPath("workloads", i), "id"), "duplicate workload id \"" + id + "\""});
  }
  scenario.provisioned = readArray<ProvisionedCommitment>(reader, "provisioned", kMaxWorkloads,
                                                          issues, readProvisioned);
  scenario.reserved =
      readArray<Reservation>(reader, "reserved", kMaxWorkloads, issues, readReservation);
  if (const Json *agreement = reader.find("agreement"))
    scenario.agreement = readAgreement(*agreement, reader.pathOf("agreement"), issues);
  if (const Json *forecast = reader.find("forecast"))
    scenario.forecast = readForecast(*forecast, reader.pathOf("forecast"), issues);
  return scenario;
}

Json scenarioToJson(const Scenario &scenario) {
  Json json;
  json["format"] = kScenarioFormat;
  json["version"] = kScenarioVersion;
  json["name"] = scenario.name;
  json["hours_per_month"] = scenario.hoursPerMonth;
  if (scenario.globalVolumeMultiplier != 1)
    json["global_volume_multiplier"] = scenario.globalVolumeMultiplier;
  switch (scenario.ratecard.kind) {
  case RateCardSource::Kind::Builtin:
    json["ratecard"] = "builtin";
    break;
  case RateCardSource::Kind::Path:
    json["ratecard"] = scenario.ratecard.path;
    break;
  case RateCardSource::Kind::Inline:
    json["ratecard"] = rateCardToJson(scenario.ratecard.inlineCard.value_or(RateCard{}));
    break;
  }
  if (!scenario.ratecardOverrides.empty()) {
    Json overrides = Json::object();
    for (const RateOverride &entry : scenario.ratecardOverrides)
      setLeaf(overrides[entry.modelId], entry.field, cardValueToJson(entry.value));
    json["ratecard_overrides"] = overrides;
  }
  if (!scenario.unpricedModels.empty())
    json["unpriced_models"] = scenario.unpricedModels;
  json["workloads"] = Json::array();
  for (const Workload &workload : scenario.workloads)
    json["workloads"].push_back(workloadToJson(workload));
  json["provisioned"] = Json::array();
  for (const ProvisionedCommitment &commitment : scenario.provisioned) {
    Json entry = {{"model", commitment.modelId},
                  {"model_units", commitment.modelUnits},
                  {"term", toString(commitment.term)},
                  {"start_month", commitment.startMonth}};
    writeRenewal(entry, commitment.autoRenew, commitment.cancelNoticeDays);
    json["provisioned"].push_back(std::move(entry));
  }
  json["reserved"] = Json::array();
  for (const Reservation &reservation : scenario.reserved) {
    Json entry = {{"model", reservation.modelId},
                  {"input_tpm", reservation.inputTpm},
                  {"output_tpm", reservation.outputTpm},
                  {"term", toString(reservation.term)},
                  {"start_month", reservation.startMonth}};
    writeRenewal(entry, reservation.autoRenew, reservation.cancelNoticeDays);
    json["reserved"].push_back(std::move(entry));
  }
  if (scenario.agreement)
    json["agreement"] = {
        {"discount", scenario.agreement->discount},
        {"annual_commit_usd", scenario.agreement->annualCommitUsd},
        {"discount_applies_to_marketplace", scenario.agreement->discountAppliesToMarketplace},
        {"marketplace_cap_share", scenario.agreement->marketplaceCapShare}};
  Json forecast = {{"months", scenario.forecast.months}};
  if (scenario.forecast.volumeP10)
    forecast["volume_p10"] = *scenario.forecast.volumeP10;
  if (scenario.forecast.volumeP90)
    forecast["volume_p90"] = *scenario.forecast.volumeP90;
  const ForecastUncertainty &uncertainty = scenario.forecast.uncertainty;
  if (uncertainty.any()) {
    Json levers = Json::object();
    const auto put = [&levers](const char *key, const std::optional<LeverQuantiles> &quantiles) {
      if (quantiles)
        levers[key] = {{"p10", quantiles->p10}, {"p90", quantiles->p90}};
    };
    put("growth_per_month_shift", uncertainty.growthPerMonthShift);
    put("output_tokens_factor", uncertainty.outputTokensFactor);
    put("cache_hit_rate_shift", uncertainty.cacheHitRateShift);
    forecast["uncertainty"] = levers;
  }
  if (scenario.forecast.trials)
    forecast["trials"] = *scenario.forecast.trials;
  if (scenario.forecast.seed)
    forecast["seed"] = *scenario.forecast.seed;
  if (scenario.forecast.budgetUsd)
    forecast["budget_usd"] = *scenario.forecast.budgetUsd;
  if (scenario.forecast.historyDays)
    forecast["history_days"] = *scenario.forecast.historyDays;
  if (scenario.forecast.sensitivityRange)
    forecast["sensitivity_range"] = *scenario.forecast.sensitivityRange;
  if (scenario.forecast.startMonth)
    forecast["start_month"] = *scenario.forecast.startMonth;
  json["forecast"] = forecast;
  return json;
}

Json overrideValueToJson(const OverrideValue &value) {
  if (const auto *flag = std::get_if<bool>(&value))
    return *flag;
  if (const auto *number = std::get_if<double>(&value))
    return *number;
  if (const auto *text = std::get_if<std::string>(&value))
    return *text;
  return nullptr;
}

} // namespace bwi::core
