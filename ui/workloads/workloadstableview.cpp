#include "ui/workloads/workloadstableview.h"

#include "core/model/workloadedits.h"
#include "ui/document/scenariodocument.h"
#include "ui/tables/tablecells.h"
#include "ui/workloads/unpricedactions.h"
#include "ui/workloads/workloadstablemodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMenu>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace bwi::ui {
namespace {

// Widest a column grows when fitted to its contents; the user can widen it.
int maxColumnWidth(int column) {
  switch (column) {
  case WorkloadsTableModel::IdColumn:
  case WorkloadsTableModel::TeamColumn:
    return 180;
  case WorkloadsTableModel::NameColumn:
    return 240;
  case WorkloadsTableModel::ModelsColumn:
    return 330;
  default:
    return 140;
  }
}

// Room between a column's widest text and the next column.
constexpr int kColumnPadding = 14;

QString firstIssue(const core::ValidationIssues &issues) {
  if (issues.empty())
    return {};
  const core::ValidationIssue &issue = issues.front();
  return QString::fromStdString(issue.path.empty() ? issue.message
                                                   : issue.path + ": " + issue.message);
}

} // namespace

WorkloadsTableView::WorkloadsTableView(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_model(new WorkloadsTableModel(document, this)),
      m_table(new QTableView(this)), m_addButton(new QPushButton(tr("Add"), this)),
      m_duplicateButton(new QPushButton(tr("Duplicate"), this)),
      m_deleteButton(new QPushButton(tr("Delete"), this)) {
  m_addButton->setObjectName(QStringLiteral("addWorkloadButton"));
  m_duplicateButton->setObjectName(QStringLiteral("duplicateWorkloadButton"));
  m_deleteButton->setObjectName(QStringLiteral("deleteWorkloadButton"));
  m_addButton->setToolTip(tr("Add a workload: 100,000 requests a month, a small token shape, "
                             "routed to a model the scenario already uses."));
  m_duplicateButton->setToolTip(tr("Copy the selected workload (a new id ending in -copy)."));
  m_deleteButton->setToolTip(tr("Remove the selected workload (Undo brings it back)."));
  for (QPushButton *button : {m_addButton, m_duplicateButton, m_deleteButton})
    button->setAutoDefault(false);

  m_table->setObjectName(QStringLiteral("workloadsTable"));
  m_table->setModel(m_model);
  m_table->setItemDelegate(new ChoiceDelegate(m_table));
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  setUpEditableTable(m_table);
  m_table->horizontalHeader()->setHighlightSections(false);
  m_table->setAccessibleDescription(tr("Double-click a cell, or select it and type, to edit; "
                                       "the Id, Models and Cost columns are read-only."));

  auto *buttons = new QHBoxLayout;
  buttons->addWidget(m_addButton);
  buttons->addWidget(m_duplicateButton);
  buttons->addWidget(m_deleteButton);
  buttons->addStretch();
  // Models without a price (docs/cost-model.md §21): their fixes, shown only
  // while there is one.
  auto *unpriced = new QPushButton(this);
  unpriced->setObjectName(QStringLiteral("unpricedModelsButton"));
  unpriced->setAutoDefault(false);
  unpriced->setStyleSheet(QStringLiteral("color: #B23A00; font-weight: bold;"));
  unpriced->setToolTip(tr("Models the rate card lacks: their traffic costs nothing in every "
                          "total. Map each to a card model or type its price."));
  auto *unpricedMenu = new QMenu(unpriced);
  unpriced->setMenu(unpricedMenu);
  const auto refreshUnpriced = [this, unpriced, unpricedMenu] {
    unpricedMenu->clear();
    const int models = addUnpricedActions(unpricedMenu, this, m_document);
    unpriced->setVisible(models > 0);
    unpriced->setText(tr("No price: %n model(s) ▾", "", models));
  };
  buttons->addWidget(unpriced);
  connect(m_document, &ScenarioDocument::scenarioChanged, unpriced, refreshUnpriced);
  refreshUnpriced();
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(buttons);
  layout->addWidget(m_table);
  setFocusProxy(m_table);

  connect(m_addButton, &QPushButton::clicked, this, &WorkloadsTableView::addWorkload);
  connect(m_duplicateButton, &QPushButton::clicked, this, &WorkloadsTableView::duplicateWorkload);
  connect(m_deleteButton, &QPushButton::clicked, this, &WorkloadsTableView::deleteWorkload);
  connect(m_model, &WorkloadsTableModel::statusMessage, this, &WorkloadsTableView::statusMessage);
  connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          &WorkloadsTableView::onCurrentRowChanged);
  // The model refreshes first (it connected first), then the selection follows.
  connect(m_document, &ScenarioDocument::scenarioChanged, this,
          &WorkloadsTableView::followDocumentSelection);
  connect(m_document, &ScenarioDocument::selectionChanged, this,
          &WorkloadsTableView::followDocumentSelection);

  fitColumns();
  followDocumentSelection();
}

