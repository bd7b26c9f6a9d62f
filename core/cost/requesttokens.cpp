#include "core/cost/requesttokens.h"

namespace bwi::core {

RequestTokens requestTokens(const TokenShape &tokens, const std::optional<Caching> &caching,
                            bool modelCaches) {
  const double calls = tokens.callsPerRequest;
  const double base = baseInputPerCall(tokens);
  RequestTokens result;
  result.input = calls * base + tokens.contextGrowthPerCall * calls * (calls - 1) / 2;
  result.output = calls * tokens.output;
  result.uncachedInput = result.input;
  if (modelCaches && caching) {
    const double prefix = caching->cacheablePrefix;
    result.cacheRead = calls * caching->hitRate * prefix;
    result.cacheWrite = calls * (1 - caching->hitRate) * prefix;
    result.uncachedInput = result.input - calls * prefix;
  }
  return result;
}

} // namespace bwi::core
