#pragma once

#include "core/model/scenario.h"

#include <array>

namespace bwi::core {

inline constexpr int kHoursPerWeek = 168;
using HourlyWeights = std::array<double, kHoursPerWeek>;

// The profile's 168 hourly weights (hour 0 = Monday 00:00 UTC), divided by
// their own mean so they average 1. All-zero weights are rejected by
// validation; here they give all zeros.
HourlyWeights normalizedWeights(const WeeklyProfile &profile);

std::string_view toString(WeeklyProfile::Kind kind);
std::optional<WeeklyProfile::Kind> profileKindFromString(std::string_view text);

} // namespace bwi::core
