#pragma once

#include "core/model/scenario.h"

// Tokens one request of a workload uses on one model (docs/cost-model.md §3).
namespace bwi::core {

struct RequestTokens {
  double input = 0;         // I: all input tokens, cached ones included
  double output = 0;        // O
  double uncachedInput = 0; // UI = I - n·P (I without caching)
  double cacheRead = 0;     // CR
  double cacheWrite = 0;    // CW
  bool operator==(const RequestTokens &) const = default;
};

// `modelCaches` is whether the model has cache prices; without them the
// workload's caching settings have no effect.
RequestTokens requestTokens(const TokenShape &tokens, const std::optional<Caching> &caching,
                            bool modelCaches);

} // namespace bwi::core
