#include "ui/compare/comparisonset.h"

#include "core/files/scenariofile.h"
#include "ui/document/scenariodocument.h"

#include <QFileInfo>
#include <QTime>

namespace bwi::ui {

ComparisonSet::ComparisonSet(ScenarioDocument *document, QObject *parent)
    : QObject(parent), m_document(document) {
  m_columns.append({Source::Workbench, QString(), QString(), {}, {}, {}});
  refreshLive();
  connect(document, &ScenarioDocument::scenarioChanged, this, &ComparisonSet::markChanged);
  connect(document, &ScenarioDocument::selectionChanged, this, [this] {
    if (m_comparison.month != m_document->month())
      markChanged();
  });
}

bool ComparisonSet::canAdd() const {
  return m_columns.size() < static_cast<qsizetype>(core::kMaxComparedScenarios);
}

QString ComparisonSet::uniqueLabel(const QString &wanted) const {
  QString label = wanted.isEmpty() ? tr("Untitled scenario") : wanted;
  const auto taken = [&](const QString &candidate) {
    for (const Column &column : m_columns)
      if (column.label == candidate)
        return true;
    return false;
  };
  for (int n = 2; taken(label); ++n)
    label = QStringLiteral("%1 (%2)").arg(wanted).arg(n);
  return label;
}

bool ComparisonSet::addFile(const QString &path, QString *error) {
  if (!canAdd()) {
    if (error)
      *error = tr("At most %1 scenarios side by side.").arg(core::kMaxComparedScenarios);
    return false;
  }
  const core::ScenarioLoadResult load = core::loadScenarioFile(path.toStdString());
  if (!load.loaded) {
    if (error)
      *error = QString::fromStdString(load.report()).trimmed();
    return false;
  }
  Column column;
  column.source = Source::File;
  column.path = QFileInfo(path).absoluteFilePath();
  column.scenario = load.loaded->scenario;
  column.card = load.loaded->card;
  column.label =
      uniqueLabel(column.scenario.name.empty() ? QFileInfo(path).fileName()
                                               : QString::fromStdString(column.scenario.name));
  m_columns.append(column);
  markChanged();
  return true;
}

void ComparisonSet::addCopy(const QString &label) {
  addCopyOf(m_document->scenario(), m_document->rateCard(),
            label.isEmpty()
                ? tr("Copy at %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")))
                : label);
}

void ComparisonSet::addCopyOf(const core::Scenario &scenario, const core::RateCard &card,
                              const QString &label) {
  if (!canAdd())
    return;
  Column column;
  column.source = Source::Copy;
  column.scenario = scenario;
  column.card = card;
  column.label = uniqueLabel(label);
  m_columns.append(column);
  markChanged();
}

void ComparisonSet::addOptimized() {
  if (!canAdd())
    return;
  for (const Column &column : m_columns)
    if (column.source == Source::Optimized)
      return; // one proposal: it follows the workbench
  Column column;
  column.source = Source::Optimized;
  m_columns.append(column);
  refreshLive();
  markChanged();
}

void ComparisonSet::remove(int index) {
  if (index <= 0 || index >= m_columns.size())
    return;
  m_columns.removeAt(index);
  if (m_baseline == index)
    m_baseline = 0;
  else if (m_baseline > index)
    --m_baseline;
  markChanged();
}

void ComparisonSet::setBaseline(int index) {
  if (index < 0 || index >= m_columns.size() || index == m_baseline)
    return;
  m_baseline = index;
  markChanged();
}

void ComparisonSet::setOptimizeOptions(const core::OptimizeOptions &options) {
  m_options = options;
  markChanged();
}

void ComparisonSet::markChanged() {
  m_dirty = true;
  emit changed();
}

// The workbench and optimized columns follow the open scenario.
void ComparisonSet::refreshLive() {
  for (Column &column : m_columns) {
    if (column.source == Source::Workbench) {
      column.scenario = m_document->scenario();
      column.card = m_document->rateCard();
      column.label = tr("Workbench: %1").arg(m_document->displayName());
    } else if (column.source == Source::Optimized) {
      const core::OptimizedProposal proposal = core::proposeOptimized(
          m_document->scenario(), m_document->rateCard(), m_document->month(), m_options);
      column.scenario = proposal.scenario;
      column.card = m_document->rateCard();
      column.label = tr("Optimized proposal");
      column.changes = proposal.changes;
    }
  }
}

QList<int> ComparisonSet::columnOrder() const {
  QList<int> order = {m_baseline};
  for (int i = 0; i < m_columns.size(); ++i)
    if (i != m_baseline)
      order.append(i);
  return order;
}

const core::Comparison &ComparisonSet::comparison() {
  if (!m_dirty)
    return m_comparison;
  refreshLive();
  std::vector<core::ComparisonInput> inputs;
  for (int index : columnOrder()) {
    const Column &column = m_columns[index];
    inputs.push_back({column.label.toStdString(), column.scenario, column.card});
  }
  m_comparison = core::compareScenarios(inputs, m_document->month());
  m_dirty = false;
  return m_comparison;
}

} // namespace bwi::ui
