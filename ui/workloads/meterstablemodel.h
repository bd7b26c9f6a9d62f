#pragma once

#include "core/model/scenario.h"
#include "ui/tables/rowsynctablemodel.h"

#include <optional>

namespace bwi::ui {

class ScenarioDocument;

// The meters of the selected workload (docs/cost-model.md §18):
// kind, quantities and a typed rate editable; the rate used, its source and
// the month's cost as core computed them. Each edit replaces the workload's
// meter list in one undo step (core::Field::Meters).
class MetersTableModel : public RowSyncTableModel {
  Q_OBJECT

public:
  enum Column {
    KindColumn,
    NameColumn,
    UnitColumn,
    PerRequestColumn,
    PerMonthColumn,
    TypedRateColumn,
    RateColumn,
    CostColumn,
    SourceColumn,
    ColumnCount
  };

  explicit MetersTableModel(ScenarioDocument *document, QObject *parent = nullptr);

  int columnCount(const QModelIndex &parent = {}) const override;
  QVariant data(const QModelIndex &index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
  Qt::ItemFlags flags(const QModelIndex &index) const override;
  bool setData(const QModelIndex &index, const QVariant &value, int role) override;

  // Adds a meter of the first card kind the workload does not use yet;
  // false (with a status message) when there is no workload or none is left.
  bool addMeter();
  bool removeMeter(int row);

signals:
  void statusMessage(const QString &message);

private:
  void refresh();
  const core::Workload *workload() const;
  bool replaceMeters(std::vector<core::MeterUse> meters, const QString &undoText);
  std::optional<core::MeterUse> edited(const core::MeterUse &meter, int column,
                                       const QVariant &value, QString *error) const;

  ScenarioDocument *m_document;
};

} // namespace bwi::ui
