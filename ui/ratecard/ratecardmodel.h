#pragma once

#include "core/model/ratecard.h"

#include "ui/tables/rowsynctablemodel.h"

#include <optional>

namespace bwi::ui {

class ScenarioDocument;

// Every model of the document's rate card (overrides applied), one a row.
// Price cells are editable: a typed value becomes a negotiated override in
// the scenario (ScenarioDocument::setValue with Field::RateOverride), an
// emptied cell removes it. Token prices are stored per 1M tokens and shown
// per 1M or per 1K (a display unit only).
class RateCardModel : public RowSyncTableModel {
  Q_OBJECT

public:
  enum Column {
    IdColumn,
    NameColumn,
    ProviderColumn,
    TierColumn,
    MarketplaceColumn,
    InputColumn,
    OutputColumn,
    BatchInputColumn,
    BatchOutputColumn,
    CacheReadColumn,
    CacheWriteColumn,
    PtRateColumn,
    PtInputTpmColumn,
    PtOutputTpmColumn,
    ReservedInputColumn,
    ReservedOutputColumn,
    SourceColumn,
    SourceDateColumn,
    ColumnCount
  };

  explicit RateCardModel(ScenarioDocument *document, QObject *parent = nullptr);

  // Show token prices per 1,000 tokens instead of per 1,000,000.
  bool perThousand() const { return m_perThousand; }
  void setPerThousand(bool perThousand);

  // The dotted rate-card field a column shows ("on_demand.input_per_1m");
  // empty for columns that are not prices.
  static QString overrideField(int column);
  // Whether the column is a token price (the per-1K toggle applies).
  static bool isTokenPriceColumn(int column);

  int columnCount(const QModelIndex &parent = {}) const override;
  QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation,
                      int role = Qt::DisplayRole) const override;
  Qt::ItemFlags flags(const QModelIndex &index) const override;
  // A number in the displayed unit sets an override; empty text removes it.
  // A Reserved cell also takes "input / output" to set both prices of a term
  // AWS has not priced. Refusals emit statusMessage and return false.
  bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

signals:
  void statusMessage(const QString &message);

private:
  void refresh();
  const core::ModelRates *modelAt(int row) const;
  bool overridden(const core::ModelRates &model, int column) const;
  QVariant textData(const core::ModelRates &model, int column) const;
  QString toolTip(const core::ModelRates &model, int column) const;
  QString listPriceText(const core::ModelRates &model, int column) const;
  QString priceText(double value, int column) const;
  QString valueWithUnit(double value, int column) const;
  bool setReservedPair(const core::ModelRates &model, const QString &text);

  ScenarioDocument *m_document;
  bool m_perThousand = false;
};

} // namespace bwi::ui
