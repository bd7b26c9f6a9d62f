#include "ui/workloads/workloadstablemodel.h"

#include "core/common/moneyformat.h"
#include "ui/document/scenariodocument.h"
#include "ui/tables/tablecells.h"

#include <QStringList>

#include <algorithm>

namespace bwi::ui {
namespace {

struct NumberRange {
  double min;
  double max;
};

bool isNumberColumn(int column) {
  switch (column) {
  case WorkloadsTableModel::RequestsColumn:
  case WorkloadsTableModel::VolumeColumn:
  case WorkloadsTableModel::GrowthColumn:
  case WorkloadsTableModel::OutputTokensColumn:
  case WorkloadsTableModel::CallsColumn:
  case WorkloadsTableModel::BatchShareColumn:
  case WorkloadsTableModel::CostColumn:
    return true;
  default:
    return false;
  }
}

// Columns shown and typed in percent while the scenario stores a share.
bool isPercentColumn(int column) {
  return column == WorkloadsTableModel::GrowthColumn ||
         column == WorkloadsTableModel::BatchShareColumn;
}

// The ranges the scenario file accepts (core/files/scenariojson.cpp), in the
// column's own unit (percent for percent columns).
NumberRange rangeOf(int column) {
  switch (column) {
  case WorkloadsTableModel::RequestsColumn:
    return {0, 1e15};
  case WorkloadsTableModel::VolumeColumn:
    return {0, 1e6};
  case WorkloadsTableModel::GrowthColumn:
    return {-100, 1000};
  case WorkloadsTableModel::OutputTokensColumn:
    return {0, 1e9};
  case WorkloadsTableModel::CallsColumn:
    return {1, 1e4};
  case WorkloadsTableModel::BatchShareColumn:
    return {0, 100};
  default:
    return {0, 0};
  }
}

QString percentText(double share) { return formatNumber(share * 100, 1) + QLatin1Char('%'); }

QString tierText(core::ServiceTier tier) {
  switch (tier) {
  case core::ServiceTier::Standard:
    return WorkloadsTableModel::tr("Standard");
  case core::ServiceTier::Priority:
    return WorkloadsTableModel::tr("Priority");
  case core::ServiceTier::Flex:
    return WorkloadsTableModel::tr("Flex");
  }
  return {};
}

QString undoText(core::Field field) {
  switch (field) {
  case core::Field::WorkloadName:
    return WorkloadsTableModel::tr("Rename workload");
  case core::Field::WorkloadTeam:
    return WorkloadsTableModel::tr("Change workload team");
  case core::Field::RequestsPerMonth:
    return WorkloadsTableModel::tr("Change requests per month");
  case core::Field::VolumeMultiplier:
    return WorkloadsTableModel::tr("Change volume multiplier");
  case core::Field::GrowthPerMonth:
    return WorkloadsTableModel::tr("Change monthly growth");
  case core::Field::OutputTokens:
    return WorkloadsTableModel::tr("Change output tokens");
  case core::Field::CallsPerRequest:
    return WorkloadsTableModel::tr("Change calls per request");
  case core::Field::BatchShare:
    return WorkloadsTableModel::tr("Change batch share");
  case core::Field::ServiceTier:
    return WorkloadsTableModel::tr("Change service tier");
  default:
    return WorkloadsTableModel::tr("Edit workload");
  }
}

// "Nova Lite" for "Amazon Nova Lite": the provider column of the rate card
// already says who makes it.
QString shortModelName(const core::RateCard &card, const std::string &modelId) {
  const core::ModelRates *model = card.find(modelId);
  if (!model || model->name.empty())
    return toQString(modelId);
  QString name = toQString(model->name);
  const QString provider = toQString(model->provider) + QLatin1Char(' ');
  if (provider.size() > 1 && name.startsWith(provider) && name.size() > provider.size())
    name.remove(0, provider.size());
  return name;
}

core::FieldKey workloadKey(core::Field field, int row) {
  core::FieldKey key;
  key.field = field;
  key.workload = row;
  return key;
}

const core::NamedCost *costOf(const core::Evaluation &evaluation, const std::string &id) {
  const auto it = std::find_if(evaluation.byWorkload.begin(), evaluation.byWorkload.end(),
                               [&](const core::NamedCost &cost) { return cost.key == id; });
  return it == evaluation.byWorkload.end() ? nullptr : &*it;
}

} // namespace

QVariantList WorkloadsTableModel::serviceTierChoices() {
  QVariantList choices;
  for (const core::ServiceTier tier :
       {core::ServiceTier::Standard, core::ServiceTier::Priority, core::ServiceTier::Flex})
    choices.append(QVariantMap{{QStringLiteral("text"), tierText(tier)},
                               {QStringLiteral("value"), toQString(std::string(toString(tier)))}});
  return choices;
}

WorkloadsTableModel::WorkloadsTableModel(ScenarioDocument *document, QObject *parent)
    : RowSyncTableModel(parent), m_document(document) {
  connect(m_document, &ScenarioDocument::scenarioChanged, this, &WorkloadsTableModel::refresh);
  refresh();
}

std::optional<core::Field> WorkloadsTableModel::fieldOf(int column) {
  switch (column) {
  case NameColumn:
    return core::Field::WorkloadName;
  case TeamColumn:
    return core::Field::WorkloadTeam;
  case RequestsColumn:
    return core::Field::RequestsPerMonth;
  case VolumeColumn:
    return core::Field::VolumeMultiplier;
  case GrowthColumn:
    return core::Field::GrowthPerMonth;
  case OutputTokensColumn:
    return core::Field::OutputTokens;
  case CallsColumn:
    return core::Field::CallsPerRequest;
  case BatchShareColumn:
    return core::Field::BatchShare;
  case ServiceTierColumn:
    return core::Field::ServiceTier;
  default:
    return std::nullopt;
  }
}

// The rows are the document's workloads by index (RowSyncTableModel); the
// view then restores the selection from the document.
void WorkloadsTableModel::refresh() {
  syncRows(static_cast<int>(m_document->scenario().workloads.size()), ColumnCount);
}

int WorkloadsTableModel::columnCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags WorkloadsTableModel::flags(const QModelIndex &index) const {
  Qt::ItemFlags result = RowSyncTableModel::flags(index);
  if (index.isValid() && fieldOf(index.column()))
    result |= Qt::ItemIsEditable;
  return result;
}

QVariant WorkloadsTableModel::data(const QModelIndex &index, int role) const {
  const auto &workloads = m_document->scenario().workloads;
  if (!index.isValid() || index.row() >= static_cast<int>(workloads.size()))
    return {};
  const int row = index.row();
  const int column = index.column();
  const core::Workload &workload = workloads[static_cast<std::size_t>(row)];
  switch (role) {
  case Qt::DisplayRole:
    return displayData(row, column);
  case Qt::EditRole:
    return editData(row, column);
  case Qt::ToolTipRole:
    return toolTipData(row, column);
  case Qt::TextAlignmentRole:
    return isNumberColumn(column) ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                  : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
  case Qt::FontRole:
    if (column == TeamColumn && !workload.team)
      return missingFont();
    if (column == CostColumn) {
      QFont font;
      font.setBold(true);
      return font;
    }
    return {};
  case Qt::ForegroundRole:
    if ((column == TeamColumn && !workload.team) || column == IdColumn)
      return missingColor();
    return {};
  case ChoicesRole:
    return column == ServiceTierColumn ? QVariant(serviceTierChoices()) : QVariant();
  default:
    return {};
  }
}

QVariant WorkloadsTableModel::displayData(int row, int column) const {
  const core::Workload &workload = m_document->scenario().workloads[static_cast<std::size_t>(row)];
  switch (column) {
  case IdColumn:
    return toQString(workload.id);
  case NameColumn:
    return toQString(workload.name);
  case TeamColumn:
    return workload.team ? toQString(*workload.team) : tr("(no team)");
  case RequestsColumn:
    return formatNumber(workload.requestsPerMonth, 2);
  case VolumeColumn:
    return formatNumber(workload.volumeMultiplier, 3) + QChar(u'\u00d7');
  case GrowthColumn:
    return percentText(workload.growthPerMonth);
  case OutputTokensColumn:
    return formatNumber(workload.tokens.output, 1);
  case CallsColumn:
    return formatNumber(workload.tokens.callsPerRequest, 2);
  case BatchShareColumn:
    return percentText(workload.batchShare);
  case ServiceTierColumn:
    return tierText(workload.serviceTier);
  case ModelsColumn:
    return routingSummary(row);
  case CostColumn: {
    const core::NamedCost *cost = costOf(m_document->workbench().evaluation, workload.id);
    return cost ? toQString(core::formatUsdExact(cost->usd)) : QStringLiteral("\u2014");
  }
  default:
    return {};
  }
}

QVariant WorkloadsTableModel::editData(int row, int column) const {
  const auto field = fieldOf(column);
  if (!field)
    return displayData(row, column);
  const core::FieldValue value = core::getField(m_document->scenario(), workloadKey(*field, row));
  if (const auto *text = std::get_if<std::string>(&value))
    return toQString(*text);
  if (const auto *number = std::get_if<double>(&value))
    return editNumber(isPercentColumn(column) ? roundSignificant(*number * 100) : *number);
  return {};
}

QVariant WorkloadsTableModel::toolTipData(int row, int column) const {
  const core::Workload &workload = m_document->scenario().workloads[static_cast<std::size_t>(row)];
  switch (column) {
  case IdColumn:
    return tr("Workload id %1: how the scenario file and the cost breakdowns name this "
              "workload (not editable here).")
        .arg(toQString(workload.id));
  case TeamColumn:
    return workload.team ? QVariant()
                         : QVariant(tr("No team: costs show under \"(no team)\". Type a "
                                       "team name to allocate them."));
  case ModelsColumn: {
    QStringList lines{tr("Routing (share of this workload's requests):")};
    for (const core::RoutingShare &route : workload.routing)
      lines.append(
          QStringLiteral("%1  %2").arg(percentText(route.share), toQString(route.modelId)) +
          (m_document->rateCard().find(route.modelId)
               ? QString()
               : tr("  (no price: left out of the totals; map it or type a price on the "
                    "Workloads tab's \"No price\" button)")));
    if (workload.routing.empty())
      lines.append(tr("(not routed to any model)"));
    return lines.join(QLatin1Char('\n'));
  }
  case CostColumn: {
    const core::NamedCost *cost = costOf(m_document->workbench().evaluation, workload.id);
    if (!cost)
      return tr("No cost computed for this workload.");
    QStringList lines{tr("Gross cost this month, before the private-pricing discount: %1")
                          .arg(toQString(core::formatUsdExact(cost->usd)))};
    const std::pair<QString, double> modes[] = {
        {tr("On-demand"), cost->modes.onDemand}, {tr("Overflow"), cost->modes.overflow},
        {tr("Batch"), cost->modes.batch},        {tr("Provisioned"), cost->modes.provisioned},
        {tr("Reserved"), cost->modes.reserved},  {tr("Meters"), cost->modes.meters}};
    for (const auto &[label, usd] : modes)
      if (usd != 0)
        lines.append(QStringLiteral("  %1: %2").arg(label, toQString(core::formatUsdExact(usd))));
    return lines.join(QLatin1Char('\n'));
  }
  case ServiceTierColumn:
    return tr("Standard, Priority (faster, dearer) or Flex (cheaper, slower); a model "
              "that does not offer the tier is billed at Standard (with a warning).");
  default:
    return {};
  }
}

QString WorkloadsTableModel::routingSummary(int row) const {
  const core::Workload &workload = m_document->scenario().workloads[static_cast<std::size_t>(row)];
  QStringList parts;
  for (const core::RoutingShare &route : workload.routing)
    parts.append(QStringLiteral("%1 %2").arg(shortModelName(m_document->rateCard(), route.modelId),
                                             percentText(route.share)) +
                 (m_document->rateCard().find(route.modelId) ? QString() : tr(" (no price)")));
  return parts.isEmpty() ? tr("(none)") : parts.join(QStringLiteral(" \u00b7 "));
}

QVariant WorkloadsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal)
    return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
  if (role == Qt::TextAlignmentRole)
    return isNumberColumn(section) ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                   : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
  if (role == Qt::DisplayRole) {
    switch (section) {
    case IdColumn:
      return tr("Id");
    case NameColumn:
      return tr("Name");
    case TeamColumn:
      return tr("Team");
    case RequestsColumn:
      return tr("Requests\n/ month");
    case VolumeColumn:
      return tr("Volume\n\u00d7");
    case GrowthColumn:
      return tr("Growth\n/ month");
    case OutputTokensColumn:
      return tr("Output tokens\n/ call");
    case CallsColumn:
      return tr("Calls\n/ request");
    case BatchShareColumn:
      return tr("Batch\nshare");
    case ServiceTierColumn:
      return tr("Service\ntier");
    case ModelsColumn:
      return tr("Models");
    case CostColumn:
      return tr("Cost / month\n(gross)");
    default:
      return {};
    }
  }
  if (role == Qt::ToolTipRole) {
    switch (section) {
    case RequestsColumn:
      return tr("Requests per month at the pilot volume (before the volume multiplier and "
                "growth). Accepts 2500000, 2,500,000 or 2.5M.");
    case VolumeColumn:
      return tr("Pilot-to-production factor on this workload's requests.");
    case GrowthColumn:
      return tr("Compound growth of requests per month, in percent (-100 to 1000).");
    case OutputTokensColumn:
      return tr("Output tokens each model call generates.");
    case CallsColumn:
      return tr("Model calls per request (agent chain length, at least 1).");
    case BatchShareColumn:
      return tr("Share of requests that tolerate latency and run as batch inference (0 to "
                "100%).");
    case ModelsColumn:
      return tr("How the workload's requests are routed to models (edited with the routing "
                "controls).");
    case CostColumn:
      return tr("Gross monthly cost of the workload at the selected month, before the "
                "private-pricing discount.");
    default:
      return {};
    }
  }
  return {};
}

