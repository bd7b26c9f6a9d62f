#include "core/files/ratecardjson.h"

#include "core/files/partialmodel.h"
#include "core/model/calendarmonth.h"

#include <algorithm>
#include <regex>
#include <set>

namespace bwi::core {
namespace {

const NumberRule kPrice = NumberRule::between(0, kMaxPriceUsd); // USD per 1M tokens or per MU-hour
const NumberRule kTpm = NumberRule::between(0, 1e12);           // tokens per minute
const NumberRule kMultiplier = NumberRule::above(0, kMaxTierMultiplier);
const NumberRule kThreshold = NumberRule::between(0, 1e13); // input tokens per call

// The fields a price change may merge (docs/cost-model.md §13.1).
constexpr const char *kChangeFields[] = {"on_demand",    "batch",       "cache",   "tiers",
                                         "long_context", "provisioned", "reserved"};
// More dated changes than a model's, or a card's, history could hold; beyond
// them a hostile file would only make every month's card slow to build.
constexpr std::size_t kMaxPriceChanges = 1000;
constexpr std::size_t kMaxCardPriceChanges = 20000;

// A month YYYY-MM at `key`, or "" (absent, or reported as an issue).
std::string readMonth(ObjectReader &reader, std::string_view key, bool required) {
  if (required && !reader.has(key)) {
    reader.missing(key);
    return {};
  }
  const auto text = reader.optionalString(key);
  if (!text)
    return {};
  if (!parseCalendarMonth(*text)) {
    reader.addIssue(key, "must be a month YYYY-MM, got \"" + *text + "\"");
    return {};
  }
  return *text;
}

LongContextPricing readLongContext(const Json &json, const std::string &path,
                                   ValidationIssues &issues) {
  ObjectReader reader(json, path, issues);
  LongContextPricing pricing;
  pricing.thresholdInputTokens = reader.requiredNumber("threshold_input_tokens", kThreshold);
  pricing.inputMultiplier = reader.number("input_mult", 1, kMultiplier);
  pricing.outputMultiplier = reader.number("output_mult", 1, kMultiplier);
  pricing.note = reader.string("note", "");
  return pricing;
}

std::vector<DatedPriceChange> readPriceChanges(ObjectReader &model, ValidationIssues &issues) {
  std::vector<DatedPriceChange> changes;
  const Json *json = model.find("price_changes");
  if (!json)
    return changes;
  if (!json->is_array()) {
    model.addIssue("price_changes",
                   "must be an array of dated changes, got " + describeType(*json));
    return changes;
  }
  if (json->size() > kMaxPriceChanges) {
    model.addIssue("price_changes", "lists " + std::to_string(json->size()) +
                                        " changes; a model may have at most " +
                                        std::to_string(kMaxPriceChanges));
    return changes;
  }
  for (std::size_t i = 0; i < json->size(); ++i) {
    const Json &entry = (*json)[i];
    ObjectReader reader(entry, indexPath(model.pathOf("price_changes"), i), issues);
    if (!reader.isObject())
      continue;
    DatedPriceChange change;
    change.effective = readMonth(reader, "effective", true);
    change.note = reader.string("note", "");
    change.source = reader.string("source", "");
    for (const char *key : kChangeFields) {
      reader.find(key); // known, even when null
      const auto it = entry.find(key);
      if (it == entry.end())
        continue;
      if (!it->is_object() && !it->is_null()) {
        reader.addIssue(key, "must be an object of the fields that change, or null, got " +
                                 describeType(*it));
        continue;
      }
      flattenPartial(*it, key, reader.pathOf(key), false, change.fields, issues);
    }
    changes.push_back(std::move(change));
  }
  return changes;
}

std::string noteOf(ObjectReader &reader) {
  if (auto note = reader.optionalString("note"))
    return *note;
  return reader.string("estimate_reason", "");
}

TokenPrices readTokenPrices(const Json &json, const std::string &path, ValidationIssues &issues) {
  ObjectReader reader(json, path, issues);
  TokenPrices prices;
  prices.inputPer1m = reader.requiredNumber("input_per_1m", kPrice);
  prices.outputPer1m = reader.requiredNumber("output_per_1m", kPrice);
  prices.estimate = reader.boolean("estimate", false);
  prices.note = noteOf(reader);
  return prices;
}

CachePrices readCache(const Json &json, const std::string &path, ValidationIssues &issues) {
  ObjectReader reader(json, path, issues);
  CachePrices cache;
  cache.writePer1m = reader.optionalNumber("write_per_1m", kPrice);
  cache.readPer1m = reader.number("read_per_1m", 0, kPrice);
  cache.write1hPer1m = reader.optionalNumber("write_1h_per_1m", kPrice);
  cache.note = reader.string("note", reader.string("write_note", ""));
  return cache;
}

TierMultipliers readTiers(const Json &json, const std::string &path, ValidationIssues &issues) {
  ObjectReader reader(json, path, issues);
  TierMultipliers tiers;
  tiers.priority = reader.optionalNumber("priority", kMultiplier);
  tiers.flex = reader.optionalNumber("flex", kMultiplier);
  tiers.note = reader.string("note", "");
  return tiers;
}

ProvisionedRates readProvisioned(const Json &json, const std::string &path,
                                 ValidationIssues &issues) {
  ObjectReader reader(json, path, issues);
  ProvisionedRates pt;
  if (const Json *rates = reader.find("per_mu_hour")) {
    ObjectReader rateReader(*rates, reader.pathOf("per_mu_hour"), issues);
    pt.noCommitPerMuHour = rateReader.optionalNumber("no_commit", kPrice);
    pt.oneMonthPerMuHour = rateReader.optionalNumber("one_month", kPrice);
    pt.sixMonthPerMuHour = rateReader.optionalNumber("six_month", kPrice);
  }
  // A model unit serves at least a token a minute, or the load in model
  // units overflows; 0 (with null) still means "not quoted".
  for (const char *key : {"input_tpm_per_mu", "output_tpm_per_mu"}) {
    const auto capacity = reader.optionalNumber(key, kTpm);
    if (capacity && *capacity > 0 && *capacity < 1)
      reader.addIssue(key, "must be 0 (not quoted) or at least 1 token per minute");
    (std::string_view(key) == "input_tpm_per_mu" ? pt.inputTpmPerMu : pt.outputTpmPerMu) = capacity;
  }
  pt.estimate = reader.boolean("estimate", false);
  pt.note = reader.string("note", reader.string("capacity_note", ""));
  return pt;
}

std::optional<ReservedTermRates> readReservedTerm(ObjectReader &parent, std::string_view key,
                                                  ValidationIssues &issues) {
  const Json *json = parent.find(key);
  if (!json)
    return std::nullopt;
  ObjectReader reader(*json, parent.pathOf(key), issues);
  const auto input = reader.optionalNumber("input_per_1k_tpm_month", kPrice);
  const auto output = reader.optionalNumber("output_per_1k_tpm_month", kPrice);
  if (!input && !output)
    return std::nullopt; // a term whose price is not known yet ("quote needed")
  if (!input)
    reader.missing("input_per_1k_tpm_month");
  if (!output)
    reader.missing("output_per_1k_tpm_month");
  return ReservedTermRates{input.value_or(0), output.value_or(0)};
}

ReservedRates readReserved(const Json &json, const std::string &path, ValidationIssues &issues) {
  ObjectReader reader(json, path, issues);
  ReservedRates reserved;
  reserved.oneMonth = readReservedTerm(reader, "one_month", issues);
  reserved.threeMonth = readReservedTerm(reader, "three_month", issues);
  reserved.minInputTpm = reader.number("min_input_tpm", 0, kTpm);
  reserved.minOutputTpm = reader.number("min_output_tpm", 0, kTpm);
  reserved.estimate = reader.boolean("estimate", false);
  reserved.note = reader.string("note", "");
  return reserved;
}

const std::regex &isoDatePattern() {
  static const std::regex isoDate(R"(\d{4}-\d{2}-\d{2})");
  return isoDate;
}

QualityScore readQuality(const Json &json, const std::string &path, ValidationIssues &issues) {
  ObjectReader reader(json, path, issues);
  QualityScore quality;
  // A leaderboard's own scale: ratings, percentages or points, never a price.
  quality.score = reader.requiredNumber("score", NumberRule::between(-1e9, 1e9));
  quality.scale = reader.string("scale", "");
  quality.leaderboard = reader.requiredString("leaderboard");
  quality.date = reader.requiredString("date");
  if (!quality.date.empty() && !std::regex_match(quality.date, isoDatePattern()))
    reader.addIssue("date", "must be a date YYYY-MM-DD, got \"" + quality.date + "\"");
  quality.source = reader.requiredString("source");
  return quality;
}

MeterRate readMeter(const Json &json, const std::string &path, ValidationIssues &issues) {
  ObjectReader reader(json, path, issues);
  MeterRate meter;
  meter.kind = reader.requiredString("kind");
  meter.name = reader.string("name", meter.kind);
  meter.category = reader.string("category", "");
  meter.unit = reader.requiredString("unit");
  meter.usdPerUnit = reader.requiredNumber("usd_per_unit", kPrice);
  meter.source = reader.string("source", "");
  meter.sourceDate = reader.string("source_date", "");
  meter.estimate = reader.boolean("estimate", false);
  meter.note = reader.string("note", "");
  return meter;
}

void readMeters(ObjectReader &reader, RateCard &card, ValidationIssues &issues) {
  const Json *meters = reader.find("meters");
  if (!meters)
    return;
  if (!meters->is_array()) {
    reader.addIssue("meters", "must be an array, got " + describeType(*meters));
    return;
  }
  if (meters->size() > kMaxRateCardModels) {
    reader.addIssue("meters", "lists " + std::to_string(meters->size()) +
                                  " meters; a rate card may have at most " +
                                  std::to_string(kMaxRateCardModels));
    return;
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < meters->size(); ++i) {
    const std::string meterPath = indexPath(reader.pathOf("meters"), i);
    MeterRate meter = readMeter((*meters)[i], meterPath, issues);
    if (!meter.kind.empty() && !seen.insert(meter.kind).second)
      issues.push_back(
          {childPath(meterPath, "kind"), "duplicate meter kind \"" + meter.kind + "\""});
    card.meters.push_back(std::move(meter));
  }
}

// Read after the models, so that each router's two models are checked
// against them (docs/ratecard.md, "Prompt routers").
void readPromptRouters(ObjectReader &reader, RateCard &card, ValidationIssues &issues) {
  const Json *routers = reader.find("prompt_routers");
  if (!routers)
    return;
  if (!routers->is_array()) {
    reader.addIssue("prompt_routers", "must be an array, got " + describeType(*routers));
    return;
  }
  if (routers->size() > kMaxRateCardModels) {
    reader.addIssue("prompt_routers", "lists " + std::to_string(routers->size()) +
                                          " routers; a rate card may have at most " +
                                          std::to_string(kMaxRateCardModels));
    return;
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < routers->size(); ++i) {
    const std::string path = indexPath(reader.pathOf("prompt_routers"), i);
    ObjectReader entry((*routers)[i], path, issues);
    if (!entry.isObject())
      continue;
    PromptRouter router;
    router.id = entry.requiredString("id");
    if (!router.id.empty() && !seen.insert(router.id).second)
      entry.addIssue("id", "duplicate router id \"" + router.id + "\"");
    router.name = entry.string("name", router.id);
    router.source = entry.string("source", "");
    router.sourceDate = entry.string("source_date", "");
    router.note = entry.string("note", "");
    const Json *models = entry.find("models");
    if (!models) {
      entry.missing("models");
    } else if (!models->is_array() || models->size() != 2) {
      entry.addIssue("models", "must be an array of the router's two model ids");
    } else {
      for (std::size_t j = 0; j < 2; ++j) {
        const std::string modelPath = indexPath(entry.pathOf("models"), j);
        const Json &model = (*models)[j];
        if (!model.is_string() || !card.find(model.get<std::string>()))
          issues.push_back({modelPath, "must be a model id of this card"});
        else
          router.models.push_back(model.get<std::string>());
      }
      if (router.models.size() == 2 && router.models[0] == router.models[1])
        entry.addIssue("models", "names the same model twice");
    }
    card.promptRouters.push_back(std::move(router));
  }
}

Json promptRouterToJson(const PromptRouter &router) {
  return {{"id", router.id},
          {"name", router.name},
          {"models", router.models},
          {"source", router.source},
          {"source_date", router.sourceDate},
          {"note", router.note}};
}

Json qualityToJson(const QualityScore &quality) {
  return {{"score", quality.score},
          {"scale", quality.scale},
          {"leaderboard", quality.leaderboard},
          {"date", quality.date},
          {"source", quality.source}};
}

Json meterToJson(const MeterRate &meter) {
  Json json = {{"kind", meter.kind},
               {"name", meter.name},
               {"category", meter.category},
               {"unit", meter.unit},
               {"usd_per_unit", meter.usdPerUnit},
               {"source", meter.source},
               {"source_date", meter.sourceDate},
               {"estimate", meter.estimate}};
  if (!meter.note.empty())
    json["note"] = meter.note;
  return json;
}

template <typename T, typename Reader>
std::optional<T> readOptionalObject(ObjectReader &reader, std::string_view key,
                                    ValidationIssues &issues, Reader read) {
  if (const Json *json = reader.find(key))
    return read(*json, reader.pathOf(key), issues);
  return std::nullopt;
}

Json optionalNumberJson(const std::optional<double> &value) {
  return value ? Json(*value) : Json(nullptr);
}

Json tokenPricesToJson(const TokenPrices &prices) {
  Json json = {{"input_per_1m", prices.inputPer1m}, {"output_per_1m", prices.outputPer1m}};
  if (prices.estimate)
    json["estimate"] = true;
  if (!prices.note.empty())
    json["note"] = prices.note;
  return json;
}

Json reservedTermToJson(const std::optional<ReservedTermRates> &rates) {
  if (!rates)
    return nullptr;
  return {{"input_per_1k_tpm_month", rates->inputPer1kTpmMonth},
          {"output_per_1k_tpm_month", rates->outputPer1kTpmMonth}};
}

} // namespace

ModelRates readModelRates(const Json &json, const std::string &path, ValidationIssues &issues) {
  ObjectReader reader(json, path, issues);
  ModelRates model;
  model.id = reader.requiredString("id");
  if (reader.has("id") && model.id.empty())
    reader.addIssue("id", "must not be empty");
  model.name = reader.string("name", model.id);
  model.provider = reader.string("provider", "");
  model.tier = reader.string("tier", "");
  model.marketplace = reader.boolean("marketplace", false);
  if (const Json *onDemand = reader.find("on_demand"))
    model.onDemand = readTokenPrices(*onDemand, reader.pathOf("on_demand"), issues);
  else
    reader.missing("on_demand");
  model.batch = readOptionalObject<TokenPrices>(reader, "batch", issues, readTokenPrices);
  model.cache = readOptionalObject<CachePrices>(reader, "cache", issues, readCache);
  model.tiers = readOptionalObject<TierMultipliers>(reader, "tiers", issues, readTiers);
  if (model.tiers && model.tiers->note.empty())
    model.tiers->note = reader.string("tiers_note", "");
  model.provisioned =
      readOptionalObject<ProvisionedRates>(reader, "provisioned", issues, readProvisioned);
  model.reserved = readOptionalObject<ReservedRates>(reader, "reserved", issues, readReserved);
  model.quality = readOptionalObject<QualityScore>(reader, "quality", issues, readQuality);
  model.source = reader.string("source", "");
  model.sourceDate = reader.string("source_date", "");
  model.note = reader.string("note", "");
  model.longContext =
      readOptionalObject<LongContextPricing>(reader, "long_context", issues, readLongContext);
  model.priceChanges = readPriceChanges(reader, issues);
  model.endOfLife = readMonth(reader, "end_of_life", false);
  model.successor = reader.string("successor", "");
  // Known, and only for the people reading the card (docs/ratecard.md): a
  // model kept at an old published price. Checked, not kept.
  reader.boolean("legacy", false);
  return model;
}

RateCard readRateCard(const Json &json, const std::string &path, ValidationIssues &issues) {
  ObjectReader reader(json, path, issues);
  RateCard card;
  if (!reader.isObject())
    return card;
  if (auto format = reader.optionalString("format"); format && *format != kRateCardFormat)
    reader.addIssue("format",
                    "must be \"" + std::string(kRateCardFormat) + "\", got \"" + *format + "\"");
  if (const auto version = reader.optionalNumber("version", NumberRule::wholeBetween(1, 1e9))) {
    if (*version > kRateCardVersion)
      reader.addIssue("version", "this rate card is version " +
                                     std::to_string(static_cast<long long>(*version)) +
                                     ", written by a newer Bedrock What-If; this program reads "
                                     "up to version " +
                                     std::to_string(kRateCardVersion));
    else
      card.version = static_cast<int>(*version);
  }
  card.asOf = reader.requiredString("as_of");
  if (!card.asOf.empty() && !std::regex_match(card.asOf, isoDatePattern()))
    reader.addIssue("as_of", "must be a date YYYY-MM-DD, got \"" + card.asOf + "\"");
  card.region = reader.string("region", "");
  // Known, and only for the people reading the card: the sources its
  // figures came from, which each model's `source` names (docs/ratecard.md).
  reader.find("sources");
  card.currency = reader.string("currency", "USD");
  if (card.currency != "USD")
    reader.addIssue("currency", "only USD rate cards are supported, got \"" + card.currency + "\"");
  if (const Json *notes = reader.find("notes")) {
    if (notes->is_array()) {
      for (std::size_t i = 0; i < notes->size(); ++i) {
        if ((*notes)[i].is_string())
          card.notes.push_back((*notes)[i].get<std::string>());
        else
          issues.push_back({indexPath(reader.pathOf("notes"), i), "must be a string"});
      }
    } else {
      reader.addIssue("notes", "must be an array of strings");
    }
  }
  readMeters(reader, card, issues);
  const Json *models = reader.find("models");
  if (!models) {
    reader.missing("models");
    return card;
  }
  if (!models->is_array()) {
    reader.addIssue("models", "must be an array, got " + describeType(*models));
    return card;
  }
  if (models->size() > kMaxRateCardModels) {
    reader.addIssue("models", "lists " + std::to_string(models->size()) +
                                  " models; a rate card may have at most " +
                                  std::to_string(kMaxRateCardModels));
    return card;
  }
  std::set<std::string> seen;
  std::size_t changes = 0;
  for (const Json &model : *models)
    if (model.is_object())
      if (const auto it = model.find("price_changes"); it != model.end() && it->is_array())
        changes += it->size();
  if (changes > kMaxCardPriceChanges) {
    reader.addIssue("models", "list " + std::to_string(changes) +
                                  " price changes; a rate card may have at most " +
                                  std::to_string(kMaxCardPriceChanges));
    return card;
  }
  for (std::size_t i = 0; i < models->size(); ++i) {
    const std::string modelPath = indexPath(reader.pathOf("models"), i);
    const std::size_t before = issues.size();
    ModelRates model = readModelRates((*models)[i], modelPath, issues);
    if (issues.size() == before)
      model.versions =
          priceVersions(model, model.priceChanges, {}, childPath(modelPath, "price_changes"),
                        modelPath, issues, issues);
    if (!model.id.empty() && !seen.insert(model.id).second)
      issues.push_back({childPath(modelPath, "id"), "duplicate model id \"" + model.id + "\""});
    card.models.push_back(std::move(model));
  }
  readPromptRouters(reader, card, issues);
  return card;
}

Json modelRatesToJson(const ModelRates &model) {
  Json json;
  json["id"] = model.id;
  json["name"] = model.name;
  json["provider"] = model.provider;
  json["tier"] = model.tier;
  json["marketplace"] = model.marketplace;
  json["on_demand"] = tokenPricesToJson(model.onDemand);
  json["batch"] = model.batch ? tokenPricesToJson(*model.batch) : Json(nullptr);
  if (model.cache) {
    Json cache = {{"write_per_1m", optionalNumberJson(model.cache->writePer1m)},
                  {"read_per_1m", model.cache->readPer1m}};
    if (model.cache->write1hPer1m)
      cache["write_1h_per_1m"] = *model.cache->write1hPer1m;
    if (!model.cache->note.empty())
      cache["note"] = model.cache->note;
    json["cache"] = cache;
  } else {
    json["cache"] = nullptr;
  }
  if (model.tiers) {
    Json tiers = Json::object();
    if (model.tiers->priority)
      tiers["priority"] = *model.tiers->priority;
    if (model.tiers->flex)
      tiers["flex"] = *model.tiers->flex;
    if (!model.tiers->note.empty())
      tiers["note"] = model.tiers->note;
    json["tiers"] = tiers;
  }
  if (model.provisioned) {
    const ProvisionedRates &pt = *model.provisioned;
    Json provisioned = {{"per_mu_hour",
                         {{"no_commit", optionalNumberJson(pt.noCommitPerMuHour)},
                          {"one_month", optionalNumberJson(pt.oneMonthPerMuHour)},
                          {"six_month", optionalNumberJson(pt.sixMonthPerMuHour)}}},
                        {"input_tpm_per_mu", optionalNumberJson(pt.inputTpmPerMu)},
                        {"output_tpm_per_mu", optionalNumberJson(pt.outputTpmPerMu)}};
    if (pt.estimate)
      provisioned["estimate"] = true;
    if (!pt.note.empty())
      provisioned["note"] = pt.note;
    json["provisioned"] = provisioned;
  } else {
    json["provisioned"] = nullptr;
  }
  if (model.reserved) {
    const ReservedRates &reserved = *model.reserved;
    Json object = {{"one_month", reservedTermToJson(reserved.oneMonth)},
                   {"three_month", reservedTermToJson(reserved.threeMonth)},
                   {"min_input_tpm", reserved.minInputTpm},
                   {"min_output_tpm", reserved.minOutputTpm}};
    if (reserved.estimate)
      object["estimate"] = true;
    if (!reserved.note.empty())
      object["note"] = reserved.note;
    json["reserved"] = object;
  } else {
    json["reserved"] = nullptr;
  }
  if (model.quality)
    json["quality"] = qualityToJson(*model.quality);
  json["source"] = model.source;
  json["source_date"] = model.sourceDate;
  if (!model.note.empty())
    json["note"] = model.note;
  if (model.longContext) {
    const LongContextPricing &pricing = *model.longContext;
    Json longContext = {{"threshold_input_tokens", pricing.thresholdInputTokens},
                        {"input_mult", pricing.inputMultiplier},
                        {"output_mult", pricing.outputMultiplier}};
    if (!pricing.note.empty())
      longContext["note"] = pricing.note;
    json["long_context"] = longContext;
  }
  if (!model.priceChanges.empty()) {
    Json changes = Json::array();
    for (const DatedPriceChange &change : model.priceChanges) {
      Json entry = {{"effective", change.effective}};
      if (!change.note.empty())
        entry["note"] = change.note;
      if (!change.source.empty())
        entry["source"] = change.source;
      const Json fields = leavesToJson(change.fields);
      for (const auto &[key, value] : fields.items())
        entry[key] = value;
      changes.push_back(std::move(entry));
    }
    json["price_changes"] = std::move(changes);
  }
  if (!model.endOfLife.empty())
    json["end_of_life"] = model.endOfLife;
  if (!model.successor.empty())
    json["successor"] = model.successor;
  return json;
}

std::vector<ModelRates>
priceVersions(const ModelRates &base, const std::vector<DatedPriceChange> &changes,
              const std::vector<CardLeaf> &overrides, const std::string &changesPath,
              const std::string &overridesPath, ValidationIssues &changeIssues,
              ValidationIssues &overrideIssues) {
  std::vector<ModelRates> versions;
  // In order of `effective`, ties in file order (docs/cost-model.md §13.3).
  std::vector<std::pair<int, std::size_t>> order;
  for (std::size_t j = 0; j < changes.size(); ++j)
    if (const auto month = parseCalendarMonth(changes[j].effective))
      order.emplace_back(*month, j);
  std::stable_sort(order.begin(), order.end(),
                   [](const auto &a, const auto &b) { return a.first < b.first; });
  Json state = modelRatesToJson(base);
  state.erase("price_changes");
  for (std::size_t k = 0; k < order.size(); ++k) {
    const DatedPriceChange &change = changes[order[k].second];
    for (const CardLeaf &leaf : change.fields)
      setLeaf(state, leaf.field, cardValueToJson(leaf.value));
    // Each change is checked where it comes in; the first that does not
    // make a valid model stops the schedule (the card is refused anyway).
    const std::size_t before = changeIssues.size();
    ModelRates merged =
        readModelRates(state, indexPath(changesPath, order[k].second), changeIssues);
    if (changeIssues.size() != before)
      return {};
    state = modelRatesToJson(merged); // known fields only: an unknown one is named once
    const bool lastOfMonth = k + 1 == order.size() || order[k + 1].first != order[k].first;
    if (!lastOfMonth)
      continue;
    if (!overrides.empty()) {
      Json withOverrides = state;
      for (const CardLeaf &leaf : overrides)
        setLeaf(withOverrides, leaf.field, cardValueToJson(leaf.value));
      ValidationIssues own;
      merged = readModelRates(withOverrides, overridesPath, own);
      if (!own.empty()) {
        for (ValidationIssue &issue : own) {
          issue.message += " (with the price change of " + change.effective + ")";
          overrideIssues.push_back(std::move(issue));
        }
        return {};
      }
    }
    merged.inForceFrom = change.effective;
    merged.priceChanges.clear();
    versions.push_back(std::move(merged));
  }
  return versions;
}

Json rateCardToJson(const RateCard &card) {
  Json json;
  json["format"] = kRateCardFormat;
  json["version"] = card.version;
  json["as_of"] = card.asOf;
  json["region"] = card.region;
  json["currency"] = card.currency;
  if (!card.notes.empty())
    json["notes"] = card.notes;
  if (!card.meters.empty()) {
    json["meters"] = Json::array();
    for (const MeterRate &meter : card.meters)
      json["meters"].push_back(meterToJson(meter));
  }
  if (!card.promptRouters.empty()) {
    json["prompt_routers"] = Json::array();
    for (const PromptRouter &router : card.promptRouters)
      json["prompt_routers"].push_back(promptRouterToJson(router));
  }
  json["models"] = Json::array();
  for (const ModelRates &model : card.models)
    json["models"].push_back(modelRatesToJson(model));
  return json;
}

} // namespace bwi::core
