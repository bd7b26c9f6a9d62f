#include "ui/levers/workloadlevers.h"

#include "core/cost/requesttokens.h"
#include "ui/document/scenariodocument.h"
#include "ui/levers/leverslider.h"
#include "ui/levers/numberfield.h"
#include "ui/tables/tablecells.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>

namespace bwi::ui {
namespace {

using Scale = LeverSlider::Scale;

// What a field may hold beyond its slider's span: what a scenario file accepts (docs/limits.md).
std::pair<double, double> fieldLimits(core::Field field) {
  switch (field) {
  case core::Field::RequestsPerMonth:
    return {0, 1e15};
  case core::Field::RetrievalChunks:
    return {0, 1e5};
  case core::Field::CallsPerRequest:
    return {1, 1e4};
  case core::Field::CacheHitRate:
  case core::Field::BatchShare:
    return {0, 1};
  case core::Field::CacheablePrefix:
    return {0, 0}; // the slider's span: up to the base input per call
  default:
    return {0, 1e9}; // tokens per call
  }
}

} // namespace

WorkloadLevers::WorkloadLevers(ScenarioDocument *document, QWidget *parent)
    : QGroupBox(tr("Workload"), parent), m_document(document), m_workload(new QComboBox(this)),
      m_tier(new QComboBox(this)),
      m_latencyTolerant(new QCheckBox(tr("Latency-tolerant (can wait hours for batch)"), this)) {
  auto *layout = new QVBoxLayout(this);
  m_workload->setObjectName(QStringLiteral("workloadCombo"));
  m_workload->setToolTip(tr("The workload the levers below change."));
  // A long name does not widen the column of levers.
  m_workload->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_workload->setMinimumContentsLength(16);
  ignoreWheelUnlessFocused(m_workload);
  layout->addWidget(m_workload);

  addLever(core::Field::RequestsPerMonth,
           new LeverSlider(tr("Requests"), tr("per month"), 1e3, 1e9, 0, Scale::Logarithmic, this),
           QStringLiteral("requestsLever"),
           tr("Requests a month before the volume multipliers and growth."));
  addLever(core::Field::OutputTokens,
           new LeverSlider(tr("Output"), tr("tokens/call"), 0, 8000, 0, Scale::Linear, this),
           QStringLiteral("outputTokensLever"),
           tr("Output tokens per call: priced several times input on most models."));
  addLever(core::Field::RetrievalChunks,
           new LeverSlider(tr("Retrieval chunks"), tr("per call"), 0, 40, 1, Scale::Linear, this),
           QStringLiteral("retrievalChunksLever"),
           tr("RAG chunks stuffed into each call: the usual source of context bloat."));
  addLever(core::Field::TokensPerChunk,
           new LeverSlider(tr("Tokens per chunk"), tr("tokens"), 0, 4000, 0, Scale::Linear, this),
           QStringLiteral("tokensPerChunkLever"), tr("Size of each retrieved chunk."));
  addLever(core::Field::HistoryTokens,
           new LeverSlider(tr("History"), tr("tokens/call"), 0, 32000, 0, Scale::Linear, this),
           QStringLiteral("historyLever"), tr("Conversation history carried into each call."));
  addLever(core::Field::CallsPerRequest,
           new LeverSlider(tr("Calls per request"), tr("calls"), 1, 20, 1, Scale::Linear, this),
           QStringLiteral("callsLever"),
           tr("Model calls one request makes (an agent chain); each later call carries more "
              "context."));
  addLever(
      core::Field::ContextGrowthPerCall,
      new LeverSlider(tr("Context growth"), tr("tokens/call"), 0, 20000, 0, Scale::Linear, this),
      QStringLiteral("contextGrowthLever"),
      tr("Extra input tokens each later call of a chain carries."));
  addLever(core::Field::CacheablePrefix,
           new LeverSlider(tr("Cached prefix"), tr("tokens/call"), 0, 8000, 0, Scale::Linear, this),
           QStringLiteral("cachedPrefixLever"),
           tr("The prompt prefix (system prompt) eligible for prompt caching; at most the base "
              "input per call."));
  addLever(core::Field::CacheHitRate,
           new LeverSlider(tr("Cache hit rate"), tr("%"), 0, 1, 1, Scale::Linear, this),
           QStringLiteral("cacheHitLever"),
           tr("Share of calls that read the prefix from cache (billed at the cache-read price) "
              "instead of writing it."));
  addLever(core::Field::BatchShare,
           new LeverSlider(tr("Batch share"), tr("%"), 0, 1, 1, Scale::Linear, this),
           QStringLiteral("batchShareLever"),
           tr("Latency-tolerant share of requests sent to batch inference, about half the "
              "on-demand price where the model offers batch."));
  for (Lever &lever : m_levers)
    if (lever.field == core::Field::CacheHitRate || lever.field == core::Field::BatchShare)
      lever.slider->setDisplayFactor(100);

  m_tier->setObjectName(QStringLiteral("serviceTierCombo"));
  m_tier->addItem(tr("Standard"), QStringLiteral("standard"));
  m_tier->addItem(tr("Priority (premium price)"), QStringLiteral("priority"));
  m_tier->addItem(tr("Flex (discounted)"), QStringLiteral("flex"));
  m_tier->setToolTip(tr("Service tier of real-time calls: priority and flex multiply the "
                        "on-demand price where the model offers them."));
  ignoreWheelUnlessFocused(m_tier);
  auto *tierRow = new QFormLayout;
  tierRow->addRow(tr("Service tier"), m_tier);
  layout->addLayout(tierRow);
  for (Lever &lever : m_levers) {
    const auto [lowest, highest] = fieldLimits(lever.field);
    lever.slider->setFieldLimits(lowest, highest);
  }
  m_latencyTolerant->setObjectName(QStringLiteral("latencyTolerantCheck"));
  m_latencyTolerant->setToolTip(tr("The whole workload may run as batch inference: the "
                                   "optimizer (Compare tab) moves it to batch."));
  layout->addWidget(m_latencyTolerant);

  connect(m_workload, &QComboBox::currentIndexChanged, this,
          [this](int index) { m_document->setSelectedWorkload(index); });
  connect(m_tier, &QComboBox::currentIndexChanged, this, [this](int index) {
    m_document->setValue({core::Field::ServiceTier, m_document->selectedWorkload()},
                         m_tier->itemData(index).toString().toStdString(),
                         tr("Change service tier"));
  });
  connect(m_latencyTolerant, &QCheckBox::toggled, this, [this](bool on) {
    m_document->setValue(
        {core::Field::LatencyTolerant, m_document->selectedWorkload()}, on ? 1.0 : 0.0,
        on ? tr("Mark workload latency-tolerant") : tr("Mark workload latency-sensitive"));
  });
  connect(m_document, &ScenarioDocument::scenarioChanged, this, &WorkloadLevers::refresh);
  connect(m_document, &ScenarioDocument::selectionChanged, this, &WorkloadLevers::refresh);
  refresh();
}

void WorkloadLevers::addLever(core::Field field, LeverSlider *slider, const QString &objectName,
                              const QString &toolTip) {
  slider->setObjectName(objectName);
  slider->setToolTipText(toolTip);
  layout()->addWidget(slider);
  m_levers.push_back({field, slider, slider->maximum()});
  const QString undoText = tr("Change %1").arg(slider->labelText().toLower());
  connect(slider, &LeverSlider::valueEdited, this,
          [this, field, slider, undoText](double value, int group) {
            const int workload = m_document->selectedWorkload();
            if (!m_document->setValue({field, workload}, value, undoText, group)) {
              // Refused (e.g. a prefix above the base input): say why, show the scenario again.
              showRefusal(slider, refusalReason(*m_document, {field, workload}, value));
              refresh();
            }
          });
}

void WorkloadLevers::refresh() {
  const core::Scenario &scenario = m_document->scenario();
  const int selected = m_document->selectedWorkload();
  {
    const QSignalBlocker block(m_workload);
    m_workload->clear();
    for (const core::Workload &workload : scenario.workloads)
      m_workload->addItem(QString::fromStdString(workload.name));
    m_workload->setCurrentIndex(selected);
  }
  const bool valid = selected >= 0 && selected < static_cast<int>(scenario.workloads.size());
  for (Lever &lever : m_levers)
    lever.slider->setEnabled(valid);
  m_tier->setEnabled(valid);
  m_latencyTolerant->setEnabled(valid);
  if (!valid) {
    // No workload: no lever shows the figures of one that is gone.
    for (Lever &lever : m_levers)
      lever.slider->showNoValue();
    const QSignalBlocker blockTier(m_tier);
    m_tier->setCurrentIndex(-1);
    const QSignalBlocker blockTolerant(m_latencyTolerant);
    m_latencyTolerant->setChecked(false);
    return;
  }
  const core::Workload &workload = scenario.workloads[static_cast<std::size_t>(selected)];
  for (Lever &lever : m_levers) {
    const auto value = core::getField(scenario, {lever.field, selected});
    const double number = std::holds_alternative<double>(value) ? std::get<double>(value) : 0.0;
    double maximum = lever.defaultMaximum;
    if (lever.field == core::Field::CacheablePrefix)
      maximum = core::baseInputPerCall(workload.tokens);
    else if (lever.field != core::Field::CacheHitRate && lever.field != core::Field::BatchShare)
      maximum = std::max(maximum, number * 2);
    const double minimum = lever.field == core::Field::CallsPerRequest ? 1.0
                           : lever.field == core::Field::RequestsPerMonth
                               ? std::min(1e3, std::max(number, 1.0))
                               : 0.0;
    lever.slider->setRange(minimum, maximum);
    lever.slider->setValue(number);
  }
  const QSignalBlocker block(m_tier);
  m_tier->setCurrentIndex(std::max(
      0, m_tier->findData(QString::fromStdString(std::string(toString(workload.serviceTier))))));
  const QSignalBlocker blockTolerant(m_latencyTolerant);
  m_latencyTolerant->setChecked(workload.latencyTolerant);
}

} // namespace bwi::ui
