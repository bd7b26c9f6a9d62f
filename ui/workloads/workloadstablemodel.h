#pragma once

#include "core/model/scenariofields.h"

#include "ui/tables/rowsynctablemodel.h"

#include <optional>

namespace bwi::ui {

class ScenarioDocument;

// The scenario's workloads, one a row, in file order (row = workload index).
// Holds no copy of the scenario: every cell reads the document, every edit is
// ScenarioDocument::setValue. Costs come from the document's workbench.
class WorkloadsTableModel : public RowSyncTableModel {
  Q_OBJECT

public:
  enum Column {
    IdColumn,
    NameColumn,
    TeamColumn,
    RequestsColumn,
    VolumeColumn,
    GrowthColumn,
    OutputTokensColumn,
    CallsColumn,
    BatchShareColumn,
    ServiceTierColumn,
    ModelsColumn,
    CostColumn,
    ColumnCount
  };

  explicit WorkloadsTableModel(ScenarioDocument *document, QObject *parent = nullptr);

  int columnCount(const QModelIndex &parent = {}) const override;
  QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;
  Qt::ItemFlags flags(const QModelIndex &index) const override;
  // Parses and checks the typed value, then calls ScenarioDocument::setValue;
  // on a refusal emits statusMessage and returns false.
  bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

  // The scenario field a column edits; nullopt for read-only columns.
  static std::optional<core::Field> fieldOf(int column);
  // The service tiers as the tier column's combo box offers them (ChoicesRole).
  static QVariantList serviceTierChoices();

signals:
  void statusMessage(const QString &message);

private:
  void refresh();
  QVariant displayData(int row, int column) const;
  QVariant editData(int row, int column) const;
  QVariant toolTipData(int row, int column) const;
  std::optional<core::FieldValue> parseEdit(int column, const QVariant &value,
                                            QString *error) const;
  QString routingSummary(int row) const;

  ScenarioDocument *m_document;
};

} // namespace bwi::ui
