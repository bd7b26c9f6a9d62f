#include "core/model/scenariofields.h"

#include <algorithm>
#include <cmath>

namespace bwi::core {
namespace {

// Works for a const workload (getField) and a mutable one (setField).
template <typename W>
auto workloadNumber(W &workload, Field field) -> decltype(&workload.requestsPerMonth) {
  switch (field) {
  case Field::RequestsPerMonth:
    return &workload.requestsPerMonth;
  case Field::VolumeMultiplier:
    return &workload.volumeMultiplier;
  case Field::GrowthPerMonth:
    return &workload.growthPerMonth;
  case Field::SystemTokens:
    return &workload.tokens.system;
  case Field::UserTokens:
    return &workload.tokens.user;
  case Field::RetrievalChunks:
    return &workload.tokens.retrievalChunks;
  case Field::TokensPerChunk:
    return &workload.tokens.tokensPerChunk;
  case Field::HistoryTokens:
    return &workload.tokens.history;
  case Field::CallsPerRequest:
    return &workload.tokens.callsPerRequest;
  case Field::ContextGrowthPerCall:
    return &workload.tokens.contextGrowthPerCall;
  case Field::OutputTokens:
    return &workload.tokens.output;
  case Field::BatchShare:
    return &workload.batchShare;
  default:
    return nullptr;
  }
}

bool isCachingField(Field field) {
  return field == Field::CacheablePrefix || field == Field::CacheHitRate;
}

template <typename S> auto findProvisioned(S &scenario, const std::string &modelId) {
  auto it = std::find_if(scenario.provisioned.begin(), scenario.provisioned.end(),
                         [&](const ProvisionedCommitment &c) { return c.modelId == modelId; });
  return it == scenario.provisioned.end() ? nullptr : &*it;
}

template <typename S> auto findReservation(S &scenario, const std::string &modelId) {
  auto it = std::find_if(scenario.reserved.begin(), scenario.reserved.end(),
                         [&](const Reservation &r) { return r.modelId == modelId; });
  return it == scenario.reserved.end() ? nullptr : &*it;
}

const RateOverride *findOverride(const Scenario &scenario, const FieldKey &key) {
  for (const RateOverride &entry : scenario.ratecardOverrides)
    if (entry.modelId == key.modelId && entry.field == key.overrideField)
      return &entry;
  return nullptr;
}

FieldValue optionalNumber(const std::optional<double> &number) {
  return number ? FieldValue(*number) : FieldValue(std::monostate{});
}

} // namespace

FieldValue getField(const Scenario &scenario, const FieldKey &key) {
  switch (key.field) {
  case Field::Name:
    return scenario.name;
  case Field::GlobalVolumeMultiplier:
    return scenario.globalVolumeMultiplier;
  case Field::Discount:
    return scenario.agreement ? scenario.agreement->discount : 0.0;
  case Field::AnnualCommitUsd:
    return scenario.agreement ? scenario.agreement->annualCommitUsd : 0.0;
  case Field::BudgetUsd:
    return optionalNumber(scenario.forecast.budgetUsd);
  case Field::SensitivityRange:
    return optionalNumber(scenario.forecast.sensitivityRange);
  case Field::ForecastStartMonth:
    return scenario.forecast.startMonth ? FieldValue(*scenario.forecast.startMonth)
                                        : FieldValue(std::monostate{});
  case Field::ProvisionedUnits: {
    const auto *commitment = findProvisioned(scenario, key.modelId);
    return commitment ? static_cast<double>(commitment->modelUnits) : 0.0;
  }
  case Field::ProvisionedTerm: {
    const auto *commitment = findProvisioned(scenario, key.modelId);
    return std::string(toString(commitment ? commitment->term : PtTerm::OneMonth));
  }
  case Field::ReservedInputTpm: {
    const auto *reservation = findReservation(scenario, key.modelId);
    return reservation ? reservation->inputTpm : 0.0;
  }
  case Field::ReservedOutputTpm: {
    const auto *reservation = findReservation(scenario, key.modelId);
    return reservation ? reservation->outputTpm : 0.0;
  }
  case Field::ReservedTerm: {
    const auto *reservation = findReservation(scenario, key.modelId);
    return std::string(toString(reservation ? reservation->term : ReservedTerm::OneMonth));
  }
  case Field::CommitmentAutoRenew:
  case Field::CommitmentNoticeDays: {
    const auto *commitment = findProvisioned(scenario, key.modelId);
    const auto *reservation = findReservation(scenario, key.modelId);
    if (!commitment && !reservation)
      return std::monostate{};
    const bool autoRenew = commitment ? commitment->autoRenew : reservation->autoRenew;
    const int notice = commitment ? commitment->cancelNoticeDays : reservation->cancelNoticeDays;
    return key.field == Field::CommitmentAutoRenew ? (autoRenew ? 1.0 : 0.0)
                                                   : static_cast<double>(notice);
  }
  case Field::RateOverride: {
    const RateOverride *entry = findOverride(scenario, key);
    if (!entry)
      return std::monostate{};
    if (const auto *number = std::get_if<double>(&entry->value))
      return *number;
    if (const auto *text = std::get_if<std::string>(&entry->value))
      return *text;
    if (const auto *flag = std::get_if<bool>(&entry->value))
      return *flag ? 1.0 : 0.0;
    return std::monostate{};
  }
  default:
    break;
  }
  if (key.workload < 0 || key.workload >= static_cast<int>(scenario.workloads.size()))
    return std::monostate{};
  const Workload &workload = scenario.workloads[static_cast<std::size_t>(key.workload)];
  switch (key.field) {
  case Field::WorkloadName:
    return workload.name;
  case Field::WorkloadTeam:
    return workload.team.value_or("");
  case Field::CacheablePrefix:
    return workload.caching ? workload.caching->cacheablePrefix : 0.0;
  case Field::CacheHitRate:
    return workload.caching ? workload.caching->hitRate : 0.0;
  case Field::ServiceTier:
    return std::string(toString(workload.serviceTier));
  case Field::LatencyTolerant:
    return workload.latencyTolerant ? 1.0 : 0.0;
  case Field::Routing:
    return workload.routing;
  case Field::Meters:
    return workload.meters;
  case Field::Unit:
    return workload.unit ? FieldValue(*workload.unit) : FieldValue(std::monostate{});
  case Field::EscalationTarget:
    return workload.escalation ? FieldValue(workload.escalation->to) : FieldValue(std::monostate{});
  case Field::EscalationRate:
    return workload.escalation ? FieldValue(workload.escalation->rate)
                               : FieldValue(std::monostate{});
  case Field::EscalationMeasured:
    return workload.escalation ? FieldValue(workload.escalation->measured ? 1.0 : 0.0)
                               : FieldValue(std::monostate{});
  case Field::AdequateModels:
    return workload.adequateModels;
  case Field::MinQuality:
    return workload.minQuality ? FieldValue(*workload.minQuality) : FieldValue(std::monostate{});
  case Field::DataResidency:
    return workload.dataResidency ? 1.0 : 0.0;
  case Field::PromptRouter:
    return workload.promptRouter;
  default: {
    const double *number =
        workloadNumber(scenario.workloads[static_cast<std::size_t>(key.workload)], key.field);
    return number ? FieldValue(*number) : FieldValue(std::monostate{});
  }
  }
}

bool setField(Scenario &scenario, const FieldKey &key, const FieldValue &value) {
  const double *number = std::get_if<double>(&value);
  const std::string *text = std::get_if<std::string>(&value);
  switch (key.field) {
  case Field::Name:
    if (!text)
      return false;
    scenario.name = *text;
    return true;
  case Field::GlobalVolumeMultiplier:
    if (!number)
      return false;
    scenario.globalVolumeMultiplier = *number;
    return true;
  case Field::Discount:
  case Field::AnnualCommitUsd:
    if (!number)
      return false;
    if (!scenario.agreement)
      scenario.agreement = Agreement{};
    (key.field == Field::Discount ? scenario.agreement->discount
                                  : scenario.agreement->annualCommitUsd) = *number;
    return true;
  case Field::BudgetUsd:
  case Field::SensitivityRange: {
    std::optional<double> &target = key.field == Field::BudgetUsd
                                        ? scenario.forecast.budgetUsd
                                        : scenario.forecast.sensitivityRange;
    if (std::holds_alternative<std::monostate>(value))
      target.reset();
    else if (number)
      target = *number;
    else
      return false;
    return true;
  }
  case Field::ForecastStartMonth:
    if (std::holds_alternative<std::monostate>(value))
      scenario.forecast.startMonth.reset();
    else if (text)
      scenario.forecast.startMonth = *text;
    else
      return false;
    return true;
  case Field::ProvisionedUnits: {
    if (!number)
      return false;
    auto *commitment = findProvisioned(scenario, key.modelId);
    if (*number < 1) {
      std::erase_if(scenario.provisioned,
                    [&](const ProvisionedCommitment &c) { return c.modelId == key.modelId; });
      return true;
    }
    if (!commitment)
      scenario.provisioned.push_back({key.modelId, 1, PtTerm::OneMonth, 0});
    commitment = findProvisioned(scenario, key.modelId);
    commitment->modelUnits = static_cast<int>(*number);
    return true;
  }
  case Field::ProvisionedTerm: {
    const auto term = text ? ptTermFromString(*text) : std::nullopt;
    auto *commitment = findProvisioned(scenario, key.modelId);
    if (!term || !commitment)
      return false;
    commitment->term = *term;
    return true;
  }
  case Field::ReservedInputTpm:
  case Field::ReservedOutputTpm: {
    if (!number)
      return false;
    if (!findReservation(scenario, key.modelId))
      scenario.reserved.push_back({key.modelId, 0, 0, ReservedTerm::OneMonth, 0});
    Reservation *reservation = findReservation(scenario, key.modelId);
    (key.field == Field::ReservedInputTpm ? reservation->inputTpm : reservation->outputTpm) =
        *number;
    return true;
  }
  case Field::ReservedTerm: {
    const auto term = text ? reservedTermFromString(*text) : std::nullopt;
    Reservation *reservation = findReservation(scenario, key.modelId);
    if (!term || !reservation)
      return false;
    reservation->term = *term;
    return true;
  }
  case Field::CommitmentAutoRenew:
  case Field::CommitmentNoticeDays: {
    auto *commitment = findProvisioned(scenario, key.modelId);
    Reservation *reservation = findReservation(scenario, key.modelId);
    if (!number || (!commitment && !reservation))
      return false;
    if (key.field == Field::CommitmentAutoRenew) {
      (commitment ? commitment->autoRenew : reservation->autoRenew) = *number != 0;
      return true;
    }
    if (*number < 0 || *number > 365 || *number != std::floor(*number))
      return false;
    (commitment ? commitment->cancelNoticeDays : reservation->cancelNoticeDays) =
        static_cast<int>(*number);
    return true;
  }
  case Field::RateOverride: {
    auto &overrides = scenario.ratecardOverrides;
    auto it = std::find_if(overrides.begin(), overrides.end(), [&](const RateOverride &entry) {
      return entry.modelId == key.modelId && entry.field == key.overrideField;
    });
    OverrideValue leaf;
    if (number)
      leaf = *number;
    else if (text)
      leaf = *text;
    else if (!std::holds_alternative<std::monostate>(value))
      return false;
    if (std::holds_alternative<std::monostate>(value)) {
      if (it != overrides.end())
        overrides.erase(it);
      return true;
    }
    if (it != overrides.end())
      it->value = leaf;
    else
      overrides.push_back({key.modelId, key.overrideField, leaf});
    return true;
  }
  default:
    break;
  }
  if (key.workload < 0 || key.workload >= static_cast<int>(scenario.workloads.size()))
    return false;
  Workload &workload = scenario.workloads[static_cast<std::size_t>(key.workload)];
  switch (key.field) {
  case Field::WorkloadName:
    if (!text)
      return false;
    workload.name = *text;
    return true;
  case Field::WorkloadTeam:
    if (!text)
      return false;
    workload.team = text->empty() ? std::nullopt : std::optional<std::string>(*text);
    return true;
  case Field::ServiceTier: {
    const auto tier = text ? serviceTierFromString(*text) : std::nullopt;
    if (!tier)
      return false;
    workload.serviceTier = *tier;
    return true;
  }
  case Field::LatencyTolerant:
    if (!number)
      return false;
    workload.latencyTolerant = *number != 0;
    return true;
  case Field::Routing:
    if (const auto *routing = std::get_if<std::vector<RoutingShare>>(&value)) {
      workload.routing = *routing;
      return true;
    }
    return false;
  case Field::Meters:
    if (const auto *meters = std::get_if<std::vector<MeterUse>>(&value)) {
      workload.meters = *meters;
      return true;
    }
    return false;
  case Field::Unit:
    if (const auto *unit = std::get_if<UnitEconomics>(&value))
      workload.unit = *unit;
    else if (std::holds_alternative<std::monostate>(value))
      workload.unit.reset();
    else
      return false;
    return true;
  case Field::EscalationTarget:
    // A new escalation starts at rate 0: choosing the target changes no cost.
    if (std::holds_alternative<std::monostate>(value))
      workload.escalation.reset();
    else if (text && workload.escalation)
      workload.escalation->to = *text;
    else if (text)
      workload.escalation = Escalation{*text, 0.0};
    else
      return false;
    return true;
  case Field::EscalationRate:
    if (!number || !workload.escalation)
      return false;
    workload.escalation->rate = *number;
    return true;
  case Field::EscalationMeasured:
    if (!number || !workload.escalation || (*number != 0 && *number != 1))
      return false;
    workload.escalation->measured = *number == 1;
    return true;
  case Field::AdequateModels:
    if (const auto *ids = std::get_if<std::vector<std::string>>(&value)) {
      workload.adequateModels = *ids;
      return true;
    }
    return false;
  case Field::MinQuality:
    if (std::holds_alternative<std::monostate>(value))
      workload.minQuality.reset();
    else if (number)
      workload.minQuality = *number;
    else
      return false;
    return true;
  case Field::DataResidency:
    if (!number)
      return false;
    workload.dataResidency = *number != 0;
    return true;
  case Field::PromptRouter:
    if (!text)
      return false;
    workload.promptRouter = *text;
    return true;
  default:
    break;
  }
  if (!number)
    return false;
  if (isCachingField(key.field)) {
    if (!workload.caching)
      workload.caching = Caching{};
    (key.field == Field::CacheablePrefix ? workload.caching->cacheablePrefix
                                         : workload.caching->hitRate) = *number;
    return true;
  }
  double *target = workloadNumber(workload, key.field);
  if (!target)
    return false;
  *target = *number;
  return true;
}

} // namespace bwi::core
