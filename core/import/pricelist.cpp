#include "core/import/pricelist.h"

#include "core/import/modelidentity.h"
#include "core/import/usagetype.h"

#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace bwi::core {
namespace {

namespace dom = simdjson::dom;

constexpr std::uintmax_t kMaxOfferBytes = 1024u * 1024 * 1024;

std::string lower(std::string_view text) {
  std::string out(text);
  for (char &c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view attribute(dom::object attributes, const char *name) {
  std::string_view value;
  if (attributes[name].get_string().get(value))
    return {};
  return value;
}

// USD per 1M tokens of the product's first on-demand price dimension.
std::optional<double> pricePer1m(dom::element onDemand, std::string_view sku) {
  dom::object terms;
  if (onDemand.at_key(sku).get_object().get(terms))
    return std::nullopt;
  for (const dom::key_value_pair term : terms) {
    dom::object dimensions;
    if (term.value["priceDimensions"].get_object().get(dimensions))
      continue;
    for (const dom::key_value_pair dimension : dimensions) {
      std::string_view unit, usd;
      if (dimension.value["unit"].get_string().get(unit) ||
          dimension.value.at_pointer("/pricePerUnit/USD").get_string().get(usd))
        continue;
      double price = 0;
      const auto [end, error] = std::from_chars(usd.data(), usd.data() + usd.size(), price);
      if (error != std::errc{} || end != usd.data() + usd.size() || !std::isfinite(price) ||
          price < 0)
        continue;
      const std::string text = lower(unit);
      const double perMillion = text.find("1m") != std::string::npos   ? 1.0
                                : text.find("1k") != std::string::npos ? 1e3
                                                                       : 1e6;
      return price * perMillion;
    }
  }
  return std::nullopt;
}

// The fields of a model this import sets, by name.
struct Prices {
  std::map<std::string, double> values; // "on_demand.input_per_1m" → USD per 1M
};

std::optional<std::string> fieldOf(const UsageTypeParts &parts) {
  if (parts.longContext || parts.customization || parts.tier == "latency-optimized" ||
      parts.tier == "reserved")
    return std::nullopt;
  if (parts.usage == "cache_read" && parts.tier == "standard")
    return "cache.read_per_1m";
  if (parts.usage == "cache_write" && parts.tier == "standard")
    return parts.cacheWrite1h ? "cache.write_1h_per_1m" : "cache.write_per_1m";
  if (parts.usage != "input" && parts.usage != "output")
    return std::nullopt;
  const std::string direction = parts.usage == "input" ? "input_per_1m" : "output_per_1m";
  if (parts.tier == "standard")
    return "on_demand." + direction;
  if (parts.tier == "batch")
    return "batch." + direction;
  return parts.tier + "." + direction; // flex / priority: turned into multipliers
}

// Refines what the usage type leaves open from the inferenceType attribute.
void readInferenceType(std::string_view inferenceType, UsageTypeParts &parts) {
  const std::string text = lower(inferenceType);
  if (text.empty())
    return;
  if (parts.usage == "other") {
    if (text.find("cache read") != std::string::npos)
      parts.usage = "cache_read";
    else if (text.find("cache write") != std::string::npos)
      parts.usage = "cache_write";
    else if (text.find("input") != std::string::npos)
      parts.usage = "input";
    else if (text.find("output") != std::string::npos)
      parts.usage = "output";
  }
  if (parts.tier == "standard") {
    if (text.find("batch") != std::string::npos)
      parts.tier = "batch";
    else if (text.find("priority") != std::string::npos)
      parts.tier = "priority";
    else if (text.find("flex") != std::string::npos)
      parts.tier = "flex";
  }
  if (text.find("global") != std::string::npos)
    parts.global = true;
}

std::optional<double> currentValue(const ModelRates &model, const std::string &field) {
  if (field == "on_demand.input_per_1m")
    return model.onDemand.inputPer1m;
  if (field == "on_demand.output_per_1m")
    return model.onDemand.outputPer1m;
  if (field == "batch.input_per_1m")
    return model.batch ? std::optional(model.batch->inputPer1m) : std::nullopt;
  if (field == "batch.output_per_1m")
    return model.batch ? std::optional(model.batch->outputPer1m) : std::nullopt;
  if (field == "cache.read_per_1m")
    return model.cache ? std::optional(model.cache->readPer1m) : std::nullopt;
  if (field == "cache.write_per_1m")
    return model.cache ? model.cache->writePer1m : std::nullopt;
  if (field == "cache.write_1h_per_1m")
    return model.cache ? model.cache->write1hPer1m : std::nullopt;
  if (field == "tiers.priority")
    return model.tiers ? model.tiers->priority : std::nullopt;
  if (field == "tiers.flex")
    return model.tiers ? model.tiers->flex : std::nullopt;
  return std::nullopt;
}

void setValue(ModelRates &model, const std::string &field, double value) {
  if (field == "on_demand.input_per_1m")
    model.onDemand.inputPer1m = value;
  else if (field == "on_demand.output_per_1m")
    model.onDemand.outputPer1m = value;
  else if (field.starts_with("batch.")) {
    if (!model.batch)
      model.batch = TokenPrices{};
    model.batch->estimate = false;
    (field == "batch.input_per_1m" ? model.batch->inputPer1m : model.batch->outputPer1m) = value;
  } else if (field.starts_with("cache.")) {
    if (!model.cache)
      model.cache = CachePrices{};
    if (field == "cache.read_per_1m")
      model.cache->readPer1m = value;
    else if (field == "cache.write_per_1m")
      model.cache->writePer1m = value;
    else
      model.cache->write1hPer1m = value;
  } else if (field.starts_with("tiers.")) {
    if (!model.tiers)
      model.tiers = TierMultipliers{};
    (field == "tiers.priority" ? model.tiers->priority : model.tiers->flex) = value;
  }
}

// "2026-11-20T00:00:00Z" begins with a date the card's as_of can take.
bool isIsoDate(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-')
    return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(text[i])))
      return false;
  return true;
}

std::string formatPriceValue(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", value);
  return text;
}

bool sameMoney(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a));
}

} // namespace

