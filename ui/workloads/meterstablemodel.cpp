#include "ui/workloads/meterstablemodel.h"

#include "core/common/moneyformat.h"
#include "core/model/meterkinds.h"
#include "core/model/scenariofields.h"
#include "ui/document/scenariodocument.h"
#include "ui/tables/tablecells.h"

#include <algorithm>

namespace bwi::ui {

MetersTableModel::MetersTableModel(ScenarioDocument *document, QObject *parent)
    : RowSyncTableModel(parent), m_document(document) {
  connect(m_document, &ScenarioDocument::scenarioChanged, this, &MetersTableModel::refresh);
  connect(m_document, &ScenarioDocument::selectionChanged, this, &MetersTableModel::refresh);
  refresh();
}

const core::Workload *MetersTableModel::workload() const {
  return m_document->selectedWorkloadData();
}

void MetersTableModel::refresh() {
  const core::Workload *shown = workload();
  syncRows(shown ? static_cast<int>(shown->meters.size()) : 0, ColumnCount);
}

int MetersTableModel::columnCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

QVariant MetersTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal)
    return {};
  if (role == Qt::ToolTipRole) {
    switch (section) {
    case PerRequestColumn:
      return tr("Units a request, in the meter's unit: grows with volume and growth.");
    case PerMonthColumn:
      return tr("Units a month whatever the traffic: a floor (an OpenSearch Serverless "
                "collection's 2 OCUs every hour).");
    case TypedRateColumn:
      return tr("A negotiated or custom rate, USD per unit; empty uses the rate card's.");
    default:
      return {};
    }
  }
  if (role != Qt::DisplayRole)
    return {};
  switch (section) {
  case KindColumn:
    return tr("Kind");
  case NameColumn:
    return tr("Name");
  case UnitColumn:
    return tr("Unit");
  case PerRequestColumn:
    return tr("Per request");
  case PerMonthColumn:
    return tr("Per month (floor)");
  case TypedRateColumn:
    return tr("Typed rate");
  case RateColumn:
    return tr("Rate used");
  case CostColumn:
    return tr("Cost this month");
  case SourceColumn:
    return tr("Source");
  default:
    return {};
  }
}

Qt::ItemFlags MetersTableModel::flags(const QModelIndex &index) const {
  Qt::ItemFlags flags = RowSyncTableModel::flags(index);
  if (index.column() <= TypedRateColumn)
    flags |= Qt::ItemIsEditable;
  return flags;
}

QVariant MetersTableModel::data(const QModelIndex &index, int role) const {
  const core::Workload *shown = workload();
  if (!index.isValid() || !shown || index.row() >= static_cast<int>(shown->meters.size()))
    return {};
  const core::MeterUse &meter = shown->meters[static_cast<std::size_t>(index.row())];
  const core::MeterRate *card = core::findMeterRate(m_document->rateCard(), meter.kind);
  // The month's figure for this meter, as core costed it.
  const core::MeterResult *result = nullptr;
  int nth = 0;
  for (const core::MeterResult &row : m_document->workbench().evaluation.meters)
    if (row.workloadId == shown->id && nth++ == index.row())
      result = &row;
  const int column = index.column();
  if (role == Qt::DisplayRole || role == Qt::EditRole) {
    const bool edit = role == Qt::EditRole;
    switch (column) {
    case KindColumn:
      return toQString(meter.kind);
    case NameColumn:
      return toQString(!meter.name.empty() ? meter.name : card ? card->name : meter.kind);
    case UnitColumn:
      return toQString(!meter.unit.empty() ? meter.unit : card ? card->unit : std::string());
    case PerRequestColumn:
      return edit ? editNumber(meter.perRequest) : formatNumber(meter.perRequest, 6);
    case PerMonthColumn:
      return edit ? editNumber(meter.perMonth) : formatNumber(meter.perMonth, 3);
    case TypedRateColumn:
      if (!meter.usdPerUnit)
        return edit ? QString() : tr("card");
      return edit ? editNumber(*meter.usdPerUnit) : formatPrice(*meter.usdPerUnit);
    case RateColumn:
      if (!result)
        return QStringLiteral("\u2014");
      return (result->estimate ? QStringLiteral("\u2248") : QString()) +
             toQString(core::formatUsdPerUnit(result->usdPerUnit));
    case CostColumn:
      return result ? toQString(core::formatUsdExact(result->costUsd)) : QStringLiteral("\u2014");
    case SourceColumn:
      if (meter.usdPerUnit)
        return tr("typed in the scenario");
      return card ? toQString(card->source + " (" + card->sourceDate + ")") : QString();
    default:
      return {};
    }
  }
  if (role == Qt::ToolTipRole) {
    if (column == SourceColumn || column == RateColumn) {
      if (meter.usdPerUnit)
        return tr("A rate typed into the scenario (negotiated or custom): %1 per %2.")
            .arg(formatPrice(*meter.usdPerUnit),
                 data(index.siblingAtColumn(UnitColumn), Qt::DisplayRole).toString());
      if (card)
        return toQString(card->source + "\n" + card->sourceDate +
                         (card->estimate ? "\nAn estimate: not a published figure." : "") +
                         (card->note.empty() ? "" : "\n" + card->note));
    }
    if (column == CostColumn && result)
      return tr("%1 %2 × %3 = %4 gross this month")
          .arg(formatNumber(result->quantity, 3), toQString(result->unit),
               toQString(core::formatUsdPerUnit(result->usdPerUnit)),
               toQString(core::formatUsdExact(result->costUsd)));
    return {};
  }
  if (role == Qt::TextAlignmentRole)
    return column >= PerRequestColumn && column <= CostColumn
               ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
               : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
  if (role == Qt::ForegroundRole && column == TypedRateColumn && !meter.usdPerUnit)
    return missingColor();
  if (role == Qt::BackgroundRole && column == TypedRateColumn && meter.usdPerUnit)
    return overrideBackground();
  if (role == ChoicesRole && column == KindColumn) {
    QVariantList choices;
    bool listed = false;
    for (const core::MeterRate &rate : m_document->rateCard().meters) {
      choices.append(QVariantMap{{QStringLiteral("text"), toQString(rate.kind + " · " + rate.name)},
                                 {QStringLiteral("value"), toQString(rate.kind)}});
      listed = listed || rate.kind == meter.kind;
    }
    if (!listed)
      choices.prepend(QVariantMap{{QStringLiteral("text"), toQString(meter.kind)},
                                  {QStringLiteral("value"), toQString(meter.kind)}});
    return choices;
  }
  return {};
}

