#pragma once

#include <string>
#include <string_view>

// The AWS usage-type grammar of Bedrock charges (price list, CUR, FOCUS
// x_UsageType; docs/importing.md), e.g. "USE1-NovaPro-input-tokens-priority",
// "USE1-Claude4Sonnet-output-tokens-long-context-cross-region-global",
// "USE1-openai.gpt-oss-120b-mantle-input-tokens-standard",
// "USE1-MP:USE1_CacheWrite1hInputTokenCount_Global-Units",
// "USE1-MP:USE1_input_tokens_global_standard-Units".
namespace bwi::core {

struct UsageTypeParts {
  std::string modelName; // "NovaPro", "Claude4Sonnet", "openai.gpt-oss-120b"; empty in the MP: form
  // input, output, cache_read, cache_write, provisioned, reserved or other
  std::string usage = "other";
  // standard, batch, flex, priority, latency-optimized or reserved
  std::string tier = "standard";
  bool global = false;      // the cross-region global profile (priced apart)
  bool longContext = false; // the long-context price
  bool cacheWrite1h = false;
  bool marketplace = false;   // the MP: form of AWS Marketplace model editions
  bool customization = false; // model customization, not inference
};

UsageTypeParts parseUsageType(std::string_view usageType);

// True for the four token kinds.
bool isTokenUsage(std::string_view usage);

} // namespace bwi::core
