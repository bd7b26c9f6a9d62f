#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>

// The AWS Price List bulk API's index files, read from their bytes: the
// offer index (offers/v1.0/aws/index.json) names each offer's region index,
// and a region index names each region's offer file (docs/price-list.md).
namespace bwi::core {

// The three offers Bedrock's prices are spread over.
inline constexpr std::array<std::string_view, 3> kBedrockOffers{
    "AmazonBedrock", "AmazonBedrockFoundationModels", "AmazonBedrockService"};

// AWS's public offer index; no credentials needed.
inline constexpr std::string_view kOfferIndexUrl =
    "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/index.json";

struct OfferIndex {
  std::string publicationDate;
  // Bedrock offer code → its currentRegionIndexUrl, as written (usually
  // "/offers/v1.0/aws/AmazonBedrock/current/region_index.json").
  std::map<std::string, std::string> regionIndexUrls;
};

// nullopt with `error` set when the bytes are not an offer index (gzip is inflated).
std::optional<OfferIndex> readOfferIndex(std::string bytes, std::string &error);

// Region code → currentVersionUrl
// ("/offers/v1.0/aws/AmazonBedrock/20261120000000/eu-central-1/index.json").
std::optional<std::map<std::string, std::string>> readRegionIndex(std::string bytes,
                                                                  std::string &error);

} // namespace bwi::core
