#pragma once

#include "core/model/ratecard.h"

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

// Model ids as AWS writes them in metrics, logs, bills and price lists,
// mapped to the rate card's ids.
namespace bwi::core {

// The service tier an import reports: "standard", "flex", "priority",
// "latency-optimized", and for bills also "batch" and "reserved".
struct NormalizedModel {
  std::string model; // the rate card's id, or the cleaned id where the card has none
  std::string tier;
  // Where the request ran, from the id as invoked: "in-region" (a bare or
  // foundation-model id), a geo profile ("us", "eu", "apac", "jp", "au",
  // "ca", "us-gov"), "global", or "application-profile" (an application
  // inference-profile ARN, which names no model). A name as bills write it
  // has none: "".
  std::string scope;
  bool known = false; // `model` is an id of the card
};

inline constexpr std::string_view kInRegionScope = "in-region";

// An id as invoked ("us.anthropic.claude-haiku-4-5-20251001-v1:0+flex", an
// inference-profile or foundation-model ARN, "global.…"): the `+tier`
// suffix gives the tier; ARNs give their resource id; geo prefixes (us.,
// eu., apac., jp., au., us-gov., ca.) are dropped unless the card lists the
// prefixed id (a geo profile costs what the model costs in its region); a
// global. profile keeps its prefix where the card has a global entry
// (priced apart, about 10% below the regional price), falls back to the
// base id where the card prices the model only regionally, and keeps its
// prefix where the card has neither, so that global traffic of a model the
// card lacks never merges with its regional traffic. The scope records
// which profile the id named (docs/importing.md).
NormalizedModel normalizeModelId(std::string_view raw, const RateCard &card);

// Whether a model is named by an AWS id rather than as bills name it: AWS
// ids begin with a lower-case provider or geo prefix and a dot ("amazon.",
// "us.", "ai21.") or carry a version after a colon ("…-v1:0"); bill names do
// neither ("NovaPro", "Nova2.0Lite", "Claude Sonnet 4.5").
bool looksLikeModelId(std::string_view name);

// A model as the usage importers meet it (a log's modelId, a metric's
// dimension, an hourly CSV's model column): normalized as above, and a name
// that is not an id ("NovaPro", "Claude Sonnet 4.5 (Amazon Bedrock
// Edition)", as the Athena SQL over a bill writes them) matched by its words.
// Resolving a resolved model gives it back, so an hourly CSV written from
// any import reads as the same models.
NormalizedModel resolveModelId(std::string_view raw, const RateCard &card);

// resolveModelId once per distinct text: a file repeats a few models over
// millions of records, and matching a name by its words reads every model
// of the card. One per thread.
class ModelResolver {
public:
  explicit ModelResolver(const RateCard &card) : m_card(card) {}
  const NormalizedModel &operator()(std::string_view raw);

private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  const RateCard &m_card;
  std::unordered_map<std::string, NormalizedModel, Hash, std::equal_to<>> m_resolved;
};

// A model named the way the price list and bills name it ("NovaPro",
// "Claude4.5Sonnet", "Claude Sonnet 4.5 (Amazon Bedrock Edition)",
// "openai.gpt-oss-120b"), matched to the card by its words and numbers;
// `global` picks the card's global entry where it has one. Empty when no
// model of the card matches.
std::string matchModelName(std::string_view name, bool global, const RateCard &card);

// "Claude Sonnet 4.5 (Amazon Bedrock Edition)" → "Claude Sonnet 4.5".
std::string_view stripMarketplaceEdition(std::string_view name);

// The provider of a model as the price list names it ("Claude Opus 5.5" →
// Anthropic, "anthropic"; "GLM 5" or "zai.glm5" → Z AI, "zai"); empty when
// no word of the name is known.
struct ModelProvider {
  std::string name;     // "Anthropic", "Mistral AI"
  std::string idPrefix; // "anthropic", "mistral": how AWS ids begin
};
ModelProvider providerOfModelName(std::string_view name);

// An id for a model the card lacks, from the price list's name: the name
// itself when it is an id ("zai.glm5"), else the provider's id prefix and the
// name's words and numbers ("Claude Opus 5.5" → "anthropic.claude-opus-5-5",
// a stem the real versioned id begins with, so that matchModelName finds it;
// a letter after a number stays on it: "Qwen 32B" → "qwen.qwen-32b").
std::string modelIdFromName(std::string_view name);

// Whether every number of `name` is among the numbers of `model`'s name, or
// among those of its id, counting repeats: "Claude Opus 5.5" is not Claude
// Opus 4.5 (matchModelName's words alone would take it), "Mistral Large 3
// 675B" is mistral.mistral-large-3-675b-instruct.
bool numbersAgree(std::string_view name, const ModelRates &model);

} // namespace bwi::core
