#include "ui/charts/chartspanel.h"

#include "core/analysis/escalation.h"
#include "ui/charts/breakdownchartview.h"
#include "ui/charts/chartstyle.h"
#include "ui/charts/commitmentchartview.h"
#include "ui/charts/escalationchartview.h"
#include "ui/charts/forecastchartview.h"
#include "ui/charts/loadchartview.h"
#include "ui/charts/unitcostchartview.h"
#include "ui/charts/volumechartview.h"
#include "ui/document/fanjob.h"
#include "ui/document/scenariodocument.h"
#include "ui/export/chartexportactions.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace bwi::ui {

namespace {
// How long the edits must pause before the Exception path curve redraws (ms).
constexpr int kEscalationSettleMs = 60;
} // namespace

ChartsPanel::ChartsPanel(ScenarioDocument *document, FanJob *fan, QWidget *parent)
    : QWidget(parent), m_document(document), m_volume(new VolumeChartView(this)),
      m_commitment(new CommitmentChartView(this)), m_breakdown(new BreakdownChartView(this)),
      m_forecast(new ForecastChartView(this)), m_load(new LoadChartView(this)),
      m_unitCost(new UnitCostChartView(this)), m_escalation(new EscalationChartView(this)),
      m_grouping(new QComboBox(this)), m_fan(fan) {
  setObjectName(QStringLiteral("chartsPanel"));
  m_grid = new QGridLayout(this);
  m_grid->setContentsMargins(0, 0, 0, 0);
  m_grid->setSpacing(4);
  // The panel's minimum is that of two columns (minimumSizeHint), not of the
  // grid as it stands: a narrower window gets two columns, not a clipped third.
  m_grid->setSizeConstraint(QLayout::SetNoConstraint);

  auto *breakdownBox = new QWidget(this);
  m_breakdownBox = breakdownBox;
  auto *breakdownLayout = new QVBoxLayout(breakdownBox);
  breakdownLayout->setContentsMargins(0, 0, 0, 0);
  auto *switchRow = new QHBoxLayout;
  m_grouping->setObjectName(QStringLiteral("breakdownGrouping"));
  m_grouping->addItem(tr("By model"), static_cast<int>(BreakdownChartView::Grouping::Model));
  m_grouping->addItem(tr("By team"), static_cast<int>(BreakdownChartView::Grouping::Team));
  m_grouping->addItem(tr("By mode"), static_cast<int>(BreakdownChartView::Grouping::Mode));
  m_grouping->setToolTip(tr("What the breakdown's bars are: models, teams or pricing modes."));
  switchRow->addWidget(new QLabel(tr("Breakdown"), breakdownBox));
  switchRow->addWidget(m_grouping);
  switchRow->addStretch(1);
  breakdownLayout->addLayout(switchRow);
  breakdownLayout->addWidget(m_breakdown, 1);

  arrange(3);

  addExportActions(m_volume, ChartKind::Volume);
  addExportActions(m_commitment, ChartKind::Commitment);
  addExportActions(m_breakdown, ChartKind::Breakdown);
  addExportActions(m_forecast, ChartKind::Forecast);
  addExportActions(m_load, ChartKind::Load);
  addExportActions(m_unitCost, ChartKind::UnitCost);
  addExportActions(m_escalation, ChartKind::Escalation);

  connect(m_grouping, &QComboBox::currentIndexChanged, this, [this] {
    m_breakdown->setGrouping(
        static_cast<BreakdownChartView::Grouping>(m_grouping->currentData().toInt()));
    m_breakdown->showWorkbench(m_document->workbench());
  });
  connect(m_fan, &FanJob::fanChanged, this,
          [this] { showForecastWithFan(*m_forecast, *m_fan, m_document->workbench()); });
  m_escalationTimer = new QTimer(this);
  m_escalationTimer->setSingleShot(true);
  m_escalationTimer->setInterval(kEscalationSettleMs);
  connect(m_escalationTimer, &QTimer::timeout, this, &ChartsPanel::refreshEscalation);
  connect(m_document, &ScenarioDocument::scenarioChanged, this, &ChartsPanel::refresh);
  connect(m_document, &ScenarioDocument::selectionChanged, this, [this] {
    m_unitCost->showWorkbench(m_document->workbench(), unitWorkload());
    refreshEscalation();
  });
  refresh();
}

