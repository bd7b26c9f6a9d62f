#include "ui/ranges/goalseekbox.h"

#include "ui/document/scenariodocument.h"
#include "ui/flowlayout.h"
#include "ui/levers/numberfield.h"
#include "ui/ranges/leverlabels.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace bwi::ui {

GoalSeekBox::GoalSeekBox(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_metric(new QComboBox(this)),
      m_target(new NumberField(this)), m_lever(new QComboBox(this)),
      m_find(new QPushButton(tr("Find"), this)), m_apply(new QPushButton(tr("Apply"), this)),
      m_answer(new QLabel(this)) {
  setObjectName(QStringLiteral("goalSeek"));
  m_metric->setObjectName(QStringLiteral("goalSeekMetric"));
  m_target->setObjectName(QStringLiteral("goalSeekTarget"));
  m_lever->setObjectName(QStringLiteral("goalSeekLever"));
  m_find->setObjectName(QStringLiteral("goalSeekFind"));
  m_apply->setObjectName(QStringLiteral("goalSeekApply"));
  m_answer->setObjectName(QStringLiteral("goalSeekAnswer"));
  for (const core::GoalMetric metric :
       {core::GoalMetric::NetUsd, core::GoalMetric::NetPer1kRequests,
        core::GoalMetric::PtUtilization})
    m_metric->addItem(goalMetricLabel(metric), static_cast<int>(metric));
  for (const core::ScaledLever lever : core::kAllLevers)
    m_lever->addItem(leverLabel(lever), static_cast<int>(lever));
  m_lever->setToolTip(tr("The one lever goal seek moves; the others stay as they are."));
  m_target->setRange(0, 1e12);
  m_target->setFieldName(tr("Goal-seek target"));
  m_target->setMinimumWidth(130);
  m_apply->setEnabled(false);
  m_apply->setToolTip(tr("Set the lever to the value found (one undo step)."));
  m_answer->setWordWrap(true);
  m_answer->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_answer->setText(tr("Pick a target and a lever, then Find."));

  // The answer has a line of its own, so a long one never pushes the controls about.
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  // The words stay with their fields; in a narrow window the row wraps
  // rather than squeezing them on top of each other.
  auto *controls = new FlowLayout(nullptr, 6);
  controls->addWidget(new QLabel(tr("Goal seek:"), this));
  controls->keepWithNext(0);
  controls->addWidget(m_metric);
  controls->addWidget(new QLabel(tr("reaches"), this));
  controls->keepWithNext(2);
  controls->addWidget(m_target);
  controls->addWidget(new QLabel(tr("by moving"), this));
  controls->keepWithNext(4);
  controls->addWidget(m_lever);
  controls->addWidget(m_find);
  controls->keepWithNext(6);
  controls->addWidget(m_apply);
  layout->addLayout(controls);
  layout->addWidget(m_answer);

  showMetricUnit();
  connect(m_metric, &QComboBox::currentIndexChanged, this, [this] {
    showMetricUnit();
    forgetResult();
  });
  connect(m_lever, &QComboBox::currentIndexChanged, this, &GoalSeekBox::forgetResult);
  connect(m_target, &QDoubleSpinBox::valueChanged, this, &GoalSeekBox::forgetResult);
  connect(m_find, &QPushButton::clicked, this, &GoalSeekBox::find);
  connect(m_apply, &QPushButton::clicked, this, &GoalSeekBox::apply);
  // An answer is about the scenario it was found for.
  connect(m_document, &ScenarioDocument::scenarioChanged, this, [this] {
    if (m_result)
      forgetResult();
  });
}

core::GoalMetric GoalSeekBox::chosenMetric() const {
  return static_cast<core::GoalMetric>(m_metric->currentData().toInt());
}

core::ScaledLever GoalSeekBox::lever() const {
  return static_cast<core::ScaledLever>(m_lever->currentData().toInt());
}

// The field shows the target in the metric's unit, starting from the
// scenario's own figure (utilization as a percentage).
void GoalSeekBox::showMetricUnit() {
  const QSignalBlocker blocker(m_target);
  const core::GoalMetric chosen = chosenMetric();
  const bool share = chosen == core::GoalMetric::PtUtilization;
  m_target->setPrefix(share ? QString() : QStringLiteral("$"));
  m_target->setSuffix(share ? QStringLiteral(" %") : QString());
  m_target->setDecimals(chosen == core::GoalMetric::NetUsd ? 2 : share ? 2 : 4);
  m_target->setMaximum(share ? 100 : 1e12);
  const auto current = core::goalMetricValue(m_document->scenario(), m_document->rateCard(), chosen,
                                             m_document->month());
  m_target->setValue(current ? *current * (share ? 100 : 1) : 0);
}

void GoalSeekBox::forgetResult() {
  m_result.reset();
  m_request.reset();
  m_apply->setEnabled(false);
  m_answer->setText(tr("Pick a target and a lever, then Find."));
}

void GoalSeekBox::find() {
  core::GoalSeekRequest request;
  request.metric = chosenMetric();
  request.lever = lever();
  request.month = m_document->month();
  request.target =
      m_target->value() / (request.metric == core::GoalMetric::PtUtilization ? 100 : 1);
  m_result = core::goalSeek(m_document->scenario(), m_document->rateCard(), request);
  m_request = request;
  m_answer->setText(QString::fromStdString(m_result->message));
  m_apply->setEnabled(m_result->found && m_result->value.has_value());
}

bool GoalSeekBox::apply() {
  if (!m_result || !m_result->found || !m_result->value || !m_request)
    return false;
  const core::ScaledLever moved = m_request->lever;
  const double value = *m_result->value;
  const core::Scenario next =
      core::withLever(m_document->scenario(), m_document->rateCard(), moved, value);
  return m_document->replaceScenario(
      next, tr("Goal seek: %1 to %2").arg(leverLabel(moved), leverValueText(moved, value)));
}

} // namespace bwi::ui
