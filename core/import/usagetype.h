#pragma once

#include <string>
#include <string_view>

// The AWS usage-type grammar of Bedrock charges (price list, CUR, FOCUS
// x_UsageType); every form is listed with an example in docs/price-list.md:
// legacy "USE1-NovaPro-input-tokens-priority",
// "USE1-Claude4Sonnet-output-tokens-long-context-cross-region-global";
// mantle "APN1-zai.glm5-mantle-input-tokens-flex";
// Marketplace camel "USE1-MP:USE1_CacheWrite1hInputTokenCount_Global-Units",
// "USE1-MP:USE1_Reserved_1Month_InputTPM_Geo-Units",
// "USW2-MP:USW2_ProvisionedThroughput_1MonthCommit_ModelUnits_Usage-Units";
// Marketplace snake "USW2-MP:USW2_input_tokens_long_ctx_global_standard-Units".
namespace bwi::core {

struct UsageTypeParts {
  std::string region;    // "us-east-1" from the "USE1-" prefix; empty when it names none
  std::string modelName; // "NovaPro", "Claude4Sonnet", "openai.gpt-oss-120b"; empty in the MP: form
  // input, output, cache_read, cache_write, provisioned, reserved or other
  std::string usage = "other";
  // standard, batch, flex, priority, latency-optimized or reserved
  std::string tier = "standard";
  bool global = false;      // the cross-region global profile (priced apart)
  bool longContext = false; // the price over the long-context threshold
  bool cacheWrite1h = false;
  bool cacheWrite30m = false; // a 30-minute TTL write (GPT-5.6, GPT-6 Astra)
  bool marketplace = false;   // the MP: form of AWS Marketplace model editions
  bool mantle = false;        // the bedrock-mantle (OpenAI-compatible) endpoint's rows
  bool customization = false; // model customization, not inference
  // usage "reserved": the term in months (1 or 3; 0 when unnamed) and
  // whether the row prices input or output tokens per minute.
  int reservedMonths = 0;
  bool reservedOutput = false;
  // usage "provisioned": "no_commit", "one_month" or "six_month".
  std::string ptTerm;
};

UsageTypeParts parseUsageType(std::string_view usageType);

// True for the four token kinds.
bool isTokenUsage(std::string_view usage);

// The region code of a usage-type prefix ("USE1" → "us-east-1", "EU" →
// "eu-west-1", "APN1" → "ap-northeast-1"); empty for an unknown prefix.
std::string_view regionOfUsageTypePrefix(std::string_view prefix);

// The usage-type prefix of a region code ("eu-central-1" → "EUC1"); empty
// for an unknown region.
std::string_view usageTypePrefixOfRegion(std::string_view region);

// Whether `text` is a region code as AWS writes them ("eu-central-1",
// "us-gov-west-1"): lower-case words and a number, joined by hyphens.
bool looksLikeRegionCode(std::string_view text);

} // namespace bwi::core
