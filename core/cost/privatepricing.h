#pragma once

#include "core/model/scenario.h"

#include <optional>
#include <vector>

// Private pricing (EDP/PPA): the discount and the commit it retires
// (docs/cost-model.md §6, §10.2, §10.17). USD per month.
namespace bwi::core {

struct ModelGross {
  double grossUsd = 0;
  bool marketplace = false;
};

struct PrivatePricing {
  double discountUsd = 0;
  double commitRetiredUsd = 0;
};

// Whether the agreement discounts this model's spend: first-party always,
// marketplace only where the agreement says so.
bool discountApplies(const Agreement &agreement, bool marketplace);

// The share of a model's gross paid after the agreement: 1 − discount where
// the discount applies, 1 otherwise or without an agreement.
double netShare(const std::optional<Agreement> &agreement, bool marketplace);

PrivatePricing applyAgreement(const std::optional<Agreement> &agreement,
                              const std::vector<ModelGross> &models);

} // namespace bwi::core
