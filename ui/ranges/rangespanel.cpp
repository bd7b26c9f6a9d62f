#include "ui/ranges/rangespanel.h"

#include "ui/charts/forecastchartview.h"
#include "ui/charts/plannerchartview.h"
#include "ui/charts/tornadochartview.h"
#include "ui/document/fanjob.h"
#include "ui/document/latestjob.h"
#include "ui/document/scenariodocument.h"
#include "ui/export/chartexportactions.h"
#include "ui/levers/numberfield.h"
#include "ui/ranges/goalseekbox.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace bwi::ui {
namespace {

constexpr double kPercent = 100;

} // namespace

RangesPanel::RangesPanel(ScenarioDocument *document, FanJob *fan, QWidget *parent)
    : QWidget(parent), m_document(document), m_fan(fan), m_planJob(new LatestJob(this)),
      m_goalSeek(new GoalSeekBox(document, this)), m_budget(new NumberField(this)),
      m_range(new NumberField(this)), m_startMonth(new QLineEdit(this)),
      m_planStatus(new QLabel(this)), m_fanChart(new ForecastChartView(this)),
      m_tornadoChart(new TornadoChartView(this)), m_plannerChart(new PlannerChartView(this)) {
  setObjectName(QStringLiteral("rangesPanel"));
  m_fanChart->setObjectName(QStringLiteral("fanChart")); // the Charts tab has the forecastChart
  m_planJob->setObjectName(QStringLiteral("planJob"));

  m_budget->setObjectName(QStringLiteral("budgetField"));
  m_budget->setFieldName(tr("Monthly budget"));
  m_budget->setRange(0, 1e12);
  m_budget->setDecimals(0);
  m_budget->setSingleStep(10000);
  m_budget->setPrefix(QStringLiteral("$"));
  m_budget->setSpecialValueText(tr("none"));
  m_budget->setMinimumWidth(140);
  m_budget->setToolTip(tr("A monthly net budget: the forecast shows the probability of exceeding "
                          "it and the first month it is likely to. 0: none; a negative "
                          "figure is refused."));
  m_range->setObjectName(QStringLiteral("sensitivityRangeField"));
  m_range->setFieldName(tr("Tornado range"));
  m_range->setRange(1, 99);
  m_range->setDecimals(0);
  m_range->setPrefix(QStringLiteral("±"));
  m_range->setSuffix(QStringLiteral(" %"));
  m_range->setToolTip(tr("How far the tornado moves each lever either way, as a share of its "
                         "value (saved with the scenario)."));
  m_startMonth->setObjectName(QStringLiteral("forecastStartField"));
  m_startMonth->setPlaceholderText(tr("YYYY-MM"));
  m_startMonth->setClearButtonEnabled(true);
  m_startMonth->setMaximumWidth(110);
  m_startMonth->setValidator(new QRegularExpressionValidator(
      QRegularExpression(QStringLiteral("(\\d{0,4}(-\\d{0,2})?)")), m_startMonth));
  m_startMonth->setToolTip(
      tr("The calendar month of forecast month 1 (YYYY-MM). With it the forecast applies the "
         "card's dated price changes and ends of life and marks them on the chart; empty: no "
         "calendar, today's prices throughout."));
  m_planStatus->setObjectName(QStringLiteral("planStatus"));

  auto *grid = new QGridLayout(this);
  grid->setContentsMargins(0, 4, 0, 0);
  grid->setSpacing(4);
  grid->addWidget(m_goalSeek, 0, 0, 1, 2);
  grid->addWidget(titledRow(m_fanChart, {new QLabel(tr("Monthly budget"), this), m_budget,
                                         new QLabel(tr("Starts in"), this), m_startMonth}),
                  1, 0);
  grid->addWidget(titledRow(m_tornadoChart, {new QLabel(tr("Tornado range"), this), m_range}), 1,
                  1);
  grid->addWidget(titledRow(m_plannerChart, {m_planStatus}), 2, 0, 1, 2);
  grid->setRowStretch(1, 1);
  grid->setRowStretch(2, 1);
  grid->setColumnStretch(0, 1);
  grid->setColumnStretch(1, 1);

  addExportActions(m_fanChart, ChartKind::Forecast);
  addExportActions(m_tornadoChart, ChartKind::Tornado);
  addExportActions(m_plannerChart, ChartKind::Planner);

  connect(m_budget, &QDoubleSpinBox::valueChanged, this, [this](double usd) {
    // 0 is "none": the field leaves the file.
    const core::FieldValue value = usd > 0 ? core::FieldValue(usd) : core::FieldValue();
    if (!m_document->setValue({core::Field::BudgetUsd}, value, tr("Change monthly budget")))
      showControls();
  });
  connect(m_range, &QDoubleSpinBox::valueChanged, this, [this](double percent) {
    if (!m_document->setValue({core::Field::SensitivityRange}, percent / kPercent,
                              tr("Change tornado range")))
      showControls();
  });
  connect(m_startMonth, &QLineEdit::editingFinished, this, [this] {
    // Empty is "no calendar": the field leaves the file. A month the scenario
    // refuses (2027-13) puts the saved one back.
    const QString text = m_startMonth->text().trimmed();
    const core::FieldValue value =
        text.isEmpty() ? core::FieldValue() : core::FieldValue(text.toStdString());
    if (m_document->setValue({core::Field::ForecastStartMonth}, value,
                             tr("Change forecast start month")))
      return;
    // Say why, in the scenario's own words, and which month stays.
    core::Scenario candidate = m_document->scenario();
    QString why = tr("not a calendar month (YYYY-MM)");
    if (core::setField(candidate, {core::Field::ForecastStartMonth}, value))
      if (const core::ValidationIssues issues = m_document->check(candidate); !issues.empty())
        why = QString::fromStdString(issues.front().message);
    const auto &kept = m_document->scenario().forecast.startMonth;
    showControls();
    showRefusal(
        m_startMonth,
        tr("Starts in \"%1\" is refused: %2; the forecast keeps %3.")
            .arg(text, why, kept ? QString::fromStdString(*kept) : tr("no calendar month")));
  });
  connect(m_fan, &FanJob::fanChanged, this, [this] {
    if (isVisible())
      showFan();
  });
  connect(m_document, &ScenarioDocument::scenarioChanged, this, [this] {
    m_stale = true;
    m_planJob->cancel(); // its plan is for a scenario that is gone
    if (isVisible())
      refresh();
  });
}