std::optional<core::FieldValue> WorkloadsTableModel::parseEdit(int column, const QVariant &value,
                                                               QString *error) const {
  const QString text = value.toString().trimmed();
  switch (column) {
  case NameColumn:
    if (text.isEmpty()) {
      *error = tr("A workload needs a name.");
      return std::nullopt;
    }
    return core::FieldValue{text.toStdString()};
  case TeamColumn:
    return core::FieldValue{text.toStdString()}; // empty: no team
  case ServiceTierColumn:
    if (!core::serviceTierFromString(text.toStdString())) {
      *error = tr("The service tier is Standard, Priority or Flex.");
      return std::nullopt;
    }
    return core::FieldValue{text.toStdString()};
  default:
    break;
  }
  const std::optional<double> number = parseNumberText(text);
  if (!number) {
    *error = tr("\"%1\" is not a number.").arg(text);
    return std::nullopt;
  }
  const NumberRange range = rangeOf(column);
  if (*number < range.min || *number > range.max) {
    const QString unit = isPercentColumn(column) ? QStringLiteral("%") : QString();
    *error = tr("%1 must be between %2%4 and %3%4.")
                 .arg(headerData(column, Qt::Horizontal)
                          .toString()
                          .replace(QLatin1Char('\n'), QLatin1Char(' ')),
                      formatNumber(range.min, 0), formatNumber(range.max, 0), unit);
    return std::nullopt;
  }
  return core::FieldValue{isPercentColumn(column) ? roundSignificant(*number / 100) : *number};
}

bool WorkloadsTableModel::setData(const QModelIndex &index, const QVariant &value, int role) {
  const auto field = index.isValid() ? fieldOf(index.column()) : std::nullopt;
  if (role != Qt::EditRole || !field || index.row() >= rows())
    return false;
  QString error;
  const std::optional<core::FieldValue> parsed = parseEdit(index.column(), value, &error);
  if (!parsed) {
    emit statusMessage(error);
    return false;
  }
  const core::FieldKey key = workloadKey(*field, index.row());
  if (!m_document->setValue(key, *parsed, undoText(*field))) {
    emit statusMessage(refusalReason(*m_document, key, *parsed));
    return false;
  }
  return true;
}

} // namespace bwi::ui