std::optional<core::MeterUse> MetersTableModel::edited(const core::MeterUse &meter, int column,
                                                       const QVariant &value,
                                                       QString *error) const {
  core::MeterUse next = meter;
  const QString text = value.toString().trimmed();
  switch (column) {
  case KindColumn:
    if (text.isEmpty()) {
      *error = tr("A meter needs a kind.");
      return std::nullopt;
    }
    next.kind = text.toStdString();
    return next;
  case NameColumn:
  case UnitColumn: {
    // The card's own name or unit typed back is no custom one.
    const core::MeterRate *card = core::findMeterRate(m_document->rateCard(), meter.kind);
    std::string typed = text.toStdString();
    if (card && typed == (column == NameColumn ? card->name : card->unit))
      typed.clear();
    (column == NameColumn ? next.name : next.unit) = typed;
    return next;
  }
  case TypedRateColumn:
    if (text.isEmpty() || text.compare(tr("card"), Qt::CaseInsensitive) == 0) {
      next.usdPerUnit.reset();
      return next;
    }
    [[fallthrough]];
  default:
    break;
  }
  const std::optional<double> number = parseNumberText(text);
  if (!number || *number < 0) {
    *error = tr("\"%1\" is not a quantity or price of 0 or more.").arg(text);
    return std::nullopt;
  }
  (column == PerRequestColumn ? next.perRequest
   : column == PerMonthColumn ? next.perMonth
                              : next.usdPerUnit.emplace()) = *number;
  return next;
}

bool MetersTableModel::setData(const QModelIndex &index, const QVariant &value, int role) {
  const core::Workload *shown = workload();
  if (role != Qt::EditRole || !shown || !index.isValid() ||
      index.row() >= static_cast<int>(shown->meters.size()) || index.column() > TypedRateColumn)
    return false;
  QString error;
  const auto next =
      edited(shown->meters[static_cast<std::size_t>(index.row())], index.column(), value, &error);
  if (!next) {
    emit statusMessage(error);
    return false;
  }
  std::vector<core::MeterUse> meters = shown->meters;
  if (meters[static_cast<std::size_t>(index.row())] == *next)
    return true;
  meters[static_cast<std::size_t>(index.row())] = *next;
  return replaceMeters(
      std::move(meters),
      tr("Change meter %1")
          .arg(headerData(index.column(), Qt::Horizontal, Qt::DisplayRole).toString().toLower()));
}

bool MetersTableModel::replaceMeters(std::vector<core::MeterUse> meters, const QString &undoText) {
  const core::FieldKey key{core::Field::Meters, m_document->selectedWorkload()};
  const core::FieldValue value{std::move(meters)};
  if (!m_document->setValue(key, value, undoText)) {
    emit statusMessage(refusalReason(*m_document, key, value));
    return false;
  }
  return true;
}

bool MetersTableModel::addMeter() {
  const core::Workload *shown = workload();
  if (!shown) {
    emit statusMessage(tr("Select a workload to add a meter to."));
    return false;
  }
  for (const core::MeterRate &rate : m_document->rateCard().meters) {
    if (core::findMeter(*shown, rate.kind))
      continue;
    std::vector<core::MeterUse> meters = shown->meters;
    meters.push_back({rate.kind, 0, 0, std::nullopt, "", "", ""});
    return replaceMeters(std::move(meters), tr("Add meter"));
  }
  // The card prices nothing else: a custom meter, which needs a typed rate.
  std::string kind = "custom";
  for (int n = 2; core::findMeter(*shown, kind); ++n)
    kind = "custom." + std::to_string(n);
  std::vector<core::MeterUse> meters = shown->meters;
  meters.push_back({kind, 0, 0, 0.0, "Custom meter", "unit", ""});
  return replaceMeters(std::move(meters), tr("Add meter"));
}

bool MetersTableModel::removeMeter(int row) {
  const core::Workload *shown = workload();
  if (!shown || row < 0 || row >= static_cast<int>(shown->meters.size()))
    return false;
  std::vector<core::MeterUse> meters = shown->meters;
  meters.erase(meters.begin() + row);
  return replaceMeters(std::move(meters), tr("Remove meter"));
}

} // namespace bwi::ui