QWidget *RangesPanel::titledRow(QWidget *chart, const QList<QWidget *> &controls) {
  auto *box = new QWidget(this);
  auto *layout = new QVBoxLayout(box);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  auto *row = new QHBoxLayout;
  for (QWidget *control : controls)
    row->addWidget(control);
  row->addStretch(1);
  layout->addLayout(row);
  layout->addWidget(chart, 1);
  return box;
}

void RangesPanel::addExportActions(QWidget *chart, ChartKind kind) {
  addWorkbenchChartMenu(chart, kind, m_document, [this, kind](ChartSource &source) {
    if (kind == ChartKind::Forecast)
      source.forecast = m_fan->forecast();
    if (kind == ChartKind::Tornado && m_tornado)
      source.tornado = &*m_tornado;
    if (kind == ChartKind::Planner && m_plan)
      source.plan = &*m_plan;
  });
}

void RangesPanel::showEvent(QShowEvent *event) {
  QWidget::showEvent(event);
  if (m_stale)
    refresh();
}

void RangesPanel::refresh() {
  m_stale = false;
  showControls();
  showFan();
  core::TornadoOptions options;
  options.month = m_document->month();
  m_tornado = core::tornado(m_document->scenario(), m_document->rateCard(), options);
  m_tornadoChart->showTornado(*m_tornado);
  startPlan();
}

void RangesPanel::showControls() {
  const core::ForecastSettings &forecast = m_document->scenario().forecast;
  const QSignalBlocker budgetBlocker(m_budget);
  const QSignalBlocker rangeBlocker(m_range);
  m_budget->setValue(forecast.budgetUsd.value_or(0));
  m_range->setValue(forecast.sensitivityRange.value_or(core::kDefaultSensitivityRange) * kPercent);
  const QString start =
      forecast.startMonth ? QString::fromStdString(*forecast.startMonth) : QString();
  if (m_startMonth->text() != start)
    m_startMonth->setText(start);
}

void RangesPanel::showFan() { showForecastWithFan(*m_fanChart, *m_fan, m_document->workbench()); }

void RangesPanel::startPlan() {
  m_plan.reset();
  m_plannerChart->setStale(true);
  m_planStatus->setText(tr("Commitment planner: weighing the choices for this scenario…"));
  const int threads = backgroundThreads();
  m_planJob->start<core::CommitmentPlan>(
      [prepared = m_document->prepared(),
       threads](const std::atomic<bool> &cancel) -> std::optional<core::CommitmentPlan> {
        core::PlanOptions options;
        options.threads = threads;
        options.cancel = &cancel;
        return core::planCommitments(prepared, options);
      },
      [this](core::CommitmentPlan &&plan) {
        m_plan = std::move(plan);
        m_planStatus->setText(tr("Commitment planner: each choice against the forecast's "
                                 "uncertainty over %1 months")
                                  .arg(core::kPlanMonths));
        m_plannerChart->showPlan(*m_plan);
      });
}

} // namespace bwi::ui
