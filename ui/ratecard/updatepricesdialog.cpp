#include "ui/ratecard/updatepricesdialog.h"

#include "core/common/jsonwriter.h"
#include "core/common/moneyformat.h"
#include "core/cost/evaluation.h"
#include "core/cost/preparedscenario.h"
#include "core/files/ratecardjson.h"
#include "core/files/ratecardoverrides.h"
#include "core/files/savedcards.h"
#include "core/files/scenariofile.h"
#include "core/import/importtext.h"
#include "core/import/offerindex.h"
#include "core/import/usagetype.h"
#include "core/model/meterkinds.h"
#include "core/model/ratecarddiff.h"
#include "ui/document/appsettings.h"
#include "ui/document/savedratecards.h"
#include "ui/document/scenariodocument.h"
#include "ui/network/pricelistdownload.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace bwi::ui {
namespace {

QString fromStd(const std::string &text) { return QString::fromStdString(text); }

QString price(const std::optional<double> &value) {
  if (!value)
    return UpdatePricesDialog::tr("none");
  return QStringLiteral("$") + QString::number(*value, 'g', 6);
}

// The regions AWS sells Bedrock in most, for the combo; any code can be typed.
QStringList knownRegions() {
  QStringList regions;
  for (const char *region :
       {"us-east-1",      "us-east-2",    "us-west-2",  "ca-central-1",   "sa-east-1",
        "eu-central-1",   "eu-central-2", "eu-west-1",  "eu-west-2",      "eu-west-3",
        "eu-north-1",     "eu-south-1",   "eu-south-2", "ap-northeast-1", "ap-northeast-2",
        "ap-northeast-3", "ap-south-1",   "ap-south-2", "ap-southeast-1", "ap-southeast-2",
        "us-gov-west-1"})
    regions << QString::fromLatin1(region);
  return regions;
}

} // namespace

