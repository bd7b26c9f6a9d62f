#include "ui/workloads/meterstableview.h"

#include "ui/document/scenariodocument.h"
#include "ui/tables/tablecells.h"
#include "ui/workloads/meterstablemodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace bwi::ui {

MetersTableView::MetersTableView(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_model(new MetersTableModel(document, this)),
      m_title(new QLabel(this)), m_table(new QTableView(this)),
      m_addButton(new QPushButton(tr("Add meter"), this)),
      m_removeButton(new QPushButton(tr("Remove meter"), this)) {
  setObjectName(QStringLiteral("metersPanel"));
  m_addButton->setObjectName(QStringLiteral("addMeterButton"));
  m_removeButton->setObjectName(QStringLiteral("removeMeterButton"));
  m_addButton->setToolTip(tr("Add a meter of the next kind the rate card prices (a custom meter, "
                             "with a typed rate, when the card has no more)."));
  m_removeButton->setToolTip(tr("Remove the selected meter (Undo brings it back)."));
  for (QPushButton *button : {m_addButton, m_removeButton})
    button->setAutoDefault(false);
  m_table->setObjectName(QStringLiteral("metersTable"));
  m_table->setModel(m_model);
  m_table->setItemDelegate(new ChoiceDelegate(m_table));
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  setUpEditableTable(m_table);
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->setAccessibleDescription(tr("Double-click a cell to edit; the rate used, the cost and "
                                       "the source are read-only."));

  auto *buttons = new QHBoxLayout;
  buttons->addWidget(m_title, 1);
  buttons->addWidget(m_addButton);
  buttons->addWidget(m_removeButton);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(buttons);
  layout->addWidget(m_table);

  connect(m_addButton, &QPushButton::clicked, m_model, &MetersTableModel::addMeter);
  connect(m_removeButton, &QPushButton::clicked, this, [this] {
    const QModelIndex current = m_table->currentIndex();
    m_model->removeMeter(current.isValid() ? current.row() : m_model->rowCount() - 1);
  });
  connect(m_model, &MetersTableModel::statusMessage, this, &MetersTableView::statusMessage);
  connect(m_document, &ScenarioDocument::scenarioChanged, this, &MetersTableView::refresh);
  connect(m_document, &ScenarioDocument::selectionChanged, this, &MetersTableView::refresh);
  refresh();
  m_table->resizeColumnsToContents();
}

void MetersTableView::refresh() {
  const auto &workloads = m_document->scenario().workloads;
  const int selected = m_document->selectedWorkload();
  const bool valid = selected >= 0 && selected < static_cast<int>(workloads.size());
  m_title->setText(
      valid ? tr("<b>Meters of %1</b>: the bill beyond tokens (Guardrails, vector "
                 "stores, AgentCore, Flows), gross")
                  .arg(QString::fromStdString(workloads[static_cast<std::size_t>(selected)].id)
                           .toHtmlEscaped())
            : tr("<b>Meters</b>: select a workload"));
  m_addButton->setEnabled(valid);
  m_removeButton->setEnabled(valid && m_model->rowCount() > 0);
}

} // namespace bwi::ui
