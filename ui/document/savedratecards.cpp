#include "ui/document/savedratecards.h"

#include "core/files/savedcards.h"
#include "ui/document/appsettings.h"

#include <QStandardPaths>

namespace bwi::ui {

QString savedRateCardsFolder() {
  return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
         QStringLiteral("/ratecards");
}

std::optional<core::RateCard> newestSavedRateCard(const QString &region) {
  return core::newestSavedCard(savedRateCardsFolder().toStdString(), region.toStdString());
}

std::optional<core::RateCard> rateCardForNewScenarios() {
  return newestSavedRateCard(AppSettings::pricesRegion());
}

} // namespace bwi::ui
