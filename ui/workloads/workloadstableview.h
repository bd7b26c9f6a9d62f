#pragma once

#include <QWidget>

class QModelIndex;
class QPushButton;
class QTableView;

namespace bwi::ui {

class ScenarioDocument;
class WorkloadsTableModel;

// The workloads panel: the editable workloads table and the Add, Duplicate
// and Delete buttons. The selected row is the document's selected workload,
// both ways; structural edits go through ScenarioDocument::replaceScenario.
class WorkloadsTableView : public QWidget {
  Q_OBJECT

public:
  explicit WorkloadsTableView(ScenarioDocument *document, QWidget *parent = nullptr);

  QTableView *tableView() const { return m_table; }
  WorkloadsTableModel *model() const { return m_model; }

  void addWorkload();
  void duplicateWorkload();
  void deleteWorkload();

signals:
  void statusMessage(const QString &message);

private:
  void onCurrentRowChanged(const QModelIndex &current);
  void followDocumentSelection();
  void updateButtons();
  void fitColumns();
  QString refusal(const QString &action, const QString &reason) const;

  ScenarioDocument *m_document;
  WorkloadsTableModel *m_model;
  QTableView *m_table;
  QPushButton *m_addButton;
  QPushButton *m_duplicateButton;
  QPushButton *m_deleteButton;
  bool m_followingDocument = false;
};

} // namespace bwi::ui
