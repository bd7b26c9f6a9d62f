#include "ui/compare/comparepanel.h"

#include "ui/charts/comparechartview.h"
#include "ui/charts/waterfallchartview.h"
#include "ui/compare/comparisonset.h"
#include "ui/compare/comparisontablemodel.h"
#include "ui/document/appsettings.h"
#include "ui/document/scenariodocument.h"
#include "ui/export/chartexportactions.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

namespace bwi::ui {
namespace {

// Each change on its line; below it what it saves, the quality rule its move
// obeyed and any caveat (a data-residency check, a move that pays only with
// a commitment change).
QString changeList(const std::vector<core::ProposedChange> &changes) {
  QString html = QStringLiteral("<ul style=\"margin-left: 0px; -qt-list-indent: 1;\">");
  for (const core::ProposedChange &change : changes) {
    html += QObject::tr("<li>%1<br><span style=\"color: #555555;\">%2 · rule: %3</span>")
                .arg(toQString(change.text).toHtmlEscaped(),
                     toQString(core::savingText(change)).toHtmlEscaped(),
                     toQString(change.ruleText).toHtmlEscaped());
    if (!change.caveat.empty())
      html += QObject::tr("<br><span style=\"color: #9a3a00;\">caveat: %1</span>")
                  .arg(toQString(change.caveat).toHtmlEscaped());
    html += QStringLiteral("</li>");
  }
  return html + QStringLiteral("</ul>");
}

} // namespace

ComparePanel::ComparePanel(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_set(new ComparisonSet(document, this)),
      m_model(new ComparisonTableModel(this)), m_table(new QTableView(this)),
      m_waterfall(new WaterfallChartView(this)), m_compareChart(new CompareChartView(this)),
      m_baseline(new QComboBox(this)), m_target(new QComboBox(this)),
      m_sameProvider(new QCheckBox(tr("Same provider only"), this)),
      m_addFile(new QPushButton(tr("Add scenario file…"), this)),
      m_addCopy(new QPushButton(tr("Add copy of workbench"), this)),
      m_optimize(new QPushButton(tr("Optimize"), this)),
      m_open(new QPushButton(tr("Open in workbench"), this)),
      m_remove(new QPushButton(tr("Remove"), this)), m_changes(new QTextBrowser(this)) {
  setObjectName(QStringLiteral("comparePanel"));
  m_addFile->setObjectName(QStringLiteral("compareAddFile"));
  m_addCopy->setObjectName(QStringLiteral("compareAddCopy"));
  m_optimize->setObjectName(QStringLiteral("compareOptimize"));
  m_open->setObjectName(QStringLiteral("compareOpenInWorkbench"));
  m_remove->setObjectName(QStringLiteral("compareRemove"));
  m_baseline->setObjectName(QStringLiteral("compareBaseline"));
  m_target->setObjectName(QStringLiteral("compareWaterfallTarget"));
  m_table->setObjectName(QStringLiteral("compareTable"));
  m_addCopy->setToolTip(tr("Keep the workbench's scenario as it is now, to compare your next "
                           "edits with it."));
  m_optimize->setToolTip(tr("Propose a cheaper scenario from the workbench's: batch for "
                            "latency-tolerant workloads, the cheapest adequate model of each "
                            "tier, commitments at their optimum."));
  m_sameProvider->setToolTip(tr("The optimizer proposes only models of the provider a workload "
                                "already uses."));
  m_open->setToolTip(tr("Make the waterfall's scenario the workbench's (Ctrl+Z undoes it); "
                        "what was there stays here as the baseline."));

  auto *tools = new QHBoxLayout;
  tools->addWidget(m_addFile);
  tools->addWidget(m_addCopy);
  tools->addWidget(m_optimize);
  tools->addWidget(m_sameProvider);
  tools->addStretch(1);
  tools->addWidget(new QLabel(tr("Baseline:"), this));
  tools->addWidget(m_baseline);

  m_table->setModel(m_model);
  m_table->setSelectionMode(QAbstractItemView::NoSelection);
  m_table->setAlternatingRowColors(true);
  // Each column as wide as its figures (the table scrolls sideways when the
  // window is narrow) rather than squeezed until they read "$10…".
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

  auto *targetRow = new QHBoxLayout;
  targetRow->addWidget(new QLabel(tr("Waterfall to:"), this));
  targetRow->addWidget(m_target, 1);
  targetRow->addWidget(m_open);
  targetRow->addWidget(m_remove);

  m_changes->setObjectName(QStringLiteral("compareChanges"));
  // A change and its rule take two lines: room for three before it scrolls.
  m_changes->setMaximumHeight(150);

  auto *charts = new QSplitter(Qt::Horizontal, this);
  charts->addWidget(m_waterfall);
  charts->addWidget(m_compareChart);
  charts->setStretchFactor(0, 3);
  charts->setStretchFactor(1, 2);
  charts->setSizes({600, 400});

  auto *layout = new QVBoxLayout(this);
  layout->addLayout(tools);
  layout->addWidget(m_table, 2);
  layout->addLayout(targetRow);
  layout->addWidget(charts, 4);
  layout->addWidget(m_changes);

  const auto footer = [this] {
    return comparisonFooter(exportFooter(m_document->scenario(), m_document->rateCard(),
                                         QDate::currentDate(),
                                         core::unpricedNote(m_document->workbench().evaluation)),
                            m_set->comparison());
  };
  addChartContextMenu(
      m_waterfall, ChartKind::Waterfall,
      [this] {
        const int position = static_cast<int>(m_set->columnOrder().indexOf(waterfallColumn()));
        return ChartSource(m_set->comparison(),
                           static_cast<std::size_t>(std::max(0, position - 1)));
      },
      footer);
  addChartContextMenu(
      m_compareChart, ChartKind::Compare, [this] { return ChartSource(m_set->comparison()); },
      footer);

  connect(m_addFile, &QPushButton::clicked, this, &ComparePanel::addFileDialog);
  connect(m_addCopy, &QPushButton::clicked, this, [this] {
    m_set->addCopy();
    setWaterfallColumn(m_set->count() - 1);
  });
  connect(m_optimize, &QPushButton::clicked, this, &ComparePanel::optimize);
  connect(m_sameProvider, &QCheckBox::toggled, this,
          [this](bool on) { m_set->setOptimizeOptions({on}); });
  connect(m_open, &QPushButton::clicked, this, &ComparePanel::openInWorkbench);
  connect(m_remove, &QPushButton::clicked, this, [this] { m_set->remove(waterfallColumn()); });
  connect(m_baseline, &QComboBox::activated, this,
          [this](int index) { m_set->setBaseline(m_baseline->itemData(index).toInt()); });
  connect(m_target, &QComboBox::activated, this,
          [this](int index) { setWaterfallColumn(m_target->itemData(index).toInt()); });
  connect(m_set, &ComparisonSet::changed, this, &ComparePanel::scheduleRefresh);
  refresh();
}

bool ComparePanel::addFile(const QString &path, QString *error) {
  if (!m_set->addFile(path, error))
    return false;
  setWaterfallColumn(m_set->count() - 1);
  return true;
}

void ComparePanel::addFileDialog() {
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Add a scenario to compare"), AppSettings::lastDirectory(),
      tr("Bedrock What-If scenarios (*.json);;All files (*)"));
  if (path.isEmpty())
    return;
  QString error;
  if (!addFile(path, &error))
    QMessageBox::warning(this, tr("Cannot compare this scenario"),
                         tr("%1 was not added.\n\n%2").arg(QFileInfo(path).fileName(), error));
}

void ComparePanel::optimize() {
  m_set->addOptimized();
  for (int i = 0; i < m_set->count(); ++i)
    if (m_set->column(i).source == ComparisonSet::Source::Optimized)
      setWaterfallColumn(i);
}

int ComparePanel::waterfallColumn() const {
  if (m_targetColumn >= 0 && m_targetColumn < m_set->count() && m_targetColumn != m_set->baseline())
    return m_targetColumn;
  const QList<int> order = m_set->columnOrder();
  return order.size() > 1 ? order[1] : -1;
}

void ComparePanel::setWaterfallColumn(int column) {
  m_targetColumn = column;
  scheduleRefresh();
}

void ComparePanel::openInWorkbench() {
  const int column = waterfallColumn();
  if (column <= 0)
    return;
  m_set->comparison(); // the live columns up to date with the last change
  const ComparisonSet::Column chosen = m_set->column(column);
  if (chosen.source == ComparisonSet::Source::File) {
    emit openFileRequested(chosen.path);
    return;
  }
  const core::Scenario before = m_document->scenario();
  const core::RateCard beforeCard = m_document->rateCard();
  if (!m_document->replaceScenario(chosen.scenario,
                                   tr("Open “%1” in the workbench").arg(chosen.label)))
    return;
  // What the workbench had stays beside it, as the baseline.
  if (m_set->canAdd()) {
    m_set->addCopyOf(
        before, beforeCard,
        tr("Before “%1” (%2)")
            .arg(chosen.label, QTime::currentTime().toString(QStringLiteral("HH:mm"))));
    m_set->setBaseline(m_set->count() - 1);
  }
  m_targetColumn = 0;
  scheduleRefresh();
}

void ComparePanel::showEvent(QShowEvent *event) {
  QWidget::showEvent(event);
  if (m_refreshPending)
    refresh();
}

void ComparePanel::scheduleRefresh() {
  if (m_refreshPending)
    return;
  m_refreshPending = true;
  // Drawn when shown: no work for a hidden tab while sliders move.
  if (isVisible())
    QTimer::singleShot(0, this, [this] {
      if (m_refreshPending && isVisible())
        refresh();
    });
}

void ComparePanel::refreshChoosers() {
  const QSignalBlocker blockBaseline(m_baseline);
  const QSignalBlocker blockTarget(m_target);
  m_baseline->clear();
  m_target->clear();
  const int target = waterfallColumn();
  for (int i = 0; i < m_set->count(); ++i) {
    m_baseline->addItem(m_set->column(i).label, i);
    if (i != m_set->baseline())
      m_target->addItem(m_set->column(i).label, i);
  }
  m_baseline->setCurrentIndex(m_baseline->findData(m_set->baseline()));
  m_target->setCurrentIndex(m_target->findData(target));
  m_target->setEnabled(m_target->count() > 0);
  const bool canAct = target > 0;
  m_open->setEnabled(canAct);
  m_remove->setEnabled(canAct);
  m_addFile->setEnabled(m_set->canAdd());
  m_addCopy->setEnabled(m_set->canAdd());
}

void ComparePanel::refresh() {
  m_refreshPending = false;
  const core::Comparison &comparison = m_set->comparison();
  m_model->setComparison(comparison);
  refreshChoosers();
  m_compareChart->showComparison(comparison);
  const int target = waterfallColumn();
  const int position = static_cast<int>(m_set->columnOrder().indexOf(target));
  if (position >= 1 && static_cast<std::size_t>(position - 1) < comparison.attributions.size()) {
    m_waterfall->showAttribution(
        comparison.attributions[static_cast<std::size_t>(position - 1)],
        QString::fromStdString(comparison.labels.front()),
        QString::fromStdString(comparison.labels[static_cast<std::size_t>(position)]));
  } else {
    m_waterfall->showMessage(tr("Add a scenario file, a copy of the workbench or the optimizer's "
                                "proposal to see what changes the bill."));
  }
  const ComparisonSet::Column *shown = target >= 0 ? &m_set->column(target) : nullptr;
  if (shown && shown->source == ComparisonSet::Source::Optimized) {
    m_changes->setHtml(shown->changes.empty()
                           ? tr("The optimizer changes nothing: the routing is already the "
                                "cheapest in each adequate set, latency-tolerant workloads already "
                                "run as batch, and commitments are at their optimum.")
                           : tr("<b>What the optimizer changed</b>, each with the quality rule "
                                "its move obeyed (review before adopting):") +
                                 changeList(shown->changes));
    m_changes->show();
  } else {
    m_changes->hide();
  }
}

} // namespace bwi::ui
