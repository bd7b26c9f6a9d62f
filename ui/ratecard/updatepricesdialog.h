#pragma once

#include "core/import/pricelist.h"
#include "core/model/ratecard.h"
#include "core/model/scenario.h"

#include <QDialog>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace bwi::ui {

class PriceListDownload;
class ScenarioDocument;

// "Update prices…": downloads a region's Bedrock prices from the AWS Price
// List with progress and Cancel, shows how the card they make differs from
// the scenario's (new models, prices old → new, models gone, models the
// scenario uses that the region lacks) and what that does to the month's net
// cost; Accept saves the dated card in the data folder and re-prices the
// scenario as one undo step. Also the region switch: the same diff for a
// card already saved (or the built-in one), without a download.
class UpdatePricesDialog : public QDialog {
  Q_OBJECT

public:
  explicit UpdatePricesDialog(ScenarioDocument *document, QWidget *parent = nullptr);

  void setRegion(const QString &region);
  void setSource(const QString &source); // empty: AWS (docs/price-list.md)
  // Downloads and shows the diff; finishedReading() when done either way.
  void start();
  // The region switch: shows the diff to `card` (saved, or built-in when
  // `builtin`) and Accept re-prices without saving anything.
  void showCard(const core::RateCard &card, bool builtin);
  // Where Accept saved the card (download mode), else empty.
  QString savedPath() const { return m_savedPath; }

  void accept() override;
  void reject() override;

signals:
  void finishedReading();

private:
  void onDownloaded(bool ok);
  void showDiff(const core::RateCard &card, const std::vector<std::string> &warnings);
  void setBusy(bool busy);

  ScenarioDocument *m_document;
  PriceListDownload *m_download;
  QComboBox *m_region;
  QLineEdit *m_source;
  QPushButton *m_start;
  QProgressBar *m_progress;
  QLabel *m_status;
  QLabel *m_summary;
  QTreeWidget *m_diff;
  QPushButton *m_accept;
  QPushButton *m_cancel;
  std::optional<core::RateCard> m_card; // as saved (download) or chosen (switch)
  bool m_builtin = false;
  bool m_downloaded = false;
  std::optional<core::Scenario> m_next; // the re-priced scenario Accept pushes
  QString m_savedPath;
};

} // namespace bwi::ui
