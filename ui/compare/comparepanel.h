#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace bwi::ui {

class CompareChartView;
class ComparisonSet;
class ComparisonTableModel;
class ScenarioDocument;
class WaterfallChartView;

// The Compare tab: the workbench's scenario beside files, copies and the
// optimizer's proposal; the key figures with their differences, the
// waterfall from the baseline to one of them, and the side-by-side chart.
// It redraws from the ComparisonSet, only while it is shown.
class ComparePanel : public QWidget {
  Q_OBJECT

public:
  ComparePanel(ScenarioDocument *document, QWidget *parent = nullptr);

  ComparisonSet *comparisonSet() const { return m_set; }
  // Interactive use asks with dialogs; tests call these directly.
  bool addFile(const QString &path, QString *error);
  void optimize();
  // The scenario the waterfall goes to, as a column of the set.
  int waterfallColumn() const;
  void setWaterfallColumn(int column);
  // Puts the waterfall's scenario into the workbench (one undo step), keeping
  // a copy of what was there as the baseline; a file column opens the file.
  void openInWorkbench();

signals:
  void openFileRequested(const QString &path);

protected:
  void showEvent(QShowEvent *event) override;

private:
  void addFileDialog();
  void scheduleRefresh();
  void refresh();
  void refreshChoosers();

  ScenarioDocument *m_document;
  ComparisonSet *m_set;
  ComparisonTableModel *m_model;
  QTableView *m_table;
  WaterfallChartView *m_waterfall;
  CompareChartView *m_compareChart;
  QComboBox *m_baseline;
  QComboBox *m_target;
  QCheckBox *m_sameProvider;
  QPushButton *m_addFile;
  QPushButton *m_addCopy;
  QPushButton *m_optimize;
  QPushButton *m_open;
  QPushButton *m_remove;
  QTextBrowser *m_changes;
  bool m_refreshPending = false;
  int m_targetColumn = -1;
};

} // namespace bwi::ui