void ChartsPanel::refreshEscalation() {
  // A curve is a hundred evaluations and more: drawn while the tab is shown, and when it is
  // shown next otherwise, not on every slider step behind another tab.
  if (!isVisible()) {
    m_escalationPending = true;
    return;
  }
  m_escalationPending = false;
  const core::Scenario &scenario = m_document->scenario();
  const std::string workload =
      EscalationChartView::chartedWorkload(scenario, m_document->selectedWorkload());
  m_escalation->showCurve(
      workload.empty() || !m_document->figuresProblem().isEmpty()
          ? std::nullopt
          : core::escalationCurve(scenario, m_document->rateCard(), workload, m_document->month()));
}

void ChartsPanel::showEvent(QShowEvent *event) {
  QWidget::showEvent(event);
  if (m_escalationPending)
    refreshEscalation();
}

std::string ChartsPanel::unitWorkload() const {
  const core::Scenario &scenario = m_document->scenario();
  const int selected = m_document->selectedWorkload();
  if (selected < 0 || selected >= static_cast<int>(scenario.workloads.size()))
    return {};
  const core::Workload &workload = scenario.workloads[static_cast<std::size_t>(selected)];
  return workload.unit ? workload.id : std::string();
}

QList<QWidget *> ChartsPanel::charts() const {
  return {m_volume, m_commitment, m_load, m_breakdownBox, m_forecast, m_unitCost, m_escalation};
}

int ChartsPanel::rows(int columns) const {
  const auto count = static_cast<int>(charts().size());
  return (count + columns - 1) / columns;
}

QSize ChartsPanel::minimumSizeHint() const {
  const int spacing = m_grid->spacing();
  const int breakdownSwitch = m_grouping->sizeHint().height() + spacing;
  // As narrow as two columns allow; as tall as the rows shown need, so that a window wide
  // enough for four columns does not scroll.
  const int shown = rows(std::max(m_columns, 2));
  // A chart that needs more height (a bar chart with many names) raises the grid's minimum.
  return {
      2 * chartstyle::kChartMinimumWidth + spacing,
      std::max(shown * chartstyle::kChartMinimumHeight + breakdownSwitch + (shown - 1) * spacing,
               m_grid->minimumSize().height())};
}

void ChartsPanel::resizeEvent(QResizeEvent *event) {
  QWidget::resizeEvent(event);
  const auto fits = [this](int columns) {
    return width() >= columns * chartstyle::kChartMinimumWidth + (columns - 1) * m_grid->spacing();
  };
  arrange(fits(4) ? 4 : fits(3) ? 3 : 2);
}

void ChartsPanel::arrange(int columns) {
  if (columns == m_columns)
    return;
  m_columns = columns;
  updateGeometry(); // the minimum height follows the number of rows
  const QList<QWidget *> shown = charts();
  for (QWidget *chart : shown)
    m_grid->removeWidget(chart);
  const int rowCount = rows(columns);
  for (int column = 0; column < 4; ++column)
    m_grid->setColumnStretch(column, column < columns ? 1 : 0);
  for (int row = 0; row < rows(2); ++row)
    m_grid->setRowStretch(row, row < rowCount ? 1 : 0);
  // In reading order, row by row.
  for (int i = 0; i < shown.size(); ++i)
    m_grid->addWidget(shown[i], i / columns, i % columns);
}

void ChartsPanel::addExportActions(QWidget *chart, ChartKind kind) {
  // The forecast exports with the fan shown, once it is computed.
  addWorkbenchChartMenu(chart, kind, m_document, [this, kind](ChartSource &source) {
    if (kind == ChartKind::Forecast)
      source.forecast = m_fan->forecast();
    if (kind == ChartKind::UnitCost)
      source.unitWorkload = unitWorkload();
    if (kind == ChartKind::Escalation && m_escalation->curve())
      source.escalation = &*m_escalation->curve();
  });
}

void ChartsPanel::refresh() {
  const core::WorkbenchFigures &workbench = m_document->workbench();
  m_volume->showWorkbench(workbench);
  m_commitment->showWorkbench(workbench);
  m_breakdown->showWorkbench(workbench);
  showForecastWithFan(*m_forecast, *m_fan, workbench);
  m_load->showWorkbench(workbench);
  m_unitCost->showWorkbench(workbench, unitWorkload());
  m_escalationTimer->start(); // restarted by every edit: drawn when they pause
}

} // namespace bwi::ui
