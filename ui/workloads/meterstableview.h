#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace bwi::ui {

class MetersTableModel;
class ScenarioDocument;

// The selected workload's meters under the workloads table: Add, Remove and
// the editable table (docs/cost-model.md §18).
class MetersTableView : public QWidget {
  Q_OBJECT

public:
  explicit MetersTableView(ScenarioDocument *document, QWidget *parent = nullptr);

  QTableView *tableView() const { return m_table; }
  MetersTableModel *model() const { return m_model; }

signals:
  void statusMessage(const QString &message);

private:
  void refresh();

  ScenarioDocument *m_document;
  MetersTableModel *m_model;
  QLabel *m_title;
  QTableView *m_table;
  QPushButton *m_addButton;
  QPushButton *m_removeButton;
};

} // namespace bwi::ui