UpdatePricesDialog::UpdatePricesDialog(ScenarioDocument *document, QWidget *parent)
    : QDialog(parent), m_document(document), m_download(new PriceListDownload(this)),
      m_region(new QComboBox(this)), m_source(new QLineEdit(this)),
      m_start(new QPushButton(tr("&Download"), this)), m_progress(new QProgressBar(this)),
      m_status(new QLabel(this)), m_summary(new QLabel(this)), m_diff(new QTreeWidget(this)),
      m_accept(new QPushButton(tr("&Save and Use These Prices"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)) {
  setWindowTitle(tr("Update Prices from the AWS Price List"));
  m_region->setObjectName(QStringLiteral("updateRegion"));
  m_region->setEditable(true);
  m_region->addItems(knownRegions());
  m_region->setCurrentText(fromStd(document->rateCard().region.empty()
                                       ? std::string("us-east-1")
                                       : document->rateCard().region));
  m_region->setToolTip(tr("The AWS Region whose prices to download, e.g. eu-central-1."));
  m_source->setObjectName(QStringLiteral("updateSource"));
  m_source->setPlaceholderText(fromStd(std::string(core::kOfferIndexUrl)));
  m_source->setToolTip(tr("AWS's public Price List (no credentials), or a mirror's URL or a "
                          "folder laid out like it. Empty: AWS."));
  m_start->setObjectName(QStringLiteral("updateStart"));
  m_progress->setObjectName(QStringLiteral("updateProgress"));
  m_progress->setRange(0, 1000);
  m_progress->setValue(0);
  m_status->setObjectName(QStringLiteral("updateStatus"));
  m_status->setWordWrap(true);
  m_status->setText(tr("Downloads the three Bedrock offers of the region (AmazonBedrock, "
                       "AmazonBedrockFoundationModels, AmazonBedrockService). Nothing changes "
                       "until you accept."));
  m_summary->setObjectName(QStringLiteral("updateSummary"));
  m_summary->setWordWrap(true);
  m_summary->setTextFormat(Qt::RichText);
  m_diff->setObjectName(QStringLiteral("updateDiff"));
  m_diff->setColumnCount(5);
  m_diff->setHeaderLabels({tr("Model"), tr("Price"), tr("Old"), tr("New"), tr("Note")});
  m_diff->setRootIsDecorated(true);
  m_diff->setAlternatingRowColors(true);
  m_diff->setUniformRowHeights(true);
  m_accept->setObjectName(QStringLiteral("updateAccept"));
  m_accept->setEnabled(false);
  m_accept->setDefault(true);
  m_cancel->setObjectName(QStringLiteral("updateCancel"));

  auto *form = new QFormLayout;
  auto *regionRow = new QHBoxLayout;
  regionRow->addWidget(m_region, 1);
  regionRow->addWidget(m_start);
  // A label of a row that is a layout has no buddy of its own: set it, so
  // that Alt+R reaches the region.
  auto *regionLabel = new QLabel(tr("&Region:"));
  regionLabel->setBuddy(m_region);
  form->addRow(regionLabel, regionRow);
  form->addRow(tr("&Price list:"), m_source);
  auto *buttons = new QHBoxLayout;
  buttons->addStretch(1);
  buttons->addWidget(m_accept);
  buttons->addWidget(m_cancel);
  auto *layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(m_progress);
  layout->addWidget(m_status);
  layout->addWidget(m_summary);
  layout->addWidget(m_diff, 1);
  layout->addLayout(buttons);
  resize(900, 620);

  connect(m_start, &QPushButton::clicked, this, &UpdatePricesDialog::start);
  connect(m_accept, &QPushButton::clicked, this, &UpdatePricesDialog::accept);
  connect(m_cancel, &QPushButton::clicked, this, &UpdatePricesDialog::reject);
  connect(m_download, &PriceListDownload::finished, this, &UpdatePricesDialog::onDownloaded);
  connect(m_download, &PriceListDownload::progress, this,
          [this](const QString &what, qint64 received, qint64 total, int step, int steps) {
            const double within = total > 0 ? static_cast<double>(received) / total : 0.0;
            m_progress->setValue(
                static_cast<int>(1000.0 * (step - 1 + within) / std::max(1, steps)));
            m_status->setText(tr("Downloading %1 (%2 of %3)… %4 KB")
                                  .arg(what)
                                  .arg(step)
                                  .arg(steps)
                                  .arg(received / 1024));
          });
}

void UpdatePricesDialog::setRegion(const QString &region) { m_region->setCurrentText(region); }

void UpdatePricesDialog::setSource(const QString &source) { m_source->setText(source); }

void UpdatePricesDialog::setBusy(bool busy) {
  m_start->setEnabled(!busy);
  m_region->setEnabled(!busy);
  m_source->setEnabled(!busy);
  m_cancel->setText(busy ? tr("Cancel") : tr("Close"));
}

void UpdatePricesDialog::start() {
  const QString region = m_region->currentText().trimmed();
  if (!core::looksLikeRegionCode(region.toStdString())) {
    m_status->setText(tr("\"%1\" is not a region code such as eu-central-1.").arg(region));
    return;
  }
  m_card.reset();
  m_next.reset();
  m_diff->clear();
  m_summary->clear();
  m_accept->setEnabled(false);
  m_progress->setValue(0);
  setBusy(true);
  PriceListDownload::Options options;
  options.source = m_source->text().trimmed();
  options.region = region;
  m_download->start(options);
}

void UpdatePricesDialog::onDownloaded(bool ok) {
  setBusy(false);
  if (!ok) {
    m_progress->setValue(0);
    m_status->setText(m_download->cancelled()
                          ? tr("Cancelled; nothing was saved and the rate card is unchanged.")
                          : tr("Not updated: %1\nThe current rate card is unchanged.")
                                .arg(m_download->errorMessage()));
    emit finishedReading();
    return;
  }
  m_progress->setValue(1000);
  const QString region = m_region->currentText().trimmed();
  // Built on, and kept beside, the newest card saved for the region.
  const std::optional<core::RateCard> saved = newestSavedRateCard(region);
  const core::RateCard reference = saved ? *saved : core::builtinRateCard();
  const core::PriceListImport imported =
      core::readPriceList(m_download->documents(), reference, {region.toStdString()});
  if (imported.failure) {
    m_status->setText(tr("Not updated: %1\nThe current rate card is unchanged.")
                          .arg(fromStd(imported.failure->message)));
    emit finishedReading();
    return;
  }
  m_downloaded = true;
  m_builtin = false;
  m_card = imported.card;
  std::vector<std::string> warnings = imported.tally.warnings;
  for (const QString &note : m_download->notes())
    warnings.push_back(note.toStdString());
  showDiff(imported.card, warnings);
  emit finishedReading();
}

void UpdatePricesDialog::showCard(const core::RateCard &card, bool builtin) {
  setWindowTitle(tr("Switch the Rate Card to %1").arg(fromStd(card.region)));
  m_region->setCurrentText(fromStd(card.region));
  m_region->setEnabled(false);
  m_source->setEnabled(false);
  m_start->setEnabled(false);
  m_progress->hide();
  m_downloaded = false;
  m_builtin = builtin;
  m_card = card;
  m_accept->setText(tr("&Use These Prices"));
  showDiff(card, {});
  emit finishedReading();
}

void UpdatePricesDialog::showDiff(const core::RateCard &card,
                                  const std::vector<std::string> &warnings) {
  const core::Scenario &scenario = m_document->scenario();
  const core::RateCard &current = m_document->baseRateCard();
  std::vector<std::string> carried;
  const core::RateCard priced = core::carryMissingModels(card, current, scenario, carried);
  core::Scenario next = scenario;
  if (m_builtin) {
    next.ratecard = core::RateCardSource{};
  } else {
    next.ratecard.kind = core::RateCardSource::Kind::Inline;
    next.ratecard.path.clear();
    next.ratecard.inlineCard = priced;
  }
  const std::vector<core::PriceChange> changes = core::diffRateCards(current, priced);

  m_diff->clear();
  const auto section = [this](const QString &title) {
    auto *item = new QTreeWidgetItem(m_diff, {title});
    QFont font = item->font(0);
    font.setBold(true);
    item->setFont(0, font);
    item->setFirstColumnSpanned(true);
    return item;
  };
  int added = 0, changed = 0, gone = 0;
  QTreeWidgetItem *addedItem = section(QString());
  QTreeWidgetItem *changedItem = section(QString());
  QTreeWidgetItem *goneItem = section(QString());
  for (const core::PriceChange &change : changes) {
    if (change.change == "added") {
      const core::ModelRates *model = priced.find(change.model);
      new QTreeWidgetItem(addedItem, {fromStd(change.model), tr("on demand in / out"), QString(),
                                      price(model->onDemand.inputPer1m) + QStringLiteral(" / ") +
                                          price(model->onDemand.outputPer1m),
                                      fromStd(change.note)});
      ++added;
    } else if (change.change == "changed") {
      QString note;
      if (change.oldValue && change.newValue && *change.oldValue > 0)
        note =
            QString::fromStdString(core::formatPercent(*change.newValue / *change.oldValue - 1.0));
      new QTreeWidgetItem(changedItem,
                          {fromStd(change.model), fromStd(change.field),
                           fromStd(core::formatFieldValue(change.field, change.oldValue)),
                           fromStd(core::formatFieldValue(change.field, change.newValue)), note});
      ++changed;
    } else {
      new QTreeWidgetItem(
          goneItem, {fromStd(change.model), QString(), QString(), QString(), fromStd(change.note)});
      ++gone;
    }
  }
  addedItem->setText(0, tr("New models (%1)").arg(added));
  changedItem->setText(0, tr("Changed prices (%1)").arg(changed));
  goneItem->setText(0, tr("Models gone (%1)").arg(gone));
  if (!carried.empty()) {
    QTreeWidgetItem *lacking = section(
        tr("Used by this scenario, not offered in %1 (%2): kept at the old price, marked \u2248")
            .arg(fromStd(card.region))
            .arg(static_cast<int>(carried.size())));
    lacking->setForeground(0, QColor(0xb0, 0x30, 0x00));
    for (const std::string &id : carried) {
      if (const core::ModelRates *model = current.find(id))
        new QTreeWidgetItem(lacking, {fromStd(id), tr("on demand in / out"),
                                      price(model->onDemand.inputPer1m) + QStringLiteral(" / ") +
                                          price(model->onDemand.outputPer1m),
                                      QString(), tr("not in this region's price list")});
      else if (const core::MeterRate *meter = core::findMeterRate(current, id))
        new QTreeWidgetItem(lacking, {fromStd(id), tr("meter, per %1").arg(fromStd(meter->unit)),
                                      fromStd(core::formatUsdPerUnit(meter->usdPerUnit)), QString(),
                                      tr("no meters in a price-list card")});
    }
  }
  if (!warnings.empty()) {
    QTreeWidgetItem *notes = section(tr("Notes (%1)").arg(static_cast<int>(warnings.size())));
    for (const std::string &warning : warnings) {
      auto *item = new QTreeWidgetItem(notes, {fromStd(warning)});
      item->setFirstColumnSpanned(true);
    }
    notes->setExpanded(false);
  }
  for (QTreeWidgetItem *item : {addedItem, changedItem, goneItem})
    item->setExpanded(item->childCount() > 0 && item->childCount() <= 200);
  m_diff->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

  // What it does to the open scenario's month.
  const int month = m_document->month();
  core::ValidationIssues issues;
  const core::RateCard withOverrides = core::applyOverrides(
      next.ratecard.kind == core::RateCardSource::Kind::Builtin ? core::builtinRateCard() : priced,
      next.ratecardOverrides, issues);
  const QString header = tr("<b>%1</b> card for <b>%2</b>, as of <b>%3</b>, %4 models.")
                             .arg(m_builtin ? tr("The built-in") : tr("A"))
                             .arg(fromStd(card.region), fromStd(card.asOf))
                             .arg(static_cast<int>(card.models.size()));
  const core::ValidationIssues problems = m_document->check(next);
  if (!problems.empty()) {
    m_summary->setText(
        header + QStringLiteral("<br>") +
        tr("This scenario cannot use it: %1")
            .arg(fromStd(core::formatIssues("the scenario", problems)).toHtmlEscaped()));
    m_accept->setEnabled(false);
    m_next.reset();
    return;
  }
  const double before = m_document->workbench().evaluation.netUsd;
  const double after = core::evaluate(core::prepareScenario(next, withOverrides), month).netUsd;
  const double delta = after - before;
  m_summary->setText(
      header + QStringLiteral("<br>") +
      tr("This scenario, month %1: net <b>%2 \u2192 %3</b> (%4%5).")
          .arg(month + 1)
          .arg(fromStd(core::formatUsdExact(before)), fromStd(core::formatUsdExact(after)))
          .arg(delta >= 0 ? QStringLiteral("+") : QString())
          .arg(fromStd(core::formatUsdExact(delta))));
  m_status->setText(
      m_downloaded ? tr("Read. Accept saves the card in the data folder (new scenarios use it) "
                        "and re-prices this scenario as one undo step.")
                   : tr("Accept re-prices this scenario as one undo step."));
  m_next = next;
  m_accept->setEnabled(true);
}

void UpdatePricesDialog::accept() {
  if (!m_next || !m_card || m_download->isRunning())
    return;
  if (m_downloaded) {
    const QString folder = savedRateCardsFolder();
    const QString path =
        QDir(folder).filePath(QString::fromStdString(core::savedCardFileName(*m_card)));
    const core::WriteResult written =
        QDir().mkpath(folder)
            ? core::writeFileAtomically(path.toStdString(),
                                        core::prettyJson(core::rateCardToJson(*m_card)) + "\n")
            : core::WriteResult{false, "cannot create the folder"};
    if (!written.ok) {
      m_status->setText(tr("Not saved: %1: %2").arg(path, fromStd(written.message)));
      return;
    }
    m_savedPath = path;
  }
  AppSettings::setPricesRegion(fromStd(m_card->region));
  const QString text = m_downloaded ? tr("Prices for %1 from the AWS Price List (%2)")
                                          .arg(fromStd(m_card->region), fromStd(m_card->asOf))
                                    : tr("Rate card of %1").arg(fromStd(m_card->region));
  if (!m_document->replaceScenario(*m_next, text)) {
    m_status->setText(tr("This scenario cannot use the card."));
    return;
  }
  QDialog::accept();
}

void UpdatePricesDialog::reject() {
  if (m_download->isRunning()) {
    m_download->cancel(); // onDownloaded says so; the dialog stays open
    return;
  }
  QDialog::reject();
}

} // namespace bwi::ui
