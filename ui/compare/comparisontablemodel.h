#pragma once

#include "core/analysis/scenariocomparison.h"

#include <QAbstractTableModel>

namespace bwi::ui {

// The key figures of a comparison, read-only: a row per figure, a column
// per scenario (the baseline first), then one "Δ" column per compared
// scenario. Lower cost shows green, higher red.
class ComparisonTableModel : public QAbstractTableModel {
  Q_OBJECT

public:
  using QAbstractTableModel::QAbstractTableModel;

  void setComparison(const core::Comparison &comparison);

  int rowCount(const QModelIndex &parent = {}) const override;
  int columnCount(const QModelIndex &parent = {}) const override;
  QVariant data(const QModelIndex &index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
  core::Comparison m_comparison;
};

} // namespace bwi::ui
