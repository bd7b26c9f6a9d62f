#include "core/model/weeklyprofile.h"

#include <cmath>
#include <numbers>

namespace bwi::core {
namespace {

HourlyWeights rawWeights(const WeeklyProfile &profile) {
  HourlyWeights weights{};
  for (int hour = 0; hour < kHoursPerWeek; ++hour) {
    const int day = hour / 24; // 0 = Monday
    const int hourOfDay = hour % 24;
    switch (profile.kind) {
    case WeeklyProfile::Kind::Flat:
      weights[hour] = 1.0;
      break;
    case WeeklyProfile::Kind::BusinessHours:
      weights[hour] = (day < 5 && hourOfDay >= 9 && hourOfDay <= 17) ? 4.0 : 1.0;
      break;
    case WeeklyProfile::Kind::Diurnal:
      weights[hour] = 1.0 + 0.5 * std::cos(2.0 * std::numbers::pi * (hourOfDay - 14) / 24.0);
      break;
    case WeeklyProfile::Kind::Weekly:
      weights[hour] =
          hour < static_cast<int>(profile.weeklyWeights.size()) ? profile.weeklyWeights[hour] : 0.0;
      break;
    }
  }
  return weights;
}

} // namespace

HourlyWeights normalizedWeights(const WeeklyProfile &profile) {
  HourlyWeights weights = rawWeights(profile);
  double sum = 0;
  for (double weight : weights)
    sum += weight;
  if (!(sum > 0))
    return HourlyWeights{};
  const double mean = sum / kHoursPerWeek;
  for (double &weight : weights)
    weight /= mean;
  return weights;
}

std::string_view toString(WeeklyProfile::Kind kind) {
  switch (kind) {
  case WeeklyProfile::Kind::Flat:
    return "flat";
  case WeeklyProfile::Kind::BusinessHours:
    return "business_hours";
  case WeeklyProfile::Kind::Diurnal:
    return "diurnal";
  case WeeklyProfile::Kind::Weekly:
    return "weekly";
  }
  return "flat";
}

std::optional<WeeklyProfile::Kind> profileKindFromString(std::string_view text) {
  if (text == "flat")
    return WeeklyProfile::Kind::Flat;
  if (text == "business_hours")
    return WeeklyProfile::Kind::BusinessHours;
  if (text == "diurnal")
    return WeeklyProfile::Kind::Diurnal;
  return std::nullopt;
}

} // namespace bwi::core
