#include "core/import/modelidentity.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <vector>

namespace bwi::core {
namespace {

constexpr std::array<std::string_view, 7> kGeoPrefixes{"us.", "eu.",     "apac.", "jp.",
                                                       "au.", "us-gov.", "ca."};
constexpr std::string_view kGlobalPrefix = "global.";

struct TierSuffix {
  std::string_view suffix;
  std::string_view tier;
};
constexpr std::array<TierSuffix, 3> kTierSuffixes{
    {{"+latency-optimized", "latency-optimized"}, {"+priority", "priority"}, {"+flex", "flex"}}};

// The resource id of an ARN ("arn:aws:bedrock:us-east-1:1234:inference-profile/us.x" → "us.x").
std::string_view resourceOfArn(std::string_view raw) {
  if (!raw.starts_with("arn:"))
    return raw;
  const std::size_t slash = raw.find('/');
  return slash == std::string_view::npos ? raw : raw.substr(slash + 1);
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char &c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Words and numbers of a name: "Claude4.5Sonnet" → claude 4 5 sonnet;
// "Nova2.0Lite" drops the "0" so it meets "Nova 2 Lite".
std::vector<std::string> nameTokens(std::string_view name) {
  std::vector<std::string> tokens;
  std::size_t i = 0;
  while (i < name.size()) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (std::isalpha(c)) {
      std::size_t j = i;
      while (j < name.size() && std::isalpha(static_cast<unsigned char>(name[j])))
        ++j;
      // "Llama3" splits as llama 3; "NovaPro" as nova pro.
      std::size_t start = i;
      for (std::size_t k = i + 1; k <= j; ++k) {
        if (k == j || (std::isupper(static_cast<unsigned char>(name[k])) &&
                       std::islower(static_cast<unsigned char>(name[k - 1])))) {
          tokens.push_back(lower(name.substr(start, k - start)));
          start = k;
        }
      }
      i = j;
    } else if (std::isdigit(c)) {
      std::size_t j = i;
      while (j < name.size() && std::isdigit(static_cast<unsigned char>(name[j])))
        ++j;
      std::string_view number = name.substr(i, j - i);
      while (number.size() > 1 && number.front() == '0')
        number.remove_prefix(1);
      if (number != "0")
        tokens.emplace_back(number);
      i = j;
    } else {
      ++i;
    }
  }
  return tokens;
}

// Words a card name carries that a billing name leaves out.
bool ignorable(const std::string &token) {
  return token == "amazon" || token == "instruct" || token == "anthropic" || token == "meta" ||
         token == "text" || token == "global" || token == "v" || token == "legacy" ||
         token == "pt" || token == "reference" || token == "g";
}

bool isNumber(const std::string &token) {
  return !token.empty() && std::isdigit(static_cast<unsigned char>(token.front()));
}

bool isGlobalEntry(const ModelRates &model) { return model.id.starts_with(kGlobalPrefix); }

} // namespace

std::string_view stripMarketplaceEdition(std::string_view name) {
  for (std::string_view edition : {std::string_view(" (Amazon Bedrock Edition)"),
                                   std::string_view("(Amazon Bedrock Edition)")})
    if (name.ends_with(edition))
      return name.substr(0, name.size() - edition.size());
  return name;
}

bool looksLikeModelId(std::string_view name) {
  if (name.empty() || name.find(' ') != std::string_view::npos)
    return false;
  // "nova-pro-v1:0": every id ends in a version after a colon.
  if (name.find(':') != std::string_view::npos)
    return true;
  const std::size_t dot = name.find('.');
  if (dot == std::string_view::npos || !std::islower(static_cast<unsigned char>(name.front())))
    return false;
  return std::all_of(name.begin(), name.begin() + static_cast<std::ptrdiff_t>(dot), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::islower(u) || std::isdigit(u) || c == '-';
  });
}

namespace {

// The profile an id names by its first prefix ("us.x" → "us"; "x" →
// in-region); a prefix before what is not an id is not peeled, nor a scope.
std::string_view scopeOfId(std::string_view id) {
  if (id.starts_with(kGlobalPrefix) && looksLikeModelId(id.substr(kGlobalPrefix.size())))
    return "global";
  for (std::string_view geo : kGeoPrefixes)
    if (id.starts_with(geo) && looksLikeModelId(id.substr(geo.size())))
      return geo.substr(0, geo.size() - 1);
  return kInRegionScope;
}

} // namespace