void WorkloadsTableView::fitColumns() {
  m_table->resizeColumnsToContents();
  QHeaderView *header = m_table->horizontalHeader();
  for (int column = 0; column < WorkloadsTableModel::ColumnCount; ++column)
    header->resizeSection(
        column, std::min(header->sectionSize(column) + kColumnPadding, maxColumnWidth(column)));
  // Room for a longer id than the first ones ("support-rag-copy-2").
  header->resizeSection(WorkloadsTableModel::IdColumn,
                        std::max(header->sectionSize(WorkloadsTableModel::IdColumn), 140));
  // Wide enough for the tier combo box, whose labels are wider than its header.
  QComboBox probe;
  for (const QVariant &choice : WorkloadsTableModel::serviceTierChoices())
    probe.addItem(choice.toMap().value(QStringLiteral("text")).toString());
  header->resizeSection(WorkloadsTableModel::ServiceTierColumn,
                        std::max(header->sectionSize(WorkloadsTableModel::ServiceTierColumn),
                                 probe.sizeHint().width()));
}

void WorkloadsTableView::onCurrentRowChanged(const QModelIndex &current) {
  if (!m_followingDocument && current.isValid())
    m_document->setSelectedWorkload(current.row());
  updateButtons();
}

// Guarded by a flag rather than a QSignalBlocker: blocking the selection
// model would also stop the table repainting the new selection.
void WorkloadsTableView::followDocumentSelection() {
  const QScopedValueRollback<bool> guard(m_followingDocument, true);
  const int row = m_document->selectedWorkload();
  QItemSelectionModel *selection = m_table->selectionModel();
  if (row < 0 || row >= m_model->rowCount()) {
    selection->clear();
  } else if (selection->currentIndex().row() != row || !selection->isRowSelected(row)) {
    const int column = std::max(selection->currentIndex().column(), 0);
    selection->setCurrentIndex(m_model->index(row, column),
                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(m_model->index(row, column));
  }
  updateButtons();
}

void WorkloadsTableView::updateButtons() {
  const int row = m_document->selectedWorkload();
  const bool selected = row >= 0 && row < m_model->rowCount();
  m_duplicateButton->setEnabled(selected);
  m_deleteButton->setEnabled(selected);
}

QString WorkloadsTableView::refusal(const QString &action, const QString &reason) const {
  return reason.isEmpty() ? tr("%1: refused, the scenario would not be valid.").arg(action)
                          : tr("%1: refused (%2).").arg(action, reason);
}

void WorkloadsTableView::addWorkload() {
  int index = -1;
  const core::Scenario next = core::withNewWorkload(m_document->scenario(), m_document->rateCard(),
                                                    tr("New workload").toStdString(), &index);
  if (!m_document->replaceScenario(next, tr("Add workload"))) {
    emit statusMessage(refusal(tr("Add workload"), firstIssue(m_document->check(next))));
    return;
  }
  m_document->setSelectedWorkload(index);
  m_table->setFocus();
  m_table->edit(m_model->index(index, WorkloadsTableModel::NameColumn));
}

void WorkloadsTableView::duplicateWorkload() {
  const int source = m_document->selectedWorkload();
  const auto &workloads = m_document->scenario().workloads;
  if (source < 0 || source >= static_cast<int>(workloads.size()))
    return;
  const QString name =
      tr("%1 (copy)").arg(QString::fromStdString(workloads[static_cast<std::size_t>(source)].name));
  int index = -1;
  const core::Scenario next =
      core::withDuplicatedWorkload(m_document->scenario(), source, name.toStdString(), &index);
  if (!m_document->replaceScenario(next, tr("Duplicate workload"))) {
    emit statusMessage(refusal(tr("Duplicate workload"), firstIssue(m_document->check(next))));
    return;
  }
  m_document->setSelectedWorkload(index);
}

void WorkloadsTableView::deleteWorkload() {
  const int index = m_document->selectedWorkload();
  const auto &workloads = m_document->scenario().workloads;
  if (index < 0 || index >= static_cast<int>(workloads.size()))
    return;
  const QString name = QString::fromStdString(workloads[static_cast<std::size_t>(index)].name);
  const core::Scenario next = core::withoutWorkload(m_document->scenario(), index);
  if (!m_document->replaceScenario(next, tr("Delete workload"))) {
    emit statusMessage(refusal(tr("Delete workload"), firstIssue(m_document->check(next))));
    return;
  }
  emit statusMessage(tr("Deleted \"%1\"; Undo brings it back.").arg(name));
}

} // namespace bwi::ui
