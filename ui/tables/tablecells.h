#pragma once

#include "core/model/scenariofields.h"

#include <QColor>
#include <QFont>
#include <QString>
#include <QStyledItemDelegate>

#include <optional>

class QTableView;

// What the table models share: reading typed numbers, writing them back,
// the look of missing and overridden cells, and a combo-box editor.
namespace bwi::ui {

class ScenarioDocument;

// Roles the table models answer beyond Qt's own.
enum TableRole {
  // QVariantList of QVariantMap {"text", "value"}: the cell is edited with a
  // combo box offering these choices; setData receives the chosen "value".
  ChoicesRole = Qt::UserRole + 1,
  SearchRole, // text a filter matches
  SortRole,   // a number for numeric columns, so sorting is by value
};

// What a user types into a numeric cell: "2,500,000", "2.5M", "40 %", "$0.25",
// "12k". nullopt when it is not a number.
std::optional<double> parseNumberText(const QString &text);

// "2,500,000" or "1.25": group separators, at most `maxDecimals`, no trailing zeros.
QString formatNumber(double value, int maxDecimals);
// A price: at least two decimals, up to nine, no trailing zeros past the second
// ("3.00", "0.035", "0.00000875").
QString formatPrice(double value);
// The number as a user would retype it: plain, no grouping ("2500000", "0.035").
QString editNumber(double value);
// `value` rounded to 12 significant digits: keeps a unit conversion (×1000,
// ÷100) from writing 0.035000000000000003 into the scenario file.
double roundSignificant(double value);

// Why the document refused `value` for `key`: the validator's first issue,
// or a generic line when there is none.
QString refusalReason(const ScenarioDocument &document, const core::FieldKey &key,
                      const core::FieldValue &value);

// The look of a cell whose figure does not exist ("quote needed", "—").
QFont missingFont();
QColor missingColor();
// The look of a negotiated override.
QColor overrideBackground();
QColor overrideForeground();

// The editing behaviour every editable table shares: double-click, F2 or typing
// edits a cell; Tab leaves the table (arrows move between cells); alternating
// rows, no wrapping, no row numbers, rows one line of text high.
void setUpEditableTable(QTableView *table);

// Edits cells that answer ChoicesRole with a combo box; every other cell
// gets the default editor.
class ChoiceDelegate : public QStyledItemDelegate {
  Q_OBJECT

public:
  using QStyledItemDelegate::QStyledItemDelegate;

  QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                        const QModelIndex &index) const override;
  void setEditorData(QWidget *editor, const QModelIndex &index) const override;
  void setModelData(QWidget *editor, QAbstractItemModel *model,
                    const QModelIndex &index) const override;
};

} // namespace bwi::ui
