#include "ui/ranges/leverlabels.h"

#include "core/common/moneyformat.h"

#include <QObject>

#include <cmath>

namespace bwi::ui {

QString leverLabel(core::ScaledLever lever) {
  switch (lever) {
  case core::ScaledLever::Volume:
    return QObject::tr("Volume");
  case core::ScaledLever::OutputTokens:
    return QObject::tr("Output tokens");
  case core::ScaledLever::ContextSize:
    return QObject::tr("Context size");
  case core::ScaledLever::CallsPerRequest:
    return QObject::tr("Calls per request");
  case core::ScaledLever::CacheHitRate:
    return QObject::tr("Cache hit rate");
  case core::ScaledLever::BatchShare:
    return QObject::tr("Batch share");
  case core::ScaledLever::PremiumRoutingShare:
    return QObject::tr("Premium routing share");
  case core::ScaledLever::PtUnits:
    return QObject::tr("PT units");
  case core::ScaledLever::Discount:
    return QObject::tr("Discount");
  case core::ScaledLever::ReservedTpm:
    return QObject::tr("Reserved TPM");
  }
  return {};
}

QString leverUnitHint(core::ScaledLever lever) {
  switch (lever) {
  case core::ScaledLever::Volume:
    return QObject::tr("global volume multiplier (×)");
  case core::ScaledLever::PtUnits:
    return QObject::tr("model units over every PT commitment");
  case core::ScaledLever::Discount:
    return QObject::tr("private-pricing discount (0 to 50%)");
  default:
    return QObject::tr("factor on each workload's own value (1 = as written)");
  }
}

QString leverValueText(core::ScaledLever lever, double value) {
  switch (lever) {
  case core::ScaledLever::Volume:
    return QStringLiteral("%1×").arg(value, 0, 'g', 4);
  case core::ScaledLever::PtUnits:
    return QObject::tr("%1 MU").arg(std::llround(value));
  case core::ScaledLever::Discount:
    return QString::fromStdString(core::formatPercent(value));
  default:
    return QStringLiteral("×%1").arg(value, 0, 'g', 4);
  }
}

QString goalMetricLabel(core::GoalMetric metric) {
  switch (metric) {
  case core::GoalMetric::NetUsd:
    return QObject::tr("Monthly net cost");
  case core::GoalMetric::NetPer1kRequests:
    return QObject::tr("Cost per 1,000 requests");
  case core::GoalMetric::PtUtilization:
    return QObject::tr("PT utilization");
  }
  return {};
}

} // namespace bwi::ui
