#pragma once

#include "core/analysis/optimizedproposal.h"
#include "core/analysis/scenariocomparison.h"
#include "core/model/ratecard.h"
#include "core/model/scenario.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>
#include <vector>

namespace bwi::ui {

class ScenarioDocument;

// The scenarios the Compare tab puts side by side: the workbench's own
// (always the first column, live), and up to three more: files, copies of
// the workbench's scenario taken at a moment, and the optimizer's proposal
// (live: re-proposed from the workbench's scenario as it changes). One of
// them is the baseline the differences and the waterfall start from.
// The comparison itself is core's, recomputed when something changed and
// someone asks for it.
class ComparisonSet : public QObject {
  Q_OBJECT

public:
  enum class Source { Workbench, File, Copy, Optimized };
  struct Column {
    Source source = Source::Workbench;
    QString label;
    QString path;            // Source::File
    core::Scenario scenario; // File and Copy; the others are read live
    core::RateCard card;     // overrides applied
    // Optimized: what the optimizer changed, each with the quality rule its move obeyed.
    std::vector<core::ProposedChange> changes;
  };

  explicit ComparisonSet(ScenarioDocument *document, QObject *parent = nullptr);

  int count() const { return static_cast<int>(m_columns.size()); }
  const Column &column(int index) const { return m_columns[index]; }
  bool canAdd() const;
  bool addFile(const QString &path, QString *error);
  void addCopy(const QString &label = {});
  // A copy of a given scenario (what the workbench had before a change).
  void addCopyOf(const core::Scenario &scenario, const core::RateCard &card, const QString &label);
  void addOptimized();
  void remove(int index); // not the workbench column
  int baseline() const { return m_baseline; }
  void setBaseline(int index);
  core::OptimizeOptions optimizeOptions() const { return m_options; }
  void setOptimizeOptions(const core::OptimizeOptions &options);

  // The comparison with the baseline first; columnOrder() maps its
  // scenarios back to columns.
  const core::Comparison &comparison();
  QList<int> columnOrder() const;

signals:
  void changed();

private:
  void markChanged();
  void refreshLive();
  QString uniqueLabel(const QString &wanted) const;

  ScenarioDocument *m_document;
  QList<Column> m_columns;
  int m_baseline = 0;
  core::OptimizeOptions m_options;
  bool m_dirty = true;
  core::Comparison m_comparison;
};

} // namespace bwi::ui
