#include "ui/levers/exceptionpathlevers.h"

#include "core/analysis/escalation.h"
#include "core/common/moneyformat.h"
#include "ui/document/scenariodocument.h"
#include "ui/levers/leverslider.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <tuple>

namespace bwi::ui {

ExceptionPathLevers::ExceptionPathLevers(ScenarioDocument *document, QWidget *parent)
    : QGroupBox(tr("Exception path"), parent), m_document(document), m_target(new QComboBox(this)),
      m_rate(new LeverSlider(tr("Escalation rate"), tr("%"), 0, 1, 1, LeverSlider::Scale::Linear,
                             this)),
      m_measured(new QCheckBox(tr("Rate measured in the workload's logs"), this)),
      m_breakEven(new QLabel(this)), m_breakEvenTimer(new QTimer(this)) {
  setObjectName(QStringLiteral("exceptionPathLevers"));
  auto *layout = new QVBoxLayout(this);
  auto *form = new QFormLayout;
  m_target->setObjectName(QStringLiteral("escalationTargetCombo"));
  // Long model names must not widen the dock (the levers scroll only up and down).
  m_target->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_target->setMinimumContentsLength(16);
  m_target->setToolTip(tr("The premium model a share of the workload's requests is sent to "
                          "again, whole, when the first answer is not good enough."));
  form->addRow(tr("Escalate to"), m_target);
  layout->addLayout(form);
  m_rate->setObjectName(QStringLiteral("escalationRateLever"));
  m_rate->setDisplayFactor(100);
  m_rate->setToolTipText(tr("Share of requests sent again to the target: measured from the "
                            "workload's logs, or an assumption to test."));
  layout->addWidget(m_rate);
  m_measured->setObjectName(QStringLiteral("escalationMeasuredCheck"));
  m_measured->setToolTip(tr("Ticked: the rate was measured (rate_source \"measured\"). "
                            "Unticked: an assumption to test, and labelled so on the chart, "
                            "in the optimizer's proposal and in the meeting pack."));
  layout->addWidget(m_measured);
  m_breakEven->setObjectName(QStringLiteral("escalationBreakEvenLabel"));
  m_breakEven->setWordWrap(true);
  layout->addWidget(m_breakEven);

  connect(m_target, &QComboBox::currentIndexChanged, this, [this](int index) {
    const QString id = m_target->itemData(index).toString();
    const int selected = m_document->selectedWorkload();
    if (id.isEmpty()) {
      // The whole scenario, so that undo brings the rate back with the target.
      core::Scenario next = m_document->scenario();
      if (selected >= 0 && selected < static_cast<int>(next.workloads.size()))
        next.workloads[static_cast<std::size_t>(selected)].escalation.reset();
      m_document->replaceScenario(next, tr("Remove exception path"));
    } else {
      m_document->setValue({core::Field::EscalationTarget, selected}, id.toStdString(),
                           tr("Set exception path target"));
    }
  });
  connect(m_rate, &LeverSlider::valueEdited, this, [this](double value, int group) {
    if (!m_document->setValue({core::Field::EscalationRate, m_document->selectedWorkload()}, value,
                              tr("Change escalation rate"), group))
      refresh();
  });
  connect(m_measured, &QCheckBox::toggled, this, [this](bool measured) {
    if (!m_document->setValue(
            {core::Field::EscalationMeasured, m_document->selectedWorkload()}, measured ? 1.0 : 0.0,
            measured ? tr("Mark escalation rate measured") : tr("Mark escalation rate assumed")))
      refresh();
  });
  m_breakEvenTimer->setSingleShot(true);
  m_breakEvenTimer->setInterval(60);
  connect(m_breakEvenTimer, &QTimer::timeout, this, &ExceptionPathLevers::refreshBreakEven);
  connect(m_document, &ScenarioDocument::scenarioChanged, this, &ExceptionPathLevers::refresh);
  connect(m_document, &ScenarioDocument::selectionChanged, this, &ExceptionPathLevers::refresh);
  refresh();
}

void ExceptionPathLevers::refresh() {
  const core::Workload *workload = m_document->selectedWorkloadData();
  {
    const QSignalBlocker block(m_target);
    m_target->clear();
    m_target->addItem(tr("No exception path"), QString());
    std::vector<const core::ModelRates *> models;
    for (const core::ModelRates &model : m_document->rateCard().models)
      if (model.onDemand.outputPer1m > 0)
        models.push_back(&model);
    std::sort(models.begin(), models.end(), [](const auto *a, const auto *b) {
      return std::tie(a->provider, a->name) < std::tie(b->provider, b->name);
    });
    for (const core::ModelRates *model : models)
      m_target->addItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(model->name),
                                                      QString::fromStdString(model->provider)),
                        QString::fromStdString(model->id));
    const QString current = workload && workload->escalation
                                ? QString::fromStdString(workload->escalation->to)
                                : QString();
    int index = m_target->findData(current);
    if (index < 0 && !current.isEmpty()) {
      // A target the card no longer lists stays visible, as the file names it.
      m_target->addItem(current, current);
      index = m_target->count() - 1;
    }
    m_target->setCurrentIndex(std::max(0, index));
  }
  m_target->setEnabled(workload != nullptr);
  const bool escalating = workload && workload->escalation.has_value();
  m_rate->setEnabled(escalating);
  // Without an exception path there is no rate to show (not a rate of 0).
  if (escalating)
    m_rate->setValue(workload->escalation->rate);
  else
    m_rate->showNoValue();
  {
    const QSignalBlocker block(m_measured);
    m_measured->setChecked(escalating && workload->escalation->measured);
  }
  m_measured->setEnabled(escalating);
  m_breakEvenTimer->start(); // restarted by every edit
}

void ExceptionPathLevers::refreshBreakEven() {
  const core::Workload *workload = m_document->selectedWorkloadData();
  const bool escalating = workload && workload->escalation.has_value();
  if (!escalating) {
    m_breakEven->setText(tr("Cheap model first, premium on exception: pick the premium model to "
                            "see the escalation rate at which the policy stops paying."));
    return;
  }
  const std::vector<core::EscalationBreakEven> breakEvens = core::escalationBreakEvens(
      m_document->scenario(), m_document->rateCard(), m_document->month());
  const auto found = std::find_if(
      breakEvens.begin(), breakEvens.end(),
      [&](const core::EscalationBreakEven &entry) { return entry.workloadId == workload->id; });
  if (found == breakEvens.end()) {
    m_breakEven->clear();
    return;
  }
  const QString allPremium = QString::fromStdString(core::formatUsdExact(found->allPremiumNetUsd));
  if (found->breakEvenRate)
    m_breakEven->setText(
        tr("Break-even e* = %1: above it, sending all of this workload to the target (%2 net a "
           "month) costs less. At %3 the month is %4 net.")
            .arg(QString::fromStdString(core::formatPercent(*found->breakEvenRate)), allPremium,
                 QString::fromStdString(core::formatPercent(found->rate)),
                 QString::fromStdString(core::formatUsdExact(found->netUsd))));
  else if (found->netUsd < found->allPremiumNetUsd)
    m_breakEven->setText(tr("No break-even: up to 100% escalation the policy costs less than all "
                            "traffic on the target (%1 net a month).")
                             .arg(allPremium));
  else
    m_breakEven->setText(tr("No break-even: the policy never pays; all traffic on the target "
                            "costs %1 net a month.")
                             .arg(allPremium));
}

} // namespace bwi::ui
