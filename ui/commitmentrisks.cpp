#include "ui/commitmentrisks.h"

#include "core/common/moneyformat.h"

#include <QObject>
#include <QStringList>

namespace bwi::ui {
namespace {

QString modelName(const std::string &id, const core::RateCard &card) {
  const core::ModelRates *model = card.find(id);
  return QString::fromStdString(model && !model->name.empty() ? model->name : id);
}

} // namespace

QString commitmentRiskText(const core::CommitmentRisk &risk, const core::RateCard &card) {
  const QString commitment = risk.reserved ? QObject::tr("Reserved tier") : QObject::tr("PT");
  const auto months = static_cast<int>(risk.idleMonths.size());
  const QString idle = months == 1 ? QObject::tr("1 month") : QObject::tr("%1 months").arg(months);
  return QObject::tr("%1 on %2 idle %3 after its end of life (%4): %5")
      .arg(commitment, modelName(risk.modelId, card), idle, QString::fromStdString(risk.endOfLife),
           QString::fromStdString(core::formatUsdExact(risk.idleCostUsd)));
}

QString commitmentRiskDetail(const core::CommitmentRisk &risk, const core::RateCard &card) {
  QStringList months;
  for (const std::string &month : risk.idleCalendarMonths)
    months.append(QString::fromStdString(month));
  const QString successor =
      risk.successor.empty()
          ? QObject::tr("the card names no successor")
          : QObject::tr("its traffic moves to %1").arg(modelName(risk.successor, card));
  return QObject::tr("%1 retires in %2 (%3) while the commitment runs on: charged with no "
                     "traffic in %4.")
      .arg(modelName(risk.modelId, card), QString::fromStdString(risk.endOfLife), successor,
           months.join(QStringLiteral(", ")));
}

} // namespace bwi::ui
