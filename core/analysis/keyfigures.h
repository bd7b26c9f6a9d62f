#pragma once

#include "core/cost/evaluation.h"
#include "core/cost/preparedscenario.h"
#include "core/forecast/forecast.h"

#include <optional>

// The headline figures of one evaluated month: what the key-figures strip,
// the comparison's rows and the meeting pack lead with. USD per month.
namespace bwi::core {

struct KeyFigures {
  double netUsd = 0;                 // this month, after the private-pricing discount
  std::optional<double> changeUsd;   // against the baseline (the scenario as opened)
  std::optional<double> changeShare; // the same as a share of the baseline
  std::optional<double> netPer1kRequestsUsd;
  std::optional<double> blendedPer1mTokensUsd; // net per million input + output tokens
  std::optional<double> ptUtilization;         // over active PT commitments, MU-hour weighted
  // Commit retired over the forecast's first 12 months, as a share of the annual commit.
  std::optional<double> commitRetiredShare;
};

// The key figures of one evaluated month; `forecast` gives the commit retired.
KeyFigures keyFiguresOf(const Evaluation &evaluation, const Forecast &forecast,
                        const PreparedScenario &scenario, std::optional<double> baselineNetUsd);

} // namespace bwi::core
