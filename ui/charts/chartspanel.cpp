#include "ui/charts/chartspanel.h"

#include "ui/charts/breakdownchartview.h"
#include "ui/charts/commitmentchartview.h"
#include "ui/charts/forecastchartview.h"
#include "ui/charts/loadchartview.h"
#include "ui/charts/unitcostchartview.h"
#include "ui/charts/volumechartview.h"
#include "ui/document/fanjob.h"
#include "ui/document/scenariodocument.h"
#include "ui/export/chartexport.h"
#include "ui/export/chartexportactions.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace bwi::ui {

ChartsPanel::ChartsPanel(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_volume(new VolumeChartView(this)),
      m_commitment(new CommitmentChartView(this)), m_breakdown(new BreakdownChartView(this)),
      m_forecast(new ForecastChartView(this)), m_load(new LoadChartView(this)),
      m_unitCost(new UnitCostChartView(this)), m_grouping(new QComboBox(this)) {
  setObjectName(QStringLiteral("chartsPanel"));
  auto *grid = new QGridLayout(this);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->setSpacing(4);

  auto *breakdownBox = new QWidget(this);
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

  grid->addWidget(m_volume, 0, 0);
  grid->addWidget(m_commitment, 0, 1);
  grid->addWidget(m_load, 0, 2);
  grid->addWidget(breakdownBox, 1, 0);
  grid->addWidget(m_forecast, 1, 1);
  grid->addWidget(m_unitCost, 1, 2);
  for (int column = 0; column < 3; ++column)
    grid->setColumnStretch(column, 1);

  addExportActions(m_volume, ChartKind::Volume);
  addExportActions(m_commitment, ChartKind::Commitment);
  addExportActions(m_breakdown, ChartKind::Breakdown);
  addExportActions(m_forecast, ChartKind::Forecast);
  addExportActions(m_load, ChartKind::Load);
  addExportActions(m_unitCost, ChartKind::UnitCost);

  connect(m_grouping, &QComboBox::currentIndexChanged, this, [this] {
    m_breakdown->setGrouping(
        static_cast<BreakdownChartView::Grouping>(m_grouping->currentData().toInt()));
    m_breakdown->showWorkbench(m_document->workbench());
  });
  m_fan = FanJob::of(m_document); // before our own connection: see FanJob::of
  connect(m_fan, &FanJob::fanChanged, this,
          [this] { showForecastWithFan(*m_forecast, *m_fan, m_document->workbench()); });
  connect(m_document, &ScenarioDocument::scenarioChanged, this, &ChartsPanel::refresh);
  connect(m_document, &ScenarioDocument::selectionChanged, this,
          [this] { m_unitCost->showWorkbench(m_document->workbench(), unitWorkload()); });
  refresh();
}

std::string ChartsPanel::unitWorkload() const {
  const core::Scenario &scenario = m_document->scenario();
  const int selected = m_document->selectedWorkload();
  if (selected < 0 || selected >= static_cast<int>(scenario.workloads.size()))
    return {};
  const core::Workload &workload = scenario.workloads[static_cast<std::size_t>(selected)];
  return workload.unit ? workload.id : std::string();
}

void ChartsPanel::addExportActions(QWidget *chart, ChartKind kind) {
  // The forecast exports with the fan shown, once it is computed.
  addWorkbenchChartMenu(chart, kind, m_document, [this, kind](ChartSource &source) {
    if (kind == ChartKind::Forecast)
      source.forecast = m_fan->forecast();
    if (kind == ChartKind::UnitCost)
      source.unitWorkload = unitWorkload();
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
}

} // namespace bwi::ui
