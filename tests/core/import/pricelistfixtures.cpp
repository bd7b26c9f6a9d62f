#include "tests/core/import/pricelistfixtures.h"

#include <nlohmann/json.hpp>

#include <cstdint>

namespace bwi::test {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char *kTermCode = "JRTCKXETXF";
constexpr const char *kRateCode = "6YS6EN2CT7";

Json attributesOf(const std::string &offerCode, const OfferRow &row) {
  Json attributes = Json::object();
  attributes["servicecode"] = offerCode;
  if (!row.regionCode.empty()) {
    attributes["regionCode"] = row.regionCode;
    attributes["locationType"] = "AWS Region";
  }
  attributes["usagetype"] = row.usageType;
  attributes["operation"] = "Usage";
  if (!row.model.empty())
    attributes["model"] = row.model;
  if (!row.servicename.empty())
    attributes["servicename"] = row.servicename;
  if (!row.inferenceType.empty())
    attributes["inferenceType"] = row.inferenceType;
  if (!row.feature.empty())
    attributes["feature"] = row.feature;
  if (!row.serviceTier.empty())
    attributes["service_tier"] = row.serviceTier;
  return attributes;
}

Json termsOf(const std::string &sku, const OfferRow &row) {
  const std::string term = sku + "." + kTermCode;
  Json dimension = {{"rateCode", term + "." + kRateCode},
                    {"description", row.description.empty() ? "$" + row.usd + " per " + row.unit
                                                            : row.description},
                    {"beginRange", "0"},
                    {"endRange", "Inf"},
                    {"unit", row.unit},
                    {"pricePerUnit", {{"USD", row.usd}}},
                    {"appliesTo", Json::array()}};
  Json priced = {{"offerTermCode", kTermCode},
                 {"sku", sku},
                 {"effectiveDate", "2026-11-01T00:00:00Z"},
                 {"priceDimensions", {{term + "." + kRateCode, dimension}}},
                 {"termAttributes", Json::object()}};
  return {{term, priced}};
}

Json productDocument(const std::string &serviceCode, const OfferRow &row, std::size_t index) {
  const std::string sku = skuOf(serviceCode, index);
  return {{"product",
           {{"productFamily", "Amazon Bedrock"},
            {"attributes", attributesOf(serviceCode, row)},
            {"sku", sku}}},
          {"serviceCode", serviceCode},
          {"terms", {{"OnDemand", termsOf(sku, row)}}},
          {"version", "20261120000000"},
          {"publicationDate", "2026-11-20T00:00:00Z"}};
}

} // namespace

std::string skuOf(const std::string &offerCode, std::size_t index) {
  static constexpr char kAlphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  std::uint64_t state = 1469598103934665603ull;
  for (char c : offerCode)
    state = (state ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  state ^= index * 0x9E3779B97F4A7C15ull;
  std::string sku;
  for (int i = 0; i < 16; ++i) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    sku += kAlphabet[(state >> 33) % (sizeof kAlphabet - 1)];
  }
  return sku;
}

std::string bulkOffer(const std::string &offerCode, const std::string &publicationDate,
                      const std::vector<OfferRow> &rows) {
  Json products = Json::object();
  Json onDemand = Json::object();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string sku = skuOf(offerCode, i);
    products[sku] = {{"sku", sku},
                     {"productFamily", "Amazon Bedrock"},
                     {"attributes", attributesOf(offerCode, rows[i])}};
    onDemand[sku] = termsOf(sku, rows[i]);
  }
  Json offer = {{"formatVersion", "v1.0"},
                {"disclaimer", "This pricing list is for informational purposes only."},
                {"offerCode", offerCode},
                {"version", "20261120000000"},
                {"publicationDate", publicationDate},
                {"products", products},
                {"terms", {{"OnDemand", onDemand}}}};
  return offer.dump(4);
}

std::string getProductsOutput(const std::string &serviceCode, const std::vector<OfferRow> &rows) {
  Json list = Json::array();
  for (std::size_t i = 0; i < rows.size(); ++i)
    list.push_back(productDocument(serviceCode, rows[i], i).dump());
  return Json{{"FormatVersion", "aws_v1"}, {"PriceList", list}}.dump(4);
}

std::string getProductsLines(const std::string &serviceCode, const std::vector<OfferRow> &rows) {
  std::string text;
  for (std::size_t i = 0; i < rows.size(); ++i)
    text += productDocument(serviceCode, rows[i], i).dump() + "\n";
  return text;
}

} // namespace bwi::test