NormalizedModel normalizeModelId(std::string_view raw, const RateCard &card) {
  NormalizedModel result;
  result.tier = "standard";
  // Suffixes and ARNs are peeled until none is left, prefixes until the card
  // knows the id or none is left, so that normalizing a normalized id gives
  // it back (an hourly CSV written from an import reads as the same models).
  // Nothing is peeled down to an empty id, nor a prefix down to a non-id.
  std::string_view id = raw;
  bool tierFound = false;
  bool applicationProfile = false;
  for (bool peeled = true; peeled;) {
    peeled = false;
    for (const TierSuffix &suffix : kTierSuffixes)
      if (id.size() > suffix.suffix.size() && id.ends_with(suffix.suffix)) {
        id.remove_suffix(suffix.suffix.size());
        if (!tierFound)
          result.tier = suffix.tier;
        tierFound = peeled = true;
      }
    if (const std::string_view resource = resourceOfArn(id);
        resource.size() != id.size() && !resource.empty()) {
      applicationProfile = id.find(":application-inference-profile/") != std::string_view::npos;
      id = resource;
      peeled = true;
    }
  }
  result.scope = applicationProfile ? "application-profile" : std::string(scopeOfId(id));
  const auto known = [&](std::string_view candidate) { return card.find(candidate) != nullptr; };
  if (known(id)) {
    result.model = std::string(id);
    result.known = true;
    return result;
  }
  std::string_view base = id;
  bool globalPeeled = false;
  for (;;) {
    // The card lists some models only under their US geo profile id.
    for (const std::string &candidate : {std::string(base), "us." + std::string(base)})
      if (known(candidate)) {
        result.model = candidate;
        result.known = true;
        return result;
      }
    std::string_view prefix;
    if (base.starts_with(kGlobalPrefix))
      prefix = kGlobalPrefix;
    for (std::string_view geo : kGeoPrefixes)
      if (base.starts_with(geo))
        prefix = geo;
    // Only down to what is still an id: "us.amazon?nova-pro" keeps its
    // prefix, or read again it would be taken for a name and word-matched.
    if (prefix.empty() || !looksLikeModelId(base.substr(prefix.size())))
      break;
    globalPeeled = globalPeeled || prefix == kGlobalPrefix;
    base.remove_prefix(prefix.size());
  }
  // Global traffic of a model the card lacks stays global: priced apart
  // once the card has the model, never merged with the regional traffic.
  result.model = globalPeeled ? std::string(kGlobalPrefix) + std::string(base) : std::string(base);
  return result;
}

NormalizedModel resolveModelId(std::string_view raw, const RateCard &card) {
  NormalizedModel result = normalizeModelId(raw, card);
  // Judged on the normalized text, not the raw: that is what an hourly CSV
  // written from this import holds, and it must resolve the same way.
  if (result.known || looksLikeModelId(result.model))
    return result;
  const bool global = result.model.find("global") != std::string::npos ||
                      result.model.find("Global") != std::string::npos;
  if (std::string id = matchModelName(result.model, global, card); !id.empty()) {
    result.model = std::move(id);
    result.known = true;
  }
  return result;
}

const NormalizedModel &ModelResolver::operator()(std::string_view raw) {
  if (const auto found = m_resolved.find(raw); found != m_resolved.end())
    return found->second;
  return m_resolved.emplace(std::string(raw), resolveModelId(raw, m_card)).first->second;
}