PriceListImport importPriceList(const std::vector<InputFile> &files, const RateCard &current) {
  PriceListImport result;
  std::map<std::string, Prices> priced;       // card id → prices read
  std::map<std::string, std::string> unknown; // price-list name → offer code
  std::set<bool> offersCovered;               // marketplace or not
  dom::parser parser;
  for (const InputFile &file : files) {
    std::string error;
    const auto text = readWholeInput(file, kMaxOfferBytes, error);
    if (!text) {
      result.failure = ImportFailure{error};
      return result;
    }
    dom::element root;
    dom::object products;
    dom::element onDemand;
    std::string_view offerCode, publication;
    if (parser.parse(*text).get(root) || root["products"].get_object().get(products) ||
        root.at_pointer("/terms/OnDemand").get(onDemand) ||
        root["offerCode"].get_string().get(offerCode)) {
      const std::string message =
          file.display +
          ": not an AWS Price List bulk offer file (JSON with \"offerCode\", \"products\" and "
          "\"terms\".\"OnDemand\"; offers AmazonBedrock, AmazonBedrockService, "
          "AmazonBedrockFoundationModels)";
      if (file.fromFolder) {
        result.tally.warnings.push_back(message + "; skipped");
        continue;
      }
      result.failure = ImportFailure{message};
      return result;
    }
    if (!offerCode.starts_with("AmazonBedrock")) {
      result.failure = ImportFailure{file.display + ": offer " + std::string(offerCode) +
                                     " is not a Bedrock offer (expected AmazonBedrock, "
                                     "AmazonBedrockService or AmazonBedrockFoundationModels)"};
      return result;
    }
    ++result.tally.files;
    if (!root["publicationDate"].get_string().get(publication) && isIsoDate(publication) &&
        std::string(publication.substr(0, 10)) > result.publicationDate)
      result.publicationDate = std::string(publication.substr(0, 10));
    const bool marketplaceOffer = offerCode != "AmazonBedrock";
    offersCovered.insert(marketplaceOffer);
    for (const dom::key_value_pair product : products) {
      ++result.tally.lines;
      dom::object attributes;
      if (product.value["attributes"].get_object().get(attributes))
        continue;
      const std::string_view region = attribute(attributes, "regionCode");
      if (!region.empty() && region != current.region)
        continue;
      if (attribute(attributes, "feature").find("Customization") != std::string_view::npos)
        continue;
      UsageTypeParts parts = parseUsageType(attribute(attributes, "usagetype"));
      readInferenceType(attribute(attributes, "inferenceType"), parts);
      const auto field = fieldOf(parts);
      if (!field)
        continue;
      const auto price = pricePer1m(onDemand, product.key);
      if (!price)
        continue;
      std::string_view name = attribute(attributes, "model");
      if (name.empty())
        name = attribute(attributes, "titanModel");
      if (name.empty())
        name = stripMarketplaceEdition(attribute(attributes, "servicename"));
      if (name.empty())
        name = parts.modelName;
      if (name.empty())
        continue;
      std::string id = matchModelName(name, parts.global, current);
      if (id.empty() && !parts.modelName.empty())
        id = matchModelName(parts.modelName, parts.global, current);
      if (id.empty()) {
        unknown.emplace(std::string(name), std::string(offerCode));
        continue;
      }
      // A global price belongs to the card's global entry only.
      if (parts.global != id.starts_with("global."))
        continue;
      priced[id].values.emplace(*field, *price);
    }
  }
  result.card = current;
  if (!result.publicationDate.empty())
    result.card.asOf = result.publicationDate;
  for (ModelRates &model : result.card.models) {
    const auto found = priced.find(model.id);
    if (found == priced.end()) {
      if (offersCovered.count(model.marketplace))
        result.changes.push_back({model.id, "gone", "", std::nullopt, std::nullopt,
                                  "not priced in the files; kept as it was"});
      continue;
    }
    std::map<std::string, double> values = found->second.values;
    // Flex and priority prices become multipliers of the standard input price.
    for (const char *tier : {"priority", "flex"}) {
      const auto tierInput = values.find(std::string(tier) + ".input_per_1m");
      const auto standard = values.find("on_demand.input_per_1m");
      if (tierInput != values.end() && standard != values.end() && standard->second > 0)
        values["tiers." + std::string(tier)] = tierInput->second / standard->second;
      values.erase(std::string(tier) + ".input_per_1m");
      values.erase(std::string(tier) + ".output_per_1m");
    }
    for (const auto &[field, value] : values) {
      // A card beyond the reader's limits would be refused when saved and
      // opened again; such a price is reported and not taken.
      const bool multiplier = field.starts_with("tiers.");
      if (multiplier ? !(value > 0 && value <= kMaxTierMultiplier) : value > kMaxPriceUsd) {
        result.tally.warnings.push_back(
            model.id + ": " + field + " " + formatPriceValue(value) + " from the price list is " +
            (multiplier ? "not a multiplier above 0 up to 100" : "above 1e6 USD") +
            "; kept as it was");
        continue;
      }
      const auto before = currentValue(model, field);
      if (before && sameMoney(*before, value))
        continue;
      result.changes.push_back({model.id, "changed", field, before, value, ""});
      setValue(model, field, value);
    }
    if (!model.source.empty())
      model.source += "; ";
    model.source += "AWS Price List " + result.publicationDate;
  }
  for (const auto &[name, offer] : unknown)
    result.changes.push_back({name, "added", "", std::nullopt, std::nullopt,
                              "priced in " + offer +
                                  "; no model of the card matches and the price list names no "
                                  "model id, so it is not in the new card"});
  return result;
}

} // namespace bwi::core
