#include "core/import/offerindex.h"

#include "core/import/pricelist.h"

#include <simdjson.h>

namespace bwi::core {
namespace {

namespace dom = simdjson::dom;

// Index files are small; a larger one is not an index.
constexpr std::uintmax_t kMaxIndexBytes = 64u * 1024 * 1024;

std::optional<dom::object> parseObject(dom::parser &parser, std::string &text, const char *member,
                                       std::string &error,
                                       std::string_view *publicationDate = nullptr) {
  dom::element root;
  if (const auto code = parser.parse(text).get(root)) {
    error = std::string("not valid JSON (") + simdjson::error_message(code) + ")";
    return std::nullopt;
  }
  if (publicationDate && root["publicationDate"].get_string().get(*publicationDate))
    *publicationDate = {};
  dom::object object;
  if (root[member].get_object().get(object)) {
    error = std::string("no \"") + member + "\" object in it";
    return std::nullopt;
  }
  return object;
}

} // namespace

std::optional<OfferIndex> readOfferIndex(std::string bytes, std::string &error) {
  auto text = inflateIfGzip(std::move(bytes), kMaxIndexBytes, error);
  if (!text)
    return std::nullopt;
  dom::parser parser;
  std::string_view date;
  const auto offers = parseObject(parser, *text, "offers", error, &date);
  if (!offers) {
    error = "not an AWS Price List offer index: " + error;
    return std::nullopt;
  }
  OfferIndex index;
  index.publicationDate = std::string(date);
  for (std::string_view offer : kBedrockOffers) {
    std::string_view url;
    if (!(*offers)[offer]["currentRegionIndexUrl"].get_string().get(url))
      index.regionIndexUrls.emplace(std::string(offer), std::string(url));
  }
  if (index.regionIndexUrls.empty()) {
    error = "the offer index lists no Bedrock offer (AmazonBedrock, "
            "AmazonBedrockFoundationModels, AmazonBedrockService)";
    return std::nullopt;
  }
  return index;
}

std::optional<std::map<std::string, std::string>> readRegionIndex(std::string bytes,
                                                                  std::string &error) {
  auto text = inflateIfGzip(std::move(bytes), kMaxIndexBytes, error);
  if (!text)
    return std::nullopt;
  dom::parser parser;
  const auto regions = parseObject(parser, *text, "regions", error);
  if (!regions) {
    error = "not an AWS Price List region index: " + error;
    return std::nullopt;
  }
  std::map<std::string, std::string> urls;
  for (const dom::key_value_pair region : *regions) {
    std::string_view code, url;
    if (region.value["currentVersionUrl"].get_string().get(url))
      continue;
    if (region.value["regionCode"].get_string().get(code))
      code = region.key;
    urls.emplace(std::string(code), std::string(url));
  }
  return urls;
}

} // namespace bwi::core
