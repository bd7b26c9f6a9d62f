#include "ui/compare/comparisontablemodel.h"

#include "ui/charts/chartstyle.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace bwi::ui {
namespace {

QString valueText(const std::optional<double> &value, core::FigureUnit unit) {
  if (!value)
    return QStringLiteral("–");
  switch (unit) {
  case core::FigureUnit::Share:
    return chartstyle::percent(*value);
  case core::FigureUnit::Count:
    return chartstyle::countExact(*value);
  default:
    return chartstyle::usdExact(*value);
  }
}

QString signedText(const std::optional<double> &value, core::FigureUnit unit) {
  if (!value)
    return QString();
  const QString text = valueText(value, unit);
  return *value > 0 ? QStringLiteral("+") + text : text;
}

} // namespace

void ComparisonTableModel::setComparison(const core::Comparison &comparison) {
  beginResetModel();
  m_comparison = comparison;
  endResetModel();
}

int ComparisonTableModel::rowCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : static_cast<int>(m_comparison.rows.size());
}

int ComparisonTableModel::columnCount(const QModelIndex &parent) const {
  const int scenarios = static_cast<int>(m_comparison.labels.size());
  return parent.isValid() || scenarios == 0 ? 0 : 2 * scenarios - 1;
}

QVariant ComparisonTableModel::data(const QModelIndex &index, int role) const {
  if (!index.isValid() || index.row() >= rowCount())
    return {};
  const core::FigureRow &row = m_comparison.rows[static_cast<std::size_t>(index.row())];
  const int scenarios = static_cast<int>(m_comparison.labels.size());
  const bool difference = index.column() >= scenarios;
  const std::size_t scenario =
      static_cast<std::size_t>(difference ? index.column() - scenarios + 1 : index.column());
  switch (role) {
  case Qt::DisplayRole:
    if (!difference)
      return valueText(row.values[scenario], row.unit);
    if (const auto &relative = row.relativeDifferences[scenario];
        relative && row.unit != core::FigureUnit::Share)
      return QStringLiteral("%1 (%2)").arg(signedText(row.differences[scenario], row.unit),
                                           signedText(relative, core::FigureUnit::Share));
    return signedText(row.differences[scenario], row.unit);
  case Qt::ToolTipRole:
    return difference ? tr("%1: %2 minus the baseline")
                            .arg(QString::fromStdString(row.label),
                                 QString::fromStdString(m_comparison.labels[scenario]))
                      : QString::fromStdString(row.label);
  case Qt::TextAlignmentRole:
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
  case Qt::ForegroundRole:
    // Green where the other scenario is better than the baseline (core says
    // which way is better: a larger discount is), vermillion where worse.
    if (difference && row.favourable != core::Favourable::Neither && row.differences[scenario] &&
        std::abs(*row.differences[scenario]) >= 0.005) {
      const bool better =
          (*row.differences[scenario] < 0) == (row.favourable == core::Favourable::Lower);
      return QBrush(better ? chartstyle::colour(chartstyle::Colour::BluishGreen).darker(130)
                           : chartstyle::colour(chartstyle::Colour::Vermillion));
    }
    return {};
  case Qt::FontRole:
    if (row.key == "net_usd") {
      QFont font;
      font.setBold(true);
      return font;
    }
    return {};
  default:
    return {};
  }
}

QVariant ComparisonTableModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
  if (role != Qt::DisplayRole)
    return {};
  if (orientation == Qt::Vertical)
    return section < rowCount()
               ? QString::fromStdString(m_comparison.rows[static_cast<std::size_t>(section)].label)
               : QVariant();
  const int scenarios = static_cast<int>(m_comparison.labels.size());
  if (section < scenarios) {
    const QString label =
        QString::fromStdString(m_comparison.labels[static_cast<std::size_t>(section)]);
    return section == 0 ? tr("%1\n(baseline)").arg(label) : label;
  }
  if (section < 2 * scenarios - 1)
    return tr("Δ %1").arg(QString::fromStdString(
        m_comparison.labels[static_cast<std::size_t>(section - scenarios + 1)]));
  return {};
}

} // namespace bwi::ui
