#include "core/analysis/levers.h"

#include "core/cost/requesttokens.h"

#include <algorithm>
#include <cmath>

namespace bwi::core {
namespace {

constexpr std::array<std::string_view, 10> kNames = {
    "volume",      "output_tokens",         "context_size", "calls_per_request", "cache_hit_rate",
    "batch_share", "premium_routing_share", "pt_units",     "discount",          "reserved_tpm"};

bool isPremium(const RateCard &card, const std::string &modelId) {
  const ModelRates *rates = card.find(modelId);
  return rates && rates->tier == "premium";
}

void scalePremiumShare(Workload &workload, const RateCard &card, double factor) {
  double premium = 0;
  for (const RoutingShare &route : workload.routing)
    if (isPremium(card, route.modelId))
      premium += route.share;
  const double rest = 1.0 - premium;
  if (premium <= 0 || rest <= 0)
    return; // nothing to scale, or nowhere to send the difference
  const double target = std::clamp(premium * factor, 0.0, 1.0);
  for (RoutingShare &route : workload.routing)
    route.share *= isPremium(card, route.modelId) ? target / premium : (1.0 - target) / rest;
}

void setPtUnits(Scenario &scenario, double value) {
  double total = 0;
  for (const ProvisionedCommitment &commitment : scenario.provisioned)
    total += commitment.modelUnits;
  if (total <= 0)
    return;
  const double factor = std::max(0.0, value) / total;
  for (ProvisionedCommitment &commitment : scenario.provisioned)
    commitment.modelUnits = static_cast<int>(std::lround(commitment.modelUnits * factor));
  std::erase_if(scenario.provisioned,
                [](const ProvisionedCommitment &commitment) { return commitment.modelUnits <= 0; });
}

void scaleReservations(Scenario &scenario, const RateCard &card, double factor) {
  for (Reservation &reservation : scenario.reserved) {
    const ModelRates *rates = card.find(reservation.modelId);
    const double minInput = rates && rates->reserved ? rates->reserved->minInputTpm : 0;
    const double minOutput = rates && rates->reserved ? rates->reserved->minOutputTpm : 0;
    const auto scaled = [&](double tpm, double minimum) {
      const double value = tpm * factor;
      return value > 0 ? std::max(value, minimum) : 0.0;
    };
    reservation.inputTpm = scaled(reservation.inputTpm, minInput);
    reservation.outputTpm = scaled(reservation.outputTpm, minOutput);
  }
}

} // namespace

std::string_view leverName(ScaledLever lever) { return kNames[static_cast<std::size_t>(lever)]; }

std::optional<ScaledLever> leverFromName(std::string_view name) {
  for (ScaledLever lever : kAllLevers)
    if (leverName(lever) == name)
      return lever;
  return std::nullopt;
}

bool leverIsWhole(ScaledLever lever) { return lever == ScaledLever::PtUnits; }

double leverValue(const Scenario &scenario, ScaledLever lever) {
  switch (lever) {
  case ScaledLever::Volume:
    return scenario.globalVolumeMultiplier;
  case ScaledLever::PtUnits: {
    double total = 0;
    for (const ProvisionedCommitment &commitment : scenario.provisioned)
      total += commitment.modelUnits;
    return total;
  }
  case ScaledLever::Discount:
    return scenario.agreement ? scenario.agreement->discount : 0.0;
  default:
    return 1.0;
  }
}

Scenario withLever(const Scenario &scenario, const RateCard &card, ScaledLever lever,
                   double value) {
  Scenario result = scenario;
  const double factor = std::max(0.0, value);
  switch (lever) {
  case ScaledLever::Volume:
    result.globalVolumeMultiplier = factor;
    return result;
  case ScaledLever::PtUnits:
    setPtUnits(result, value);
    return result;
  case ScaledLever::Discount:
    if (result.agreement)
      result.agreement->discount = std::clamp(value, 0.0, 0.5);
    return result;
  case ScaledLever::ReservedTpm:
    scaleReservations(result, card, factor);
    return result;
  default:
    break;
  }
  for (Workload &workload : result.workloads) {
    TokenShape &tokens = workload.tokens;
    switch (lever) {
    case ScaledLever::OutputTokens:
      tokens.output *= factor;
      break;
    case ScaledLever::ContextSize:
      tokens.tokensPerChunk *= factor;
      tokens.history *= factor;
      tokens.contextGrowthPerCall *= factor;
      // The cached prefix cannot outgrow the input it is a prefix of.
      if (workload.caching)
        workload.caching->cacheablePrefix =
            std::min(workload.caching->cacheablePrefix, baseInputPerCall(tokens));
      break;
    case ScaledLever::CallsPerRequest:
      tokens.callsPerRequest = std::max(1.0, tokens.callsPerRequest * factor);
      break;
    case ScaledLever::CacheHitRate:
      if (workload.caching)
        workload.caching->hitRate = std::clamp(workload.caching->hitRate * factor, 0.0, 1.0);
      break;
    case ScaledLever::BatchShare:
      workload.batchShare = std::clamp(workload.batchShare * factor, 0.0, 1.0);
      break;
    case ScaledLever::PremiumRoutingShare:
      scalePremiumShare(workload, card, factor);
      break;
    default:
      break;
    }
  }
  return result;
}

} // namespace bwi::core