std::string matchModelName(std::string_view name, bool global, const RateCard &card) {
  name = stripMarketplaceEdition(name);
  // An id ("openai.gpt-oss-120b") is the card's id, or one the card's id
  // begins with, or no model of the card: word matching would take
  // "anthropic.claude-haiku-5-5-…" for Claude Haiku 4.5 (its numbers are
  // among 4.5's) and price one model's traffic at another's rates.
  if (looksLikeModelId(name)) {
    const NormalizedModel normalized = normalizeModelId(name, card);
    if (normalized.known)
      return normalized.model;
    // "openai.gpt-oss-120b" for "openai.gpt-oss-120b-1:0": a whole part of
    // exactly one id, never a stem several ids share ("amazon.nova").
    const ModelRates *only = nullptr;
    for (const ModelRates &model : card.models) {
      const std::string &id = model.id;
      const std::string &stem = normalized.model;
      if (stem.empty() || id.size() <= stem.size() || !id.starts_with(stem) ||
          (id[stem.size()] != '-' && id[stem.size()] != ':') || isGlobalEntry(model) != global)
        continue;
      if (only)
        return {};
      only = &model;
    }
    return only ? only->id : std::string();
  }
  std::vector<std::string> wanted = nameTokens(name);
  std::erase_if(wanted, [](const std::string &token) { return token == "amazon"; });
  if (wanted.empty())
    return {};
  const ModelRates *best = nullptr;
  bool bestGlobalFit = false;
  std::size_t bestExtras = std::numeric_limits<std::size_t>::max();
  const auto count = [](const std::vector<std::string> &tokens, const std::string &token) {
    return static_cast<std::size_t>(std::count(tokens.begin(), tokens.end(), token));
  };
  for (const ModelRates &model : card.models) {
    const std::vector<std::string> have = nameTokens(model.name);
    const std::vector<std::string> idTokens = nameTokens(model.id);
    // Repeats count: "Llama 3.3 70B" wants two 3s, which Llama 3 70B
    // ("meta.llama3-70b-…") has not; the name or the id must hold each
    // word as often as the billing name does.
    const bool all = std::all_of(wanted.begin(), wanted.end(), [&](const std::string &token) {
      return count(wanted, token) <= std::max(count(have, token), count(idTokens, token));
    });
    if (!all)
      continue;
    // A name with a version is that version: "Claude4Sonnet" is not Claude
    // Sonnet 4.6 where the card lacks Sonnet 4 (a number the card's name has
    // and the billing name lacks is another model, not a missing word).
    if (std::any_of(wanted.begin(), wanted.end(), isNumber) &&
        std::any_of(have.begin(), have.end(), [&](const std::string &token) {
          return isNumber(token) && std::find(wanted.begin(), wanted.end(), token) == wanted.end();
        }))
      continue;
    // Words of the card's name beyond the billing name's, repeats counted:
    // "Llama 3 70B" is then a closer fit to Llama 3 70B than to Llama 3.3 70B.
    std::size_t extras = 0;
    for (std::size_t i = 0; i < have.size(); ++i) {
      const std::string &token = have[i];
      const auto seen = static_cast<std::size_t>(
          std::count(have.begin(), have.begin() + static_cast<std::ptrdiff_t>(i) + 1, token));
      if (!ignorable(token) && seen > count(wanted, token))
        ++extras;
    }
    const bool globalFit = isGlobalEntry(model) == global;
    // Fewest words the billing name lacks; the global entry only for global usage.
    if (!best || extras < bestExtras || (extras == bestExtras && globalFit && !bestGlobalFit)) {
      best = &model;
      bestExtras = extras;
      bestGlobalFit = globalFit;
    }
  }
  if (!best)
    return {};
  if (!bestGlobalFit) {
    // The same model under the other routing: "global." + id or the id without it.
    const std::string other =
        global ? "global." + best->id
               : best->id.substr(std::min(best->id.size(), kGlobalPrefix.size()));
    if (const ModelRates *twin = card.find(other))
      return twin->id;
    if (global)
      return best->id; // no global entry: the regional price applies
    if (isGlobalEntry(*best))
      return {};
  }
  return best->id;
}

