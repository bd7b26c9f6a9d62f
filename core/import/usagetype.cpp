#include "core/import/usagetype.h"

#include <array>
#include <cctype>

namespace bwi::core {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char &c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool contains(const std::string &text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// "USE1-", "EUC1-", "APN1-", "USE1_": a region code and its separator.
std::string_view stripRegion(std::string_view text, char separator) {
  const std::size_t end = text.find(separator);
  if (end == std::string_view::npos || end < 3 || end > 6)
    return text;
  for (std::size_t i = 0; i < end; ++i)
    if (!std::isupper(static_cast<unsigned char>(text[i])) &&
        !std::isdigit(static_cast<unsigned char>(text[i])))
      return text;
  if (!std::isdigit(static_cast<unsigned char>(text[end - 1])))
    return text;
  return text.substr(end + 1);
}

void readQualifiers(const std::string &text, UsageTypeParts &parts) {
  if (contains(text, "batch"))
    parts.tier = "batch";
  else if (contains(text, "flex"))
    parts.tier = "flex";
  else if (contains(text, "priority"))
    parts.tier = "priority";
  else if (contains(text, "latency-optimized") || contains(text, "latencyoptimized"))
    parts.tier = "latency-optimized";
  parts.global = contains(text, "global");
  parts.longContext = contains(text, "long");
  parts.cacheWrite1h = contains(text, "1h");
}

void readCommitment(const std::string &text, UsageTypeParts &parts) {
  if (contains(text, "reserved")) {
    parts.usage = "reserved";
    parts.tier = "reserved";
  } else if (contains(text, "provisioned") || contains(text, "modelunit") ||
             contains(text, "model-unit")) {
    parts.usage = "provisioned";
  }
}

} // namespace

bool isTokenUsage(std::string_view usage) {
  return usage == "input" || usage == "output" || usage == "cache_read" || usage == "cache_write";
}

UsageTypeParts parseUsageType(std::string_view usageType) {
  UsageTypeParts parts;
  std::string_view rest = stripRegion(usageType, '-');
  if (rest.starts_with("MP:")) {
    parts.marketplace = true;
    rest = stripRegion(rest.substr(3), '_');
    if (rest.ends_with("-Units"))
      rest.remove_suffix(6);
    const std::string text = lower(rest);
    readQualifiers(text, parts);
    if (contains(text, "cacheread") || contains(text, "cache_read"))
      parts.usage = "cache_read";
    else if (contains(text, "cachewrite") || contains(text, "cache_write"))
      parts.usage = "cache_write";
    else if (contains(text, "reserved") || contains(text, "tpm"))
      readCommitment(text + "reserved", parts);
    else if (contains(text, "input"))
      parts.usage = "input";
    else if (contains(text, "output"))
      parts.usage = "output";
    return parts;
  }
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
      if (suffix != "-mantle")
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
