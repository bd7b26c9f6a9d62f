#include "core/import/usagetype.h"

#include <array>
#include <cctype>

namespace bwi::core {
namespace {

struct RegionPrefix {
  std::string_view prefix;
  std::string_view region;
};

// AWS's billing prefixes of usage types, one per region (docs/price-list.md).
constexpr std::array<RegionPrefix, 34> kRegionPrefixes{{
    {"USE1", "us-east-1"},      {"USE2", "us-east-2"},      {"USW1", "us-west-1"},
    {"USW2", "us-west-2"},      {"CAN1", "ca-central-1"},   {"CAN2", "ca-west-1"},
    {"SAE1", "sa-east-1"},      {"MXC1", "mx-central-1"},   {"EU", "eu-west-1"},
    {"EUW1", "eu-west-1"},      {"EUW2", "eu-west-2"},      {"EUW3", "eu-west-3"},
    {"EUC1", "eu-central-1"},   {"EUC2", "eu-central-2"},   {"EUN1", "eu-north-1"},
    {"EUS1", "eu-south-1"},     {"EUS2", "eu-south-2"},     {"APN1", "ap-northeast-1"},
    {"APN2", "ap-northeast-2"}, {"APN3", "ap-northeast-3"}, {"APS1", "ap-southeast-1"},
    {"APS2", "ap-southeast-2"}, {"APS3", "ap-south-1"},     {"APS4", "ap-southeast-3"},
    {"APS5", "ap-south-2"},     {"APS6", "ap-southeast-4"}, {"APE1", "ap-east-1"},
    {"MES1", "me-south-1"},     {"MEC1", "me-central-1"},   {"ILC1", "il-central-1"},
    {"AFS1", "af-south-1"},     {"CPT1", "af-south-1"},     {"UGW1", "us-gov-west-1"},
    {"UGE1", "us-gov-east-1"},
}};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char &c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool contains(const std::string &text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// "USE1", "EUC1", "APN1", "EU": a known prefix, or one shaped like them
// (upper-case letters and digits, ending in a digit).
bool isRegionPrefix(std::string_view prefix) {
  if (!regionOfUsageTypePrefix(prefix).empty())
    return true;
  if (prefix.size() < 3 || prefix.size() > 6)
    return false;
  for (char c : prefix)
    if (!std::isupper(static_cast<unsigned char>(c)) &&
        !std::isdigit(static_cast<unsigned char>(c)))
      return false;
  return std::isdigit(static_cast<unsigned char>(prefix.back())) != 0;
}

// Peels "USE1-" or "USE1_" off `text`; returns the region it names.
std::string_view stripRegion(std::string_view &text, char separator) {
  const std::size_t end = text.find(separator);
  if (end == std::string_view::npos || !isRegionPrefix(text.substr(0, end)))
    return {};
  const std::string_view region = regionOfUsageTypePrefix(text.substr(0, end));
  text.remove_prefix(end + 1);
  return region;
}

bool namesTerm(const std::string &text, char months) {
  for (std::string_view shape : {"#month", "#_month", "#-month"}) {
    std::string pattern(shape);
    pattern[0] = months;
    // "1month" but not "11month"
    for (std::size_t at = text.find(pattern); at != std::string::npos;
         at = text.find(pattern, at + 1))
      if (at == 0 || !std::isdigit(static_cast<unsigned char>(text[at - 1])))
        return true;
  }
  return false;
}

void readQualifiers(const std::string &text, UsageTypeParts &parts) {
  if (contains(text, "batch"))
    parts.tier = "batch";
  else if (contains(text, "flex"))
    parts.tier = "flex";
  else if (contains(text, "priority"))
    parts.tier = "priority";
  else if (contains(text, "latency-optimized") || contains(text, "latencyoptimized") ||
           contains(text, "latency_optimized"))
    parts.tier = "latency-optimized";
  parts.global = contains(text, "global");
  parts.longContext = contains(text, "long");
  parts.cacheWrite1h = contains(text, "1h");
  parts.cacheWrite30m = contains(text, "30m");
}

void readCommitment(const std::string &text, UsageTypeParts &parts) {
  if (contains(text, "reserved") || contains(text, "tpm")) {
    parts.usage = "reserved";
    parts.tier = "reserved";
    parts.reservedMonths = namesTerm(text, '3') ? 3 : namesTerm(text, '1') ? 1 : 0;
    parts.reservedOutput = contains(text, "output");
  } else if (contains(text, "provisioned") || contains(text, "modelunit") ||
             contains(text, "model-unit") || contains(text, "model_unit")) {
    parts.usage = "provisioned";
    parts.ptTerm = namesTerm(text, '6')   ? "six_month"
                   : namesTerm(text, '1') ? "one_month"
                                          : "no_commit";
  }
}

UsageTypeParts parseMarketplace(std::string_view rest, UsageTypeParts parts) {
  parts.marketplace = true;
  if (const std::string_view region = stripRegion(rest, '_');
      parts.region.empty() && !region.empty())
    parts.region = std::string(region);
  if (rest.ends_with("-Units"))
    rest.remove_suffix(6);
  const std::string text = lower(rest);
  readQualifiers(text, parts);
  if (contains(text, "reserved") || contains(text, "tpm"))
    readCommitment(text, parts);
  else if (contains(text, "provisioned") || contains(text, "modelunit") ||
           contains(text, "model_unit"))
    readCommitment(text, parts);
  else if (contains(text, "cacheread") || contains(text, "cache_read"))
    parts.usage = "cache_read";
  else if (contains(text, "cachewrite") || contains(text, "cache_write"))
    parts.usage = "cache_write";
  else if (contains(text, "input"))
    parts.usage = "input";
  else if (contains(text, "output") || contains(text, "response"))
    parts.usage = "output";
  return parts;
}

} // namespace

std::string_view regionOfUsageTypePrefix(std::string_view prefix) {
  for (const RegionPrefix &entry : kRegionPrefixes)
    if (entry.prefix == prefix)
      return entry.region;
  return {};
}

std::string_view usageTypePrefixOfRegion(std::string_view region) {
  for (const RegionPrefix &entry : kRegionPrefixes)
    if (entry.region == region)
      return entry.prefix;
  return {};
}

bool looksLikeRegionCode(std::string_view text) {
  if (text.size() < 9 || text.size() > 20)
    return false;
  bool digitSeen = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (std::isdigit(c))
      digitSeen = true;
    else if (!(std::islower(c) || (c == '-' && i > 0 && text[i - 1] != '-')) || digitSeen)
      return false;
  }
  return digitSeen && text[text.size() - 1] != '-' && text.find('-') != std::string_view::npos;
}

bool isTokenUsage(std::string_view usage) {
  return usage == "input" || usage == "output" || usage == "cache_read" || usage == "cache_write";
}

UsageTypeParts parseUsageType(std::string_view usageType) {
  UsageTypeParts parts;
  std::string_view rest = usageType;
  parts.region = std::string(stripRegion(rest, '-'));
  if (rest.starts_with("MP:"))
    return parseMarketplace(rest.substr(3), std::move(parts));
  const std::string text = lower(rest);
  // The model part ends where the token kind begins.
  struct Marker {
    std::string_view text;
    std::string_view usage;
  };
  constexpr std::array<Marker, 6> kMarkers{{{"-cache-read", "cache_read"},
                                            {"-cache-write", "cache_write"},
                                            {"-input-token", "input"},
                                            {"-output-token", "output"},
                                            {"-input-", "input"},
                                            {"-output-", "output"}}};
  std::size_t split = std::string::npos;
  for (const Marker &marker : kMarkers) {
    const std::size_t at = text.find(marker.text);
    if (at != std::string::npos && at < split) {
      split = at;
      parts.usage = std::string(marker.usage);
    }
  }
  if (split == std::string::npos) {
    readCommitment(text, parts);
    parts.modelName = std::string(rest);
    return parts;
  }
  std::string_view model = rest.substr(0, split);
  for (std::string_view suffix :
       {std::string_view("-mantle"), std::string_view("-Model-Customization")})
    if (model.ends_with(suffix)) {
      if (suffix == "-mantle")
        parts.mantle = true;
      else
        parts.customization = true;
      model.remove_suffix(suffix.size());
    }
  if (parts.customization)
    parts.usage = "other";
  parts.modelName = std::string(model);
  readQualifiers(text.substr(split), parts);
  return parts;
}

} // namespace bwi::core
