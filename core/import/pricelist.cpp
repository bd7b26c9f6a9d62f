#include "core/import/pricelist.h"

#include "core/import/modelidentity.h"
#include "core/import/usagetype.h"

#include <simdjson.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>
#include <unordered_map>

namespace bwi::core {
namespace {

namespace dom = simdjson::dom;

constexpr std::string_view kGlobalPrefix = "global.";
// Opens the part of a model's note an update writes ("[AWS Price List 2026-11-20: …]").
constexpr std::string_view kNoteOpening = "[AWS Price List";

std::string lower(std::string_view text) {
  std::string out(text);
  for (char &c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// A string member, or empty where there is none.
template <typename Json> std::string_view attribute(Json json, const char *name) {
  std::string_view value;
  if (json[name].get_string().get(value))
    return {};
  return value;
}

std::string formatUsd(double value) {
  char text[40];
  std::snprintf(text, sizeof text, "$%.6g", value);
  return text;
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

// What a price dimension's unit measures, and the factor to the card's units:
// tokens to USD per 1M tokens; commitments per hour (or per month).
enum class UnitKind { Tokens, Hours, Months, Unknown };
struct Unit {
  UnitKind kind = UnitKind::Unknown;
  double factor = 1;
};

Unit unitOf(std::string_view unitText, std::string_view description) {
  const std::string unit = lower(unitText);
  const auto tokens = [](const std::string &text) -> std::optional<Unit> {
    if (!contains(text, "token"))
      return std::nullopt;
    if (contains(text, "1k") || contains(text, "thousand"))
      return Unit{UnitKind::Tokens, 1e3};
    if (contains(text, "1m") || contains(text, "million"))
      return Unit{UnitKind::Tokens, 1};
    return Unit{UnitKind::Tokens, 1e6};
  };
  if (const auto found = tokens(unit))
    return *found;
  if (contains(unit, "hour") || unit == "hrs" || unit == "hr" || unit == "h")
    return {UnitKind::Hours, 1};
  if (contains(unit, "month"))
    return {UnitKind::Months, 1};
  // Marketplace rows measured in "Units" say what a unit is in the description:
  // "AWS Marketplace software usage|us-east-1|Million Input Tokens Regional".
  if (const auto found = tokens(lower(description)))
    return *found;
  return {};
}

struct Price {
  double usd = 0;
  Unit unit;
  std::string unitText;
};

// The product's on-demand price: the first rate of the first term, the one
// that starts at 0 where a dimension is tiered by range.
std::optional<Price> priceOf(dom::object terms) {
  for (const dom::key_value_pair term : terms) {
    dom::object dimensions;
    if (term.value["priceDimensions"].get_object().get(dimensions))
      continue;
    for (const dom::key_value_pair dimension : dimensions) {
      std::string_view unit, usd, begin, description;
      if (dimension.value["unit"].get_string().get(unit) ||
          dimension.value.at_pointer("/pricePerUnit/USD").get_string().get(usd))
        continue;
      if (!dimension.value["beginRange"].get_string().get(begin) && !begin.empty() && begin != "0")
        continue;
      description = attribute(dimension.value, "description");
      double value = 0;
      const auto [end, error] = std::from_chars(usd.data(), usd.data() + usd.size(), value);
      if (error != std::errc{} || end != usd.data() + usd.size() || !std::isfinite(value) ||
          value < 0)
        continue;
      return Price{value, unitOf(unit, description), std::string(unit)};
    }
  }
  return std::nullopt;
}

// Refines what the usage type leaves open from the product's attributes.
void readAttributes(dom::object attributes, UsageTypeParts &parts) {
  const std::string inference = lower(attribute(attributes, "inferenceType"));
  const std::string feature = lower(attribute(attributes, "feature"));
  const std::string serviceTier = lower(attribute(attributes, "service_tier"));
  if (contains(feature, "customization") || contains(inference, "customization"))
    parts.customization = true;
  if (parts.usage == "other") {
    if (contains(inference, "cache read"))
      parts.usage = "cache_read";
    else if (contains(inference, "cache write"))
      parts.usage = "cache_write";
    else if (contains(feature, "provisioned"))
      parts.usage = "provisioned";
    else if (contains(inference, "input"))
      parts.usage = "input";
    else if (contains(inference, "output"))
      parts.usage = "output";
  }
  if (parts.tier == "standard") {
    const std::string all = inference + " " + feature + " " + serviceTier;
    if (contains(all, "batch"))
      parts.tier = "batch";
    else if (contains(all, "priority"))
      parts.tier = "priority";
    else if (contains(all, "flex"))
      parts.tier = "flex";
    else if (contains(all, "latency"))
      parts.tier = "latency-optimized";
  }
  if (contains(inference, "global"))
    parts.global = true;
}

// One priced row of the region: what it prices, for which model, how much.
struct Row {
  std::string name;      // the model as the row names it
  std::string modelPart; // the usage type's model part ("NovaPro", "zai.glm5")
  bool global = false;
  bool marketplace = false;
  std::string field; // a key of ModelPrices::values (below)
  double value = 0;  // USD per 1M tokens, per hour, or per month
  std::string usageType;
  std::string offer;
};

// The field a row prices, or why it is left out.
std::string fieldOf(const UsageTypeParts &parts, const Unit &unit, std::string &leftOut) {
  if (parts.customization) {
    leftOut = "model customization";
    return {};
  }
  if (parts.usage == "reserved") {
    if (parts.reservedMonths == 0) {
      leftOut = "reserved rows without a term";
      return {};
    }
    if (unit.kind != UnitKind::Hours && unit.kind != UnitKind::Months) {
      leftOut = "reserved rows not priced per hour";
      return {};
    }
    return std::string(parts.reservedMonths == 3 ? "reserved.three_month."
                                                 : "reserved.one_month.") +
           (parts.reservedOutput ? "output" : "input") +
           (unit.kind == UnitKind::Months ? ".month" : ".hour");
  }
  if (parts.usage == "provisioned") {
    if (unit.kind != UnitKind::Hours) {
      leftOut = "provisioned-throughput rows not priced per hour";
      return {};
    }
    return "pt." + parts.ptTerm;
  }
  if (!isTokenUsage(parts.usage)) {
    leftOut = "images, audio, video and other non-token units";
    return {};
  }
  if (unit.kind != UnitKind::Tokens) {
    leftOut = "token rows in a unit that is not tokens";
    return {};
  }
  const std::string direction = parts.usage == "output" ? "output" : "input";
  if (parts.longContext)
    return "long." + parts.tier + "." + parts.usage;
  if (parts.tier == "latency-optimized")
    return "latency." + parts.usage;
  if (parts.usage == "cache_read" || parts.usage == "cache_write") {
    if (parts.tier != "standard") {
      leftOut = "cache prices of the batch, flex and priority tiers";
      return {};
    }
    if (parts.usage == "cache_read")
      return "cache.read";
    return parts.cacheWrite1h    ? "cache.write_1h"
           : parts.cacheWrite30m ? "cache.write_30m"
                                 : "cache.write";
  }
  if (parts.tier == "standard")
    return "on_demand." + direction;
  if (parts.tier == "batch" || parts.tier == "flex" || parts.tier == "priority")
    return parts.tier + "." + direction;
  leftOut = "rows of another service tier";
  return {};
}

// What the files price for one model of the card to be built.
struct ModelPrices {
  std::string id;
  std::string name;
  std::string referenceId; // the reference model its name, provider and PT capacity come from
  bool global = false;
  bool marketplace = false;
  std::map<std::string, double> values; // field → price
  std::set<std::string> offers;
};

class Builder {
public:
  Builder(const RateCard &reference, const PriceListOptions &options, PriceListImport &result)
      : m_reference(reference), m_options(options), m_result(result) {}

  bool read(const PriceListDocument &document);
  void finish();

private:
  struct RawRow {
    std::string region;
    std::string offer;
    std::string usageType;
    UsageTypeParts parts;
    std::string name;
    Price price;
    std::string source;
    std::string sku;
  };

  bool readParsed(dom::element root, const PriceListDocument &document, std::string &problem);
  void readOffer(dom::object root, std::string_view offerCode, const std::string &source);
  bool readProductDocument(dom::element document, const std::string &source);
  void readProduct(dom::object product, const dom::object *terms, std::string_view offerCode,
                   const std::string &source);
  void notePublication(std::string_view date);
  std::optional<std::string> chooseRegion();
  ModelPrices *pricesFor(const RawRow &row);
  RateCard build(const std::string &region);
  void apply(ModelRates &model, const ModelPrices &prices, bool sameRegion);
  bool withinLimits(const std::string &id, const std::string &field, double value, bool multiplier);

  const RateCard &m_reference;
  const PriceListOptions &m_options;
  PriceListImport &m_result;
  dom::parser m_outer, m_inner;
  std::vector<RawRow> m_rows;
  std::set<std::string> m_regions;
  std::set<std::string> m_offers;
  std::string m_fallbackDate;
  std::string m_dateSource;
  std::map<std::string, ModelPrices> m_models;             // by id
  std::vector<std::string> m_order;                        // ids in the order first priced
  std::unordered_map<std::string, std::string> m_resolved; // row's model key → id
};

void Builder::notePublication(std::string_view date) {
  if (isIsoDate(date) && std::string(date.substr(0, 10)) > m_result.publicationDate)
    m_result.publicationDate = std::string(date.substr(0, 10));
}

bool Builder::read(const PriceListDocument &document) {
  std::string error;
  auto text = inflateIfGzip(document.bytes, kMaxOfferBytes, error);
  if (!text) {
    m_result.failure = ImportFailure{document.name + ": " + error};
    return false;
  }
  const std::size_t productsBefore = m_result.tally.lines;
  std::string problem;
  dom::element root;
  const simdjson::error_code parsed = m_outer.parse(*text).get(root);
  bool understood = false;
  if (!parsed) {
    understood = readParsed(root, document, problem);
  } else {
    // JSON lines of product documents (or of GetProducts pages), one a line.
    std::size_t lineStart = 0;
    std::uint64_t lineNumber = 0;
    std::uint64_t documents = 0;
    std::vector<SkippedLine> broken;
    while (lineStart < text->size()) {
      std::size_t lineEnd = text->find('\n', lineStart);
      if (lineEnd == std::string::npos)
        lineEnd = text->size();
      ++lineNumber;
      const std::string_view line(text->data() + lineStart, lineEnd - lineStart);
      lineStart = lineEnd + 1;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos)
        continue;
      dom::element each;
      if (const auto code = m_outer.parse(line.data(), line.size()).get(each)) {
        broken.push_back({document.name, lineNumber,
                          std::string("not JSON (") + simdjson::error_message(code) + ")"});
        continue;
      }
      if (readProductDocument(each, document.name))
        ++documents;
      else
        broken.push_back({document.name, lineNumber, "not a Price List product document"});
    }
    if (documents == 0) {
      problem = std::string("not valid JSON (") + simdjson::error_message(parsed) +
                "; a download cut short or a file of another kind)";
    } else {
      understood = true;
      for (SkippedLine &line : broken)
        m_result.tally.skipped.add(std::move(line));
    }
  }
  if (!understood) {
    const std::string message =
        document.name + ": " +
        (problem.empty() ? "not an AWS Price List file: expected a bulk offer file (JSON with "
                           "\"offerCode\", \"products\" and \"terms\") or the output of "
                           "GetProducts (\"PriceList\", or JSON lines of product documents)"
                         : problem);
    if (document.fromFolder) {
      m_result.tally.warnings.push_back(message + "; skipped");
      return true;
    }
    m_result.failure = ImportFailure{message};
    return false;
  }
  ++m_result.tally.files;
  if (m_result.tally.lines == productsBefore)
    m_result.tally.warnings.push_back(document.name + ": no Bedrock product in it");
  if (!document.fallbackDate.empty() && document.fallbackDate > m_fallbackDate) {
    m_fallbackDate = document.fallbackDate;
    m_dateSource = document.name;
  }
  return true;
}

bool Builder::readParsed(dom::element root, const PriceListDocument &document,
                         std::string &problem) {
  dom::object object;
  if (root.get_object().get(object))
    return false;
  dom::object products;
  std::string_view offerCode;
  if (!object["products"].get_object().get(products)) {
    if (object["offerCode"].get_string().get(offerCode)) {
      problem = "a bulk offer file without \"offerCode\"";
      return false;
    }
    if (!offerCode.starts_with("AmazonBedrock")) {
      problem = "offer " + std::string(offerCode) +
                " is not a Bedrock offer (expected AmazonBedrock, AmazonBedrockService or "
                "AmazonBedrockFoundationModels)";
      return false;
    }
    dom::object onDemand;
    if (root.at_pointer("/terms/OnDemand").get_object().get(onDemand)) {
      problem = "a bulk offer file without \"terms\".\"OnDemand\"";
      return false;
    }
    std::string_view publication;
    if (!object["publicationDate"].get_string().get(publication))
      notePublication(publication);
    readOffer(object, offerCode, document.name);
    return true;
  }
  return readProductDocument(root, document.name);
}

void Builder::readOffer(dom::object root, std::string_view offerCode, const std::string &source) {
  m_offers.insert(std::string(offerCode));
  dom::object products = root["products"].get_object().value_unsafe();
  dom::object onDemand = root.at_pointer("/terms/OnDemand").get_object().value_unsafe();
  // at_key scans an object's keys: one index of the terms keeps a file of
  // thousands of products linear (docs/benchmarks.md).
  std::unordered_map<std::string_view, dom::object> termsBySku;
  termsBySku.reserve(onDemand.size());
  for (const dom::key_value_pair terms : onDemand) {
    dom::object object;
    if (!terms.value.get_object().get(object))
      termsBySku.emplace(terms.key, object);
  }
  for (const dom::key_value_pair product : products) {
    dom::object value;
    if (product.value.get_object().get(value))
      continue;
    const auto terms = termsBySku.find(product.key);
    readProduct(value, terms == termsBySku.end() ? nullptr : &terms->second, offerCode, source);
  }
}

// A GetProducts product document, or a page of them ({"PriceList": [...]}).
bool Builder::readProductDocument(dom::element document, const std::string &source) {
  dom::array list;
  if (!document["PriceList"].get_array().get(list)) {
    for (const dom::element entry : list) {
      std::string_view text;
      dom::element inner;
      if (entry.get_string().get(text) || m_inner.parse(text.data(), text.size()).get(inner)) {
        m_result.tally.skipped.add({source, 0, "a PriceList entry that is not a JSON string"});
        continue;
      }
      dom::object product, terms;
      std::string_view serviceCode;
      if (inner["product"].get_object().get(product) ||
          inner.at_pointer("/terms/OnDemand").get_object().get(terms)) {
        m_result.tally.skipped.add({source, 0, "a PriceList entry without product and terms"});
        continue;
      }
      serviceCode = attribute(inner, "serviceCode");
      std::string_view publication;
      if (!inner["publicationDate"].get_string().get(publication))
        notePublication(publication);
      if (!serviceCode.empty())
        m_offers.insert(std::string(serviceCode));
      readProduct(product, &terms, serviceCode, source);
    }
    return true;
  }
  dom::object product, terms;
  if (document["product"].get_object().get(product) ||
      document.at_pointer("/terms/OnDemand").get_object().get(terms))
    return false;
  std::string_view serviceCode, publication;
  serviceCode = attribute(document, "serviceCode");
  if (!document["publicationDate"].get_string().get(publication))
    notePublication(publication);
  if (!serviceCode.empty())
    m_offers.insert(std::string(serviceCode));
  readProduct(product, &terms, serviceCode, source);
  return true;
}

void Builder::readProduct(dom::object product, const dom::object *terms, std::string_view offerCode,
                          const std::string &source) {
  dom::object attributes;
  if (product["attributes"].get_object().get(attributes))
    return;
  std::string_view service = offerCode;
  if (service.empty())
    service = attribute(attributes, "servicecode");
  if (!service.empty() && !service.starts_with("AmazonBedrock"))
    return; // another service's product in a GetProducts page
  ++m_result.tally.lines;
  RawRow row;
  row.usageType = std::string(attribute(attributes, "usagetype"));
  row.parts = parseUsageType(row.usageType);
  readAttributes(attributes, row.parts);
  row.region = std::string(attribute(attributes, "regionCode"));
  if (row.region.empty())
    row.region = row.parts.region;
  if (!row.region.empty())
    m_regions.insert(row.region);
  std::string_view sku;
  sku = attribute(product, "sku");
  row.sku = std::string(sku);
  const auto price = terms ? priceOf(*terms) : std::nullopt;
  if (!price) {
    m_result.tally.skipped.add(
        {source, 0, "SKU " + row.sku + " (" + row.usageType + "): no on-demand USD price"});
    return;
  }
  row.price = *price;
  std::string_view name = attribute(attributes, "model");
  if (name.empty())
    name = attribute(attributes, "titanModel");
  if (name.empty())
    name = stripMarketplaceEdition(attribute(attributes, "servicename"));
  row.name = std::string(name);
  const std::string_view servicename = attribute(attributes, "servicename");
  row.parts.marketplace = row.parts.marketplace || offerCode == "AmazonBedrockFoundationModels" ||
                          servicename.size() != stripMarketplaceEdition(servicename).size();
  row.offer =
      std::string(offerCode.empty()
                      ? (row.parts.marketplace ? "AmazonBedrockFoundationModels" : "AmazonBedrock")
                      : offerCode);
  row.source = source;
  m_rows.push_back(std::move(row));
}

std::optional<std::string> Builder::chooseRegion() {
  std::string wanted = m_options.region;
  const auto list = [&] {
    std::string text;
    for (const std::string &region : m_regions)
      text += (text.empty() ? "" : ", ") + region;
    return text;
  };
  if (!wanted.empty()) {
    if (!m_regions.empty() && !m_regions.count(wanted)) {
      m_result.failure =
          ImportFailure{"no product of region " + wanted + " in the files; they price " + list()};
      return std::nullopt;
    }
    return wanted;
  }
  if (m_regions.empty() || m_regions.count(m_reference.region))
    return m_reference.region;
  if (m_regions.size() == 1)
    return *m_regions.begin();
  m_result.failure = ImportFailure{"the files price " + std::to_string(m_regions.size()) +
                                   " regions (" + list() + "); choose one with --region"};
  return std::nullopt;
}

// The card's model a row prices: a model of the reference card matched by
// name, its global twin, or a new model named as the price list names it.
ModelPrices *Builder::pricesFor(const RawRow &row) {
  const bool global = row.parts.global;
  const std::string key = row.name + '\x1f' + row.parts.modelName + (global ? "\x1fg" : "");
  std::string id;
  if (const auto found = m_resolved.find(key); found != m_resolved.end()) {
    id = found->second;
  } else {
    const std::string &part = row.parts.modelName;
    const auto match = [&](const std::string &name) -> std::string {
      if (name.empty())
        return {};
      std::string matched = matchModelName(name, global, m_reference);
      const ModelRates *model = matched.empty() ? nullptr : m_reference.find(matched);
      if (model && !looksLikeModelId(name) && !numbersAgree(name, *model))
        return {};
      return matched;
    };
    std::string referenceId;
    if (looksLikeModelId(part))
      referenceId = match(part);
    if (referenceId.empty())
      referenceId = match(row.name);
    if (referenceId.empty() && !looksLikeModelId(part))
      referenceId = match(part);
    std::string name;
    if (!referenceId.empty()) {
      id = referenceId;
      const ModelRates *model = m_reference.find(referenceId);
      name = model->name;
      // A price of the other routing than the entry matched: its twin.
      if (global && !id.starts_with(kGlobalPrefix)) {
        id = std::string(kGlobalPrefix) + id;
        name += " (global)";
      } else if (!global && id.starts_with(kGlobalPrefix)) {
        id = id.substr(kGlobalPrefix.size());
        if (name.ends_with(" (global)"))
          name.resize(name.size() - 9);
      }
    } else {
      name = row.name.empty() ? part : row.name;
      const std::string base = looksLikeModelId(part) ? part : modelIdFromName(name);
      if (base.empty()) {
        m_resolved.emplace(key, std::string());
        return nullptr;
      }
      id = global ? std::string(kGlobalPrefix) + base : base;
      if (global)
        name += " (global)";
    }
    m_resolved.emplace(key, id);
    if (!m_models.count(id)) {
      ModelPrices prices;
      prices.id = id;
      prices.name = name;
      prices.referenceId = referenceId;
      prices.global = global;
      m_models.emplace(id, std::move(prices));
      m_order.push_back(id);
    }
  }
  if (id.empty())
    return nullptr;
  ModelPrices &prices = m_models.at(id);
  prices.marketplace = prices.marketplace || row.parts.marketplace;
  prices.offers.insert(row.offer);
  return &prices;
}

bool Builder::withinLimits(const std::string &id, const std::string &field, double value,
                           bool multiplier) {
  // A card beyond the reader's limits would be refused when saved and opened
  // again; such a price is reported and not taken.
  if (multiplier ? value > 0 && value <= kMaxTierMultiplier : value <= kMaxPriceUsd)
    return true;
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", value);
  m_result.tally.warnings.push_back(
      id + ": " + field + " " + text + " from the price list is " +
      (multiplier ? "not a multiplier above 0 up to 100" : "above 1e6 USD") + "; not taken");
  return false;
}

std::string guessTier(const ModelRates &model) {
  const std::string name = lower(model.name);
  if (contains(name, "embed") || contains(name, "rerank"))
    return "embedding";
  if (model.onDemand.inputPer1m < 1.2)
    return "small";
  return model.onDemand.inputPer1m < 5 ? "mid" : "premium";
}

void Builder::apply(ModelRates &model, const ModelPrices &prices, bool sameRegion) {
  const auto &values = prices.values;
  const auto value = [&](const std::string &field) -> std::optional<double> {
    const auto found = values.find(field);
    if (found == values.end())
      return std::nullopt;
    return found->second;
  };
  const auto take = [&](const std::string &field,
                        bool multiplier = false) -> std::optional<double> {
    const auto found = value(field);
    if (found && !withinLimits(model.id, field, *found, multiplier))
      return std::nullopt;
    return found;
  };
  std::vector<std::string> notes;

  // On demand: a side the files do not price keeps the card's figure in its
  // own region; elsewhere it is $0 marked as an estimate, with a note.
  const auto input = take("on_demand.input");
  const auto output = take("on_demand.output");
  if (input)
    model.onDemand.inputPer1m = *input;
  if (output)
    model.onDemand.outputPer1m = *output;
  if (!input && !sameRegion) {
    model.onDemand.inputPer1m = 0;
    model.onDemand.estimate = true;
    notes.push_back("no on-demand input price in the price list of " + m_result.region);
  }
  if (!output && !sameRegion) {
    model.onDemand.outputPer1m = 0;
    if (model.tier != "embedding" && !contains(lower(model.name), "embed")) {
      model.onDemand.estimate = true;
      notes.push_back("no on-demand output price in the price list of " + m_result.region);
    }
  }
  if (input || output)
    model.onDemand.estimate = model.onDemand.estimate && !(input && output);

  // Batch: a side the files lack is estimated at the other side's ratio to
  // on demand (AWS prices batch as one discount), and marked.
  const auto batchInput = take("batch.input");
  const auto batchOutput = take("batch.output");
  if (batchInput || batchOutput) {
    TokenPrices batch;
    batch.inputPer1m = batchInput.value_or(0);
    batch.outputPer1m = batchOutput.value_or(0);
    const double ratio =
        batchInput && model.onDemand.inputPer1m > 0     ? *batchInput / model.onDemand.inputPer1m
        : batchOutput && model.onDemand.outputPer1m > 0 ? *batchOutput / model.onDemand.outputPer1m
                                                        : 0.5;
    if (!batchInput && model.onDemand.inputPer1m > 0) {
      batch.inputPer1m = model.onDemand.inputPer1m * ratio;
      batch.estimate = true;
      batch.note = "input not in the price list: on demand × the output's batch ratio";
    }
    if (!batchOutput && model.onDemand.outputPer1m > 0) {
      batch.outputPer1m = model.onDemand.outputPer1m * ratio;
      batch.estimate = true;
      batch.note = "output not in the price list: on demand × the input's batch ratio";
    }
    model.batch = batch;
  } else if (!sameRegion) {
    model.batch.reset();
  }

  // Cache: a 30-minute write is the model's short-TTL write where it has no
  // 5-minute one (GPT-5.6, GPT-6 Astra); docs/price-list.md.
  const auto read = take("cache.read");
  const auto write = take("cache.write");
  const auto write30m = take("cache.write_30m");
  const auto write1h = take("cache.write_1h");
  if (read || write || write30m || write1h) {
    CachePrices cache = sameRegion && model.cache ? *model.cache : CachePrices{};
    if (!sameRegion)
      cache = CachePrices{};
    std::vector<std::string> cacheNotes;
    if (read)
      cache.readPer1m = *read;
    else if (!sameRegion || !model.cache)
      cacheNotes.push_back("no cache-read price in the price list (counted as $0)");
    if (write)
      cache.writePer1m = *write;
    else if (write30m)
      cache.writePer1m = *write30m;
    if (write30m)
      cacheNotes.push_back(write ? "a 30-minute write at " + formatUsd(*write30m) +
                                       " per 1M is also listed"
                                 : "the write price is the 30-minute TTL write (the model's "
                                   "shortest TTL)");
    if (write1h)
      cache.write1hPer1m = *write1h;
    if (!cacheNotes.empty()) {
      std::string text;
      for (const std::string &each : cacheNotes)
        text += (text.empty() ? "" : "; ") + each;
      cache.note = text;
    }
    model.cache = cache;
  } else if (!sameRegion) {
    model.cache.reset();
  }

  // Priority and flex: one multiplier of the standard price when input and
  // output agree within AWS's cent rounding (1%); taken from the larger
  // standard price, whose rounding errs least.
  std::optional<TierMultipliers> tiers = sameRegion ? model.tiers : std::nullopt;
  for (const char *tier : {"priority", "flex"}) {
    const auto tierInput = take(std::string(tier) + ".input");
    const auto tierOutput = take(std::string(tier) + ".output");
    if (!tierInput && !tierOutput)
      continue;
    const auto ratio = [](std::optional<double> price, double standard) -> std::optional<double> {
      if (!price || !(standard > 0))
        return std::nullopt;
      return *price / standard;
    };
    const auto inputRatio = ratio(tierInput, model.onDemand.inputPer1m);
    const auto outputRatio = ratio(tierOutput, model.onDemand.outputPer1m);
    std::optional<double> multiplier;
    if (inputRatio && outputRatio) {
      if (std::fabs(*inputRatio - *outputRatio) <= 0.01 * std::max(*inputRatio, *outputRatio))
        multiplier =
            model.onDemand.outputPer1m >= model.onDemand.inputPer1m ? *outputRatio : *inputRatio;
    } else {
      multiplier = inputRatio ? inputRatio : outputRatio;
    }
    if (!tiers)
      tiers = TierMultipliers{};
    const std::string prices = std::string(tier) + " in " +
                               (tierInput ? formatUsd(*tierInput) : std::string("-")) + " / out " +
                               (tierOutput ? formatUsd(*tierOutput) : std::string("-")) + " per 1M";
    if (multiplier && withinLimits(model.id, "tiers." + std::string(tier), *multiplier, true)) {
      (std::string_view(tier) == "priority" ? tiers->priority : tiers->flex) = *multiplier;
    } else {
      tiers->note += std::string(tiers->note.empty() ? "" : "; ") + prices +
                     " are not one multiplier of standard; not set";
    }
  }
  model.tiers = tiers;

  // Figures the cost model has no field for: in the note, with the price list's date.
  const auto both = [&](const std::string &prefix) {
    const auto in = value(prefix + "input");
    const auto out = value(prefix + "output");
    std::string text;
    if (in)
      text += "in " + formatUsd(*in);
    if (out)
      text += std::string(text.empty() ? "" : " / ") + "out " + formatUsd(*out);
    return text;
  };
  if (const std::string text = both("latency."); !text.empty())
    notes.push_back("latency-optimized: " + text + " per 1M (not used by the cost model)");
  for (const char *tier : {"standard", "batch", "flex", "priority"})
    if (const std::string text = both("long." + std::string(tier) + "."); !text.empty())
      notes.push_back(std::string("over the long-context threshold (") + tier + "): " + text +
                      " per 1M (not used by the cost model)");

  // Reserved tier: AWS prices per hour per 1K TPM; the card holds per month
  // (× 730 hours, docs/price-list.md).
  std::optional<ReservedRates> reserved = model.reserved;
  if (reserved && !sameRegion) {
    reserved->oneMonth.reset();
    reserved->threeMonth.reset();
  }
  for (const char *term : {"one_month", "three_month"}) {
    std::optional<double> sides[2];
    for (int side = 0; side < 2; ++side) {
      const std::string base = std::string("reserved.") + term + (side ? ".output" : ".input");
      if (const auto perHour = value(base + ".hour"))
        sides[side] = *perHour * kReservedHoursPerMonth;
      else if (const auto perMonth = value(base + ".month"))
        sides[side] = *perMonth;
      if (sides[side] && !withinLimits(model.id, base, *sides[side], false))
        sides[side].reset();
    }
    if (!sides[0] && !sides[1])
      continue;
    if (!reserved) {
      reserved = ReservedRates{};
      reserved->note = "minimum reservation not in the price list";
    }
    if (sides[0] && sides[1]) {
      (std::string_view(term) == "one_month" ? reserved->oneMonth : reserved->threeMonth) =
          ReservedTermRates{*sides[0], *sides[1]};
    } else {
      reserved->note += std::string(reserved->note.empty() ? "" : "; ") + term + ": only the " +
                        (sides[0] ? "input" : "output") +
                        " price is in the price list; term not set";
    }
  }
  if (reserved)
    reserved->estimate = reserved->estimate && !(reserved->oneMonth || reserved->threeMonth);
  model.reserved = reserved;

  // Provisioned throughput per MU-hour; the capacity of an MU is never in
  // the price list, so a new model is not PT-capable until it is quoted.
  const auto noCommit = take("pt.no_commit");
  const auto oneMonth = take("pt.one_month");
  const auto sixMonth = take("pt.six_month");
  if (model.provisioned && !sameRegion) {
    model.provisioned->noCommitPerMuHour.reset();
    model.provisioned->oneMonthPerMuHour.reset();
    model.provisioned->sixMonthPerMuHour.reset();
  }
  if (noCommit || oneMonth || sixMonth) {
    if (!model.provisioned) {
      model.provisioned = ProvisionedRates{};
      model.provisioned->estimate = true;
      model.provisioned->note = "quote needed: the tokens per minute of a model unit are not in "
                                "the price list";
    }
    if (noCommit)
      model.provisioned->noCommitPerMuHour = noCommit;
    if (oneMonth)
      model.provisioned->oneMonthPerMuHour = oneMonth;
    if (sixMonth)
      model.provisioned->sixMonthPerMuHour = sixMonth;
  }

  // What an earlier update wrote leads the note in brackets; it is replaced.
  if (model.note.starts_with(kNoteOpening)) {
    const std::size_t end = model.note.find("] ");
    model.note = end == std::string::npos ? std::string() : model.note.substr(end + 2);
  }
  if (!notes.empty()) {
    std::string text = std::string(kNoteOpening) + " " + m_result.publicationDate + ": ";
    for (std::size_t i = 0; i < notes.size(); ++i)
      text += (i ? "; " : "") + notes[i];
    model.note = text + "] " + model.note;
    while (model.note.ends_with(' '))
      model.note.pop_back();
  }
}

RateCard Builder::build(const std::string &region) {
  const bool sameRegion = region == m_reference.region;
  RateCard card;
  card.region = region;
  card.currency = "USD";
  if (sameRegion) {
    card = m_reference;
  } else {
    card.notes.push_back("Built from the AWS Price List for " + region +
                         " (docs/price-list.md): on-demand, batch and cache prices per 1M "
                         "tokens; priority and flex as multipliers of standard; Reserved tier "
                         "per 1K TPM per month (the hourly price × 730 hours); PT per MU-hour.");
    card.notes.push_back("Prices the price list does not give for this region are not taken from "
                         "another region's card.");
  }
  std::string offers;
  for (const std::string &offer : m_offers)
    offers += (offers.empty() ? "" : ", ") + offer;
  const std::string source = "AWS Price List " + region + " " + m_result.publicationDate +
                             (offers.empty() ? std::string() : " (" + offers + ")");
  for (const std::string &id : m_order) {
    const ModelPrices &prices = m_models.at(id);
    const auto at = std::find_if(card.models.begin(), card.models.end(),
                                 [&](const ModelRates &each) { return each.id == id; });
    ModelRates *model = at == card.models.end() ? nullptr : &*at;
    const bool existed = model != nullptr;
    const bool isNew = !existed && !m_reference.find(prices.referenceId);
    if (!model) {
      ModelRates fresh;
      if (const ModelRates *like = m_reference.find(prices.referenceId)) {
        fresh = *like;
        fresh.note.clear();
      } else {
        const ModelProvider provider = providerOfModelName(prices.name);
        fresh.provider = provider.name;
        fresh.marketplace = prices.marketplace;
      }
      fresh.id = id;
      fresh.name = prices.name;
      if (isNew)
        fresh.note = "New from the AWS Price List: the id is made from its name (AWS's id may "
                     "differ) and the routing class is guessed from its price.";
      card.models.push_back(std::move(fresh));
      model = &card.models.back();
    }
    apply(*model, prices, sameRegion && existed);
    if (isNew)
      model->tier = guessTier(*model);
    if (sameRegion && existed) {
      // The card's own sources stay; an earlier update's is replaced.
      std::string kept;
      for (std::size_t start = 0; start <= model->source.size();) {
        std::size_t end = model->source.find("; ", start);
        if (end == std::string::npos)
          end = model->source.size();
        const std::string part = model->source.substr(start, end - start);
        if (!part.empty() && !part.starts_with("AWS Price List"))
          kept += (kept.empty() ? "" : "; ") + part;
        start = end + 2;
      }
      model->source = kept + (kept.empty() ? "" : "; ") + source;
    } else {
      model->source = source;
    }
    model->sourceDate = m_result.publicationDate;
  }
  // A model of the card's own region that the files no longer price (an
  // offer they cover) is kept, with a note: old scenarios still name it.
  if (sameRegion) {
    std::set<bool> covered;
    for (const auto &[id, prices] : m_models)
      covered.insert(prices.marketplace);
    for (ModelRates &model : card.models) {
      if (m_models.count(model.id) || !covered.count(model.marketplace))
        continue;
      m_result.changes.push_back({model.id, "gone", "", std::nullopt, std::nullopt,
                                  "not priced in the files; kept as it was"});
    }
  }
  return card;
}

void Builder::finish() {
  const auto region = chooseRegion();
  if (!region)
    return;
  m_result.region = *region;
  m_result.regions.assign(m_regions.begin(), m_regions.end());
  m_result.offers.assign(m_offers.begin(), m_offers.end());
  if (m_result.publicationDate.empty()) {
    if (!m_fallbackDate.empty()) {
      m_result.publicationDate = m_fallbackDate;
      m_result.tally.warnings.push_back("no publication date in the files; the card is dated " +
                                        m_fallbackDate + ", the day " + m_dateSource +
                                        " was written");
    } else {
      m_result.publicationDate = m_reference.asOf;
      m_result.tally.warnings.push_back("no publication date in the files; the card keeps the "
                                        "reference card's date " +
                                        m_reference.asOf);
    }
  }
  for (const RawRow &row : m_rows) {
    if (!row.region.empty() && row.region != *region)
      continue;
    std::string leftOut;
    const std::string field = fieldOf(row.parts, row.price.unit, leftOut);
    if (field.empty()) {
      ++m_result.leftOut[leftOut];
      if (leftOut.starts_with("token rows") || leftOut.ends_with("per hour"))
        m_result.tally.skipped.add(
            {row.source, 0,
             "SKU " + row.sku + " (" + row.usageType + "): unit \"" + row.price.unitText + "\""});
      continue;
    }
    ModelPrices *prices = pricesFor(row);
    if (!prices) {
      ++m_result.leftOut["rows naming no model"];
      continue;
    }
    const double value = row.price.usd * row.price.unit.factor;
    // Two rows for one price (the legacy and the mantle usage type): the
    // first is kept, a disagreement reported.
    const auto [at, inserted] = prices->values.emplace(field, value);
    if (!inserted && std::fabs(at->second - value) > 1e-9 * std::max(1.0, value))
      m_result.tally.warnings.push_back(prices->id + ": " + row.usageType + " prices " + field +
                                        " at " + formatUsd(value) + ", another row at " +
                                        formatUsd(at->second) + "; the first is kept");
  }
  RateCard card = build(*region);
  card.asOf = m_result.publicationDate;
  std::vector<PriceChange> kept = std::move(m_result.changes);
  m_result.changes = diffRateCards(m_reference, card);
  if (*region != m_reference.region)
    for (PriceChange &change : m_result.changes)
      if (change.change == "gone")
        change.note = "not priced in " + *region;
  m_result.changes.insert(m_result.changes.end(), kept.begin(), kept.end());
  m_result.card = std::move(card);
}

std::string modificationDay(const std::filesystem::path &path) {
  std::error_code error;
  const auto written = std::filesystem::last_write_time(path, error);
  if (error)
    return {};
  const auto seconds =
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::file_clock::to_sys(written));
  const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(seconds)};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return text;
}

} // namespace

std::optional<std::string> inflateIfGzip(std::string bytes, std::uintmax_t limitBytes,
                                         std::string &error) {
  if (bytes.size() < 2 || static_cast<unsigned char>(bytes[0]) != 0x1f ||
      static_cast<unsigned char>(bytes[1]) != 0x8b) {
    if (bytes.size() > limitBytes) {
      error = "larger than " + std::to_string(limitBytes / (1024 * 1024)) + " MB";
      return std::nullopt;
    }
    return bytes;
  }
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 32) != Z_OK) {
    error = "cannot start gzip";
    return std::nullopt;
  }
  std::string out;
  stream.next_in = reinterpret_cast<Bytef *>(bytes.data());
  stream.avail_in = static_cast<uInt>(bytes.size());
  char buffer[1 << 16];
  int status = Z_OK;
  while (status != Z_STREAM_END) {
    stream.next_out = reinterpret_cast<Bytef *>(buffer);
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    if (status != Z_OK && status != Z_STREAM_END) {
      inflateEnd(&stream);
      error = status == Z_BUF_ERROR ? "the gzip data ends early (a download cut short?)"
                                    : std::string("corrupt gzip data (") +
                                          (stream.msg ? stream.msg : "inflate failed") + ")";
      return std::nullopt;
    }
    out.append(buffer, sizeof buffer - stream.avail_out);
    if (out.size() > limitBytes) {
      inflateEnd(&stream);
      error = "larger than " + std::to_string(limitBytes / (1024 * 1024)) + " MB uncompressed";
      return std::nullopt;
    }
  }
  inflateEnd(&stream);
  return out;
}

