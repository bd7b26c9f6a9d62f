#pragma once

#include "core/analysis/levers.h"
#include "core/model/ratecard.h"
#include "core/model/scenario.h"

#include <map>
#include <vector>

// The tornado: each lever at a low and a high value and the month's net cost
// there, sorted by swing. USD per month.
namespace bwi::core {

// A lever's range as shares of its value: low -0.25, high +0.25 is ±25%.
struct LeverRange {
  double low = -kDefaultSensitivityRange;
  double high = kDefaultSensitivityRange;
};

struct TornadoOptions {
  int month = 0;
  std::optional<double> range; // ± share for every lever; default the scenario's or 25%
  std::map<ScaledLever, LeverRange> overrides; // per lever
};

struct TornadoBar {
  ScaledLever lever = ScaledLever::Volume;
  LeverRange range;    // the shares the lever moved by
  double lowValue = 0; // in the lever's unit (levers.h)
  double highValue = 0;
  double lowUsd = 0;
  double highUsd = 0;
  double swingUsd() const { return highUsd > lowUsd ? highUsd - lowUsd : lowUsd - highUsd; }
};

struct Tornado {
  int month = 0;
  double baseUsd = 0;
  std::vector<TornadoBar> bars; // largest swing first
};

// The lever's value at the low and high end of a range. PT units move by at
// least one whole unit each way (a 25% step of one unit is no step at all).
std::pair<double, double> leverSpan(const Scenario &scenario, ScaledLever lever,
                                    const LeverRange &range);

Tornado tornado(const Scenario &scenario, const RateCard &card, const TornadoOptions &options = {});

} // namespace bwi::core
