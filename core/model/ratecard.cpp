#include "core/model/ratecard.h"

#include <algorithm>

namespace bwi::core {

std::optional<double> ProvisionedRates::ratePerMuHour(PtTerm term) const {
  switch (term) {
  case PtTerm::NoCommit:
    return noCommitPerMuHour;
  case PtTerm::OneMonth:
    return oneMonthPerMuHour;
  case PtTerm::SixMonth:
    return sixMonthPerMuHour;
  }
  return std::nullopt;
}

bool ProvisionedRates::capable() const {
  const bool hasCapacity = inputTpmPerMu.value_or(0) > 0 && outputTpmPerMu.value_or(0) > 0;
  const bool hasRate = noCommitPerMuHour || oneMonthPerMuHour || sixMonthPerMuHour;
  return hasCapacity && hasRate;
}

const std::optional<ReservedTermRates> &ReservedRates::rates(ReservedTerm term) const {
  return term == ReservedTerm::OneMonth ? oneMonth : threeMonth;
}

std::optional<double> ModelRates::tierMultiplier(ServiceTier serviceTier) const {
  switch (serviceTier) {
  case ServiceTier::Standard:
    return 1.0;
  case ServiceTier::Priority:
    return tiers ? tiers->priority : std::nullopt;
  case ServiceTier::Flex:
    return tiers ? tiers->flex : std::nullopt;
  }
  return std::nullopt;
}

const ModelRates *RateCard::find(std::string_view id) const {
  const auto it = std::find_if(models.begin(), models.end(),
                               [id](const ModelRates &model) { return model.id == id; });
  return it == models.end() ? nullptr : &*it;
}

const PromptRouter *RateCard::findRouter(std::string_view id) const {
  const auto it = std::find_if(promptRouters.begin(), promptRouters.end(),
                               [id](const PromptRouter &router) { return router.id == id; });
  return it == promptRouters.end() ? nullptr : &*it;
}

std::string_view toString(PtTerm term) {
  switch (term) {
  case PtTerm::NoCommit:
    return "no_commit";
  case PtTerm::OneMonth:
    return "one_month";
  case PtTerm::SixMonth:
    return "six_month";
  }
  return "one_month";
}

int termMonths(PtTerm term) {
  switch (term) {
  case PtTerm::NoCommit:
    return 0;
  case PtTerm::OneMonth:
    return 1;
  case PtTerm::SixMonth:
    return 6;
  }
  return 1;
}

int termMonths(ReservedTerm term) { return term == ReservedTerm::OneMonth ? 1 : 3; }

std::string_view toString(ReservedTerm term) {
  return term == ReservedTerm::OneMonth ? "one_month" : "three_month";
}

std::string_view toString(ServiceTier tier) {
  switch (tier) {
  case ServiceTier::Standard:
    return "standard";
  case ServiceTier::Priority:
    return "priority";
  case ServiceTier::Flex:
    return "flex";
  }
  return "standard";
}

std::optional<PtTerm> ptTermFromString(std::string_view text) {
  if (text == "no_commit")
    return PtTerm::NoCommit;
  if (text == "one_month")
    return PtTerm::OneMonth;
  if (text == "six_month")
    return PtTerm::SixMonth;
  return std::nullopt;
}

std::optional<ReservedTerm> reservedTermFromString(std::string_view text) {
  if (text == "one_month")
    return ReservedTerm::OneMonth;
  if (text == "three_month")
    return ReservedTerm::ThreeMonth;
  return std::nullopt;
}

std::optional<ServiceTier> serviceTierFromString(std::string_view text) {
  if (text == "standard")
    return ServiceTier::Standard;
  if (text == "priority")
    return ServiceTier::Priority;
  if (text == "flex")
    return ServiceTier::Flex;
  return std::nullopt;
}

} // namespace bwi::core
