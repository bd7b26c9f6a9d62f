#pragma once

#include "core/model/ratecard.h"
#include "core/model/scenario.h"

#include <array>
#include <optional>
#include <string_view>

// The estate-wide levers the tornado and goal seek move, and what setting
// one does to a scenario. Each has a value in its own unit:
//   volume                 the global volume multiplier (×)
//   pt_units               model units over every PT commitment (whole MU)
//   discount               the private-pricing discount (share, 0 … 0.5)
// and every other lever a factor on each workload's own value (1 = as
// written): output_tokens (output tokens per call), context_size (retrieved
// chunk tokens, history and context growth per call), calls_per_request (at
// least 1), cache_hit_rate, batch_share and premium_routing_share (the share
// routed to premium-tier models, the rest rescaled over the workload's other
// models; each held in [0, 1]) and reserved_tpm (input and output TPM of every
// reservation, at least the card's minimum).
namespace bwi::core {

enum class ScaledLever {
  Volume,
  OutputTokens,
  ContextSize,
  CallsPerRequest,
  CacheHitRate,
  BatchShare,
  PremiumRoutingShare,
  PtUnits,
  Discount,
  ReservedTpm,
};

inline constexpr std::array<ScaledLever, 10> kAllLevers = {ScaledLever::Volume,
                                                           ScaledLever::OutputTokens,
                                                           ScaledLever::ContextSize,
                                                           ScaledLever::CallsPerRequest,
                                                           ScaledLever::CacheHitRate,
                                                           ScaledLever::BatchShare,
                                                           ScaledLever::PremiumRoutingShare,
                                                           ScaledLever::PtUnits,
                                                           ScaledLever::Discount,
                                                           ScaledLever::ReservedTpm};

std::string_view leverName(ScaledLever lever);
std::optional<ScaledLever> leverFromName(std::string_view name);
bool leverIsWhole(ScaledLever lever); // pt_units

// The lever's value in the scenario as written.
double leverValue(const Scenario &scenario, ScaledLever lever);

// The scenario with the lever set to `value` (clamped where the lever's
// unit requires); `card` is the effective rate card (tiers, reservation minimums).
Scenario withLever(const Scenario &scenario, const RateCard &card, ScaledLever lever, double value);

} // namespace bwi::core
