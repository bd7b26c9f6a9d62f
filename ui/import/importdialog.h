#pragma once

#include "core/import/importrequest.h"
#include "core/model/modelmapping.h"

#include <QDialog>

#include <map>
#include <memory>
#include <string>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QThread;
class QTimer;

namespace bwi::ui {

class ScenarioDocument;

// File → Import Measured Data: reads CloudWatch metrics, invocation logs,
// bills or the price list on a worker thread, with a progress bar and
// Cancel, then shows what was read. Nothing changes until the user accepts:
// traffic becomes the scenario's workloads, a price list its rate card
// (after its diff is shown), a bill's month its workloads (first set beside
// the scenario), each as one undo step. A cancelled import leaves the
// scenario untouched. Traffic on a model the card lacks is listed with the
// offer to map it to a card model before it is used; unmapped, it is kept
// without a price and flagged.
class ImportDialog : public QDialog {
  Q_OBJECT

public:
  explicit ImportDialog(ScenarioDocument *document, QWidget *parent = nullptr);
  ~ImportDialog() override;

  // For tests and scripted use: fill the form and start.
  void setRequest(core::ImportKind kind, const QStringList &paths, const QString &groupBy = {});
  void start();
  bool isRunning() const;

signals:
  void importFinished(); // after success, failure or cancel

private:
  void browse();
  void cancelOrClose();
  void finish();
  void updateProgress();
  void accept() override;
  void updateForm();
  void showKeyTotals();
  // Traffic on models the card lacks: kept without a price unless mapped
  // here first (docs/cost-model.md §21).
  void mapUnpriced();
  void showUnpriced();

  ScenarioDocument *m_document;
  QComboBox *m_kind;
  QLineEdit *m_files;
  QLineEdit *m_groupBy;
  QComboBox *m_groupByChoice; // common groupings; the line takes any path or tag:KEY
  QProgressBar *m_progress;
  QLabel *m_status;
  QPlainTextEdit *m_report;
  QTableWidget *m_keyTable; // a bill's show-back: spend per month and key
  QPushButton *m_startButton;
  QPushButton *m_cancelButton;
  QPushButton *m_acceptButton;
  QPushButton *m_mapButton; // "Map models without a price…"
  QLabel *m_unpriced;
  std::map<std::string, std::uint64_t> m_unpricedRequests; // by model id the card lacks
  std::map<std::string, std::string> m_mappings;           // model id -> card model id
  QTimer *m_progressTimer;
  QThread *m_worker = nullptr;
  std::shared_ptr<core::ImportControl> m_control;
  std::shared_ptr<core::ImportOutcome> m_outcome;
};

} // namespace bwi::ui
