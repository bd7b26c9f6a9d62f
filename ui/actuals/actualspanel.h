#pragma once

#include "core/analysis/planvsactual.h"
#include "core/import/billactuals.h"

#include <QStringList>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QThread;

namespace bwi::core {
struct ImportControl;
}

namespace bwi::ui {

class ActualsWaterfallView;
class ScenarioDocument;

// The "Plan vs actual" tab (docs/cost-model.md §17): a CUR or FOCUS bill
// beside the open scenario. The waterfall from plan to actual (volume,
// price, mix, commitment/other), the table by model or team, the bill's top
// movers on the month before and the budget's run-out. The bill is read off
// the GUI thread; everything shown is core::planVsActual's, recomputed from
// the scenario on every edit.
class ActualsPanel : public QWidget {
  Q_OBJECT

public:
  explicit ActualsPanel(ScenarioDocument *document, QWidget *parent = nullptr);
  ~ActualsPanel() override;

  // Reads the bill on a worker thread; billLoaded follows.
  void loadBill(const QStringList &paths);
  // Asks for the files, then loads them.
  void chooseBill();
  // The figures shown now; nullopt without a bill or when they cannot be compared.
  const std::optional<core::PlanVsActual> &figures() const { return m_figures; }

signals:
  void billLoaded(bool ok);

protected:
  void showEvent(QShowEvent *event) override;

private:
  void finishLoad();
  void fillMonthChoices();
  void refresh();
  void showFigures(const core::PlanVsActual &figures);
  void showEmpty(const QString &title, const QString &message);
  void exportChart();

  ScenarioDocument *m_document;
  QPushButton *m_loadButton;
  QLabel *m_billLabel;
  QComboBox *m_planStart;
  QComboBox *m_month;
  QComboBox *m_by;
  QPushButton *m_exportButton;
  ActualsWaterfallView *m_waterfall;
  QTableWidget *m_table;
  QLabel *m_movers;
  QLabel *m_budget;

  QStringList m_paths;
  std::optional<core::ActualSpend> m_spend;
  std::optional<core::PlanVsActual> m_figures;
  bool m_stale = false; // the scenario changed while the tab was hidden
  QThread *m_worker = nullptr;
  std::shared_ptr<core::ImportControl> m_control;
  std::shared_ptr<core::BillActuals> m_result;
};

} // namespace bwi::ui
