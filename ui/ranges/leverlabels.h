#pragma once

#include "core/analysis/goalseek.h"
#include "core/analysis/levers.h"

#include <QString>

// How the tornado and goal seek name a lever and show its value: words for
// the user, in the lever's own unit (levers.h). Formatting only.
namespace bwi::ui {

QString leverLabel(core::ScaledLever lever);    // "Premium routing share"
QString leverUnitHint(core::ScaledLever lever); // "× the scenario's value", "model units"
// 1.25 -> "1.25×" (volume), "×1.25" (a factor), "12.5%" (discount), "3 MU" (PT units).
QString leverValueText(core::ScaledLever lever, double value);

QString goalMetricLabel(core::GoalMetric metric); // "monthly net cost"

} // namespace bwi::ui
