#include "ui/ratecard/regionbar.h"

#include "core/files/savedcards.h"
#include "core/files/scenariofile.h"
#include "ui/document/savedratecards.h"
#include "ui/document/scenariodocument.h"
#include "ui/ratecard/updatepricesdialog.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include <set>

namespace bwi::ui {
namespace {

enum Role { KindRole = Qt::UserRole, RegionRole };
const QString kBuiltin = QStringLiteral("builtin");
const QString kSaved = QStringLiteral("saved");
const QString kScenario = QStringLiteral("scenario");
const QString kOther = QStringLiteral("other");

QString fromStd(const std::string &text) { return QString::fromStdString(text); }

} // namespace

RegionBar::RegionBar(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_combo(new QComboBox(this)),
      m_update(new QPushButton(tr("&Update Prices\u2026"), this)) {
  m_combo->setObjectName(QStringLiteral("regionCombo"));
  m_combo->setToolTip(tr("The rate card that prices this scenario: the built-in us-east-1 card, "
                         "or a card saved by Update Prices for a region. Switching re-prices the "
                         "scenario as one undo step."));
  m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  m_update->setObjectName(QStringLiteral("updatePrices"));
  m_update->setToolTip(tr("Download this region's prices from the AWS Price List and see what "
                          "changes before using them."));
  auto *label = new QLabel(tr("Re&gion:"), this);
  label->setBuddy(m_combo);
  auto *layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(label);
  layout->addWidget(m_combo);
  layout->addWidget(m_update);
  layout->addStretch(1);
  connect(m_update, &QPushButton::clicked, this, [this] { updatePrices(); });
  connect(m_combo, &QComboBox::activated, this, &RegionBar::choose);
  connect(m_document, &ScenarioDocument::scenarioChanged, this, &RegionBar::refresh);
  refresh();
}

void RegionBar::refresh() {
  m_refreshing = true;
  m_combo->clear();
  const core::RateCard builtin = core::builtinRateCard();
  m_combo->addItem(
      tr("%1 \u00b7 built-in, as of %2").arg(fromStd(builtin.region), fromStd(builtin.asOf)));
  m_combo->setItemData(0, kBuiltin, KindRole);
  m_combo->setItemData(0, fromStd(builtin.region), RegionRole);
  std::set<std::string> listed;
  for (const core::SavedCard &saved : core::listSavedCards(savedRateCardsFolder().toStdString())) {
    if (!listed.insert(saved.region).second)
      continue; // the newest of a region only
    m_combo->addItem(
        tr("%1 \u00b7 saved, as of %2").arg(fromStd(saved.region), fromStd(saved.asOf)));
    m_combo->setItemData(m_combo->count() - 1, kSaved, KindRole);
    m_combo->setItemData(m_combo->count() - 1, fromStd(saved.region), RegionRole);
  }
  const core::RateCardSource &source = m_document->scenario().ratecard;
  const core::RateCard &card = m_document->baseRateCard();
  int current = 0;
  if (source.kind != core::RateCardSource::Kind::Builtin) {
    // The scenario's own card (inline or a file): shown as it is.
    m_combo->addItem(tr("%1 \u00b7 this scenario's card, as of %2")
                         .arg(fromStd(card.region), fromStd(card.asOf)));
    current = m_combo->count() - 1;
    m_combo->setItemData(current, kScenario, KindRole);
    m_combo->setItemData(current, fromStd(card.region), RegionRole);
  }
  m_combo->insertSeparator(m_combo->count());
  m_combo->addItem(tr("Update prices for another region\u2026"));
  m_combo->setItemData(m_combo->count() - 1, kOther, KindRole);
  m_combo->setCurrentIndex(current);
  m_refreshing = false;
}

void RegionBar::updatePrices(const QString &region) {
  UpdatePricesDialog dialog(m_document, window());
  dialog.setRegion(region.isEmpty() ? fromStd(m_document->baseRateCard().region) : region);
  dialog.exec();
  refresh();
}

void RegionBar::choose(int index) {
  if (m_refreshing)
    return;
  const QString kind = m_combo->itemData(index, KindRole).toString();
  const QString region = m_combo->itemData(index, RegionRole).toString();
  if (kind == kOther) {
    UpdatePricesDialog dialog(m_document, window());
    dialog.setRegion(QString());
    dialog.exec();
  } else if (kind == kBuiltin || kind == kSaved) {
    const std::optional<core::RateCard> card =
        kind == kBuiltin ? std::optional(core::builtinRateCard()) : newestSavedRateCard(region);
    if (card) {
      UpdatePricesDialog dialog(m_document, window());
      dialog.showCard(*card, kind == kBuiltin);
      dialog.exec();
    }
  }
  refresh();
}

} // namespace bwi::ui