namespace {

struct ProviderWord {
  std::string_view word; // a name token that tells the provider
  std::string_view name;
  std::string_view idPrefix;
};

constexpr std::array<ProviderWord, 29> kProviderWords{{
    {"claude", "Anthropic", "anthropic"},
    {"nova", "Amazon", "amazon"},
    {"titan", "Amazon", "amazon"},
    {"llama", "Meta", "meta"},
    {"mistral", "Mistral AI", "mistral"},
    {"ministral", "Mistral AI", "mistral"},
    {"magistral", "Mistral AI", "mistral"},
    {"pixtral", "Mistral AI", "mistral"},
    {"devstral", "Mistral AI", "mistral"},
    {"voxtral", "Mistral AI", "mistral"},
    {"codestral", "Mistral AI", "mistral"},
    {"deepseek", "DeepSeek", "deepseek"},
    {"gpt", "OpenAI", "openai"},
    {"openai", "OpenAI", "openai"},
    {"qwen", "Qwen", "qwen"},
    {"glm", "Z AI", "zai"},
    {"zai", "Z AI", "zai"},
    {"kimi", "Moonshot AI", "moonshot"},
    {"moonshot", "Moonshot AI", "moonshot"},
    {"minimax", "MiniMax", "minimax"},
    {"grok", "xAI", "xai"},
    {"nemotron", "NVIDIA", "nvidia"},
    {"gemma", "Google", "google"},
    {"palmyra", "Writer", "writer"},
    {"cohere", "Cohere", "cohere"},
    {"command", "Cohere", "cohere"},
    {"jamba", "AI21 Labs", "ai21"},
    {"ai21", "AI21 Labs", "ai21"},
    {"stable", "Stability AI", "stability"},
}};

} // namespace

ModelProvider providerOfModelName(std::string_view name) {
  name = stripMarketplaceEdition(name);
  if (looksLikeModelId(name)) {
    // "zai.glm5", "us.anthropic.claude-…": the provider is the part before the id's name.
    std::string_view rest = name;
    for (std::string_view geo : kGeoPrefixes)
      if (rest.starts_with(geo))
        rest.remove_prefix(geo.size());
    if (rest.starts_with(kGlobalPrefix))
      rest.remove_prefix(kGlobalPrefix.size());
    const std::string prefix(rest.substr(0, rest.find('.')));
    for (const ProviderWord &entry : kProviderWords)
      if (entry.idPrefix == prefix)
        return {std::string(entry.name), std::string(entry.idPrefix)};
  }
  for (const std::string &token : nameTokens(name))
    for (const ProviderWord &entry : kProviderWords)
      if (token.starts_with(entry.word))
        return {std::string(entry.name), std::string(entry.idPrefix)};
  return {};
}

std::string modelIdFromName(std::string_view name) {
  name = stripMarketplaceEdition(name);
  if (looksLikeModelId(name))
    return std::string(name);
  const ModelProvider provider = providerOfModelName(name);
  std::string id = provider.idPrefix.empty() ? std::string("pricelist") : provider.idPrefix;
  id += '.';
  bool first = true;
  const std::vector<std::string> tokens = nameTokens(name);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string &token = tokens[i];
    // The provider's own name is in the prefix already ("Amazon Nova X", "Meta Llama").
    if (first && provider.idPrefix == token && !provider.idPrefix.empty())
      continue;
    if (!first)
      id += '-';
    id += token;
    first = false;
    // A size or variant letter stays on its number, as AWS ids write it:
    // "70B" → "70b", "4o" → "4o", not "70-b".
    if (i + 1 < tokens.size() && std::isdigit(static_cast<unsigned char>(token.front())) &&
        tokens[i + 1].size() == 1 && std::isalpha(static_cast<unsigned char>(tokens[i + 1][0])))
      id += tokens[++i];
  }
  return first ? std::string() : id;
}

bool numbersAgree(std::string_view name, const ModelRates &model) {
  const auto numbers = [](std::string_view text) {
    std::vector<std::string> found;
    for (std::string &token : nameTokens(text))
      if (std::isdigit(static_cast<unsigned char>(token.front())))
        found.push_back(std::move(token));
    std::sort(found.begin(), found.end());
    return found;
  };
  const std::vector<std::string> wanted = numbers(stripMarketplaceEdition(name));
  for (const std::string *text : {&model.name, &model.id}) {
    const std::vector<std::string> have = numbers(*text);
    if (std::includes(have.begin(), have.end(), wanted.begin(), wanted.end()))
      return true;
  }
  return false;
}

} // namespace bwi::core
