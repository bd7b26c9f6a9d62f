#pragma once

#include <string>
#include <vector>

// AWS Price List files written in the real grammar for the tests and the
// benchmark: bulk offer files and GetProducts output, from rows that say
// what each product is (docs/price-list.md shows the shapes).
namespace bwi::test {

struct OfferRow {
  std::string usageType;
  std::string usd;                // as AWS writes it: "0.0008000000"
  std::string unit = "1K tokens"; // "1M tokens", "hour", …
  std::string model;              // the "model" attribute (AmazonBedrock offer)
  std::string servicename;        // "Claude Opus 5.5 (Amazon Bedrock Edition)" (Marketplace)
  std::string regionCode;         // empty: none (the usage-type prefix says it)
  std::string inferenceType;
  std::string feature;
  std::string serviceTier; // the mantle rows' "service_tier"
  std::string description;
};

// One region's bulk offer file (offers/v1.0/aws/OFFER/current/REGION/index.json).
std::string bulkOffer(const std::string &offerCode, const std::string &publicationDate,
                      const std::vector<OfferRow> &rows);

// `aws pricing get-products` output: {"FormatVersion", "PriceList": ["<json>", …]}.
std::string getProductsOutput(const std::string &serviceCode, const std::vector<OfferRow> &rows);

// The same product documents as JSON lines, one a line.
std::string getProductsLines(const std::string &serviceCode, const std::vector<OfferRow> &rows);

// A deterministic 16-character SKU for row `index` of an offer.
std::string skuOf(const std::string &offerCode, std::size_t index);

} // namespace bwi::test