PriceListImport readPriceList(const std::vector<PriceListDocument> &documents,
                              const RateCard &reference, const PriceListOptions &options) {
  PriceListImport result;
  if (!options.region.empty() && !looksLikeRegionCode(options.region)) {
    result.failure = ImportFailure{"\"" + options.region +
                                   "\" is not a region code (e.g. us-east-1, eu-central-1)"};
    return result;
  }
  Builder builder(reference, options, result);
  for (const PriceListDocument &document : documents)
    if (!builder.read(document))
      return result;
  if (result.tally.files == 0) {
    result.failure = ImportFailure{"no AWS Price List file among the inputs"};
    return result;
  }
  builder.finish();
  return result;
}

PriceListImport importPriceList(const std::vector<InputFile> &files, const RateCard &reference,
                                const PriceListOptions &options) {
  std::vector<PriceListDocument> documents;
  documents.reserve(files.size());
  for (const InputFile &file : files) {
    std::string error;
    auto text = readWholeInput(file, kMaxOfferBytes, error);
    if (!text) {
      PriceListImport result;
      result.failure = ImportFailure{error};
      return result;
    }
    documents.push_back(
        {file.display, std::move(*text), modificationDay(file.path), file.fromFolder});
  }
  return readPriceList(documents, reference, options);
}

} // namespace bwi::core
