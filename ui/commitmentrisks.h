#pragma once

#include "core/forecast/forecast.h"
#include "core/model/ratecard.h"

#include <QString>

namespace bwi::ui {

// One line for a commitment still charged after its model's end of life
// (docs/cost-model.md §13.2), with core's idle cost in USD: "PT on Claude
// Sonnet 4.5 idle 3 months after its end of life (2027-04): $12,345.67".
// The key figures strip and the meeting pack say it the same way.
QString commitmentRiskText(const core::CommitmentRisk &risk, const core::RateCard &card);
// The months it is idle and what replaces the model, for a tooltip.
QString commitmentRiskDetail(const core::CommitmentRisk &risk, const core::RateCard &card);

} // namespace bwi::ui
