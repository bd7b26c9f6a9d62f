#include "ui/ratecard/ratecardmodel.h"

#include "core/files/ratecardoverrides.h"
#include "core/model/scenariofields.h"
#include "ui/document/scenariodocument.h"
#include "ui/tables/tablecells.h"

#include <QStringList>

#include <limits>

namespace bwi::ui {
namespace {

enum class Missing { None, QuoteNeeded, NotOffered };

// One price or capacity of a model as the card states it: a figure, or why
// there is none.
struct PriceCell {
  std::optional<double> value; // as stored: token prices per 1M tokens
  Missing missing = Missing::None;
  bool estimate = false;
  std::string note;
  QString whyMissing;
};

PriceCell figure(double value, bool estimate = false, const std::string &note = {}) {
  return {value, Missing::None, estimate, note, {}};
}

PriceCell absent(Missing missing, const QString &why, const std::string &note = {}) {
  return {std::nullopt, missing, false, note, why};
}

PriceCell priceCell(const core::ModelRates &model, int column) {
  const QString noBatch = RateCardModel::tr(
      "No batch price in the rate card for this model. Type one to add it to this scenario.");
  const QString noCache = RateCardModel::tr("No prompt caching for this model.");
  const QString ptQuote = RateCardModel::tr(
      "Quote needed: AWS publishes no current Provisioned Throughput price or model-unit "
      "capacity. Type the account team's quote here to add it to this scenario.");
  const QString reservedQuote = RateCardModel::tr(
      "Quote needed: AWS publishes no Reserved-tier price. Type the account team's quote as "
      "\"input / output\" (USD per 1K TPM per month), e.g. 95 / 475.");
  const QString noReserved =
      RateCardModel::tr("The rate card does not list this model in the Reserved tier.");
  const auto &pt = model.provisioned;
  const auto &reserved = model.reserved;
  switch (column) {
  case RateCardModel::InputColumn:
    return figure(model.onDemand.inputPer1m, model.onDemand.estimate, model.onDemand.note);
  case RateCardModel::OutputColumn:
    return figure(model.onDemand.outputPer1m, model.onDemand.estimate, model.onDemand.note);
  case RateCardModel::BatchInputColumn:
    return model.batch ? figure(model.batch->inputPer1m, model.batch->estimate, model.batch->note)
                       : absent(Missing::NotOffered, noBatch);
  case RateCardModel::BatchOutputColumn:
    return model.batch ? figure(model.batch->outputPer1m, model.batch->estimate, model.batch->note)
                       : absent(Missing::NotOffered, noBatch);
  case RateCardModel::CacheReadColumn:
    return model.cache ? figure(model.cache->readPer1m, false, model.cache->note)
                       : absent(Missing::NotOffered, noCache);
  case RateCardModel::CacheWriteColumn:
    if (!model.cache)
      return absent(Missing::NotOffered, noCache);
    if (!model.cache->writePer1m)
      return absent(Missing::NotOffered,
                    RateCardModel::tr("No cache-write price published; the cost model counts "
                                      "cache writes at $0."),
                    model.cache->note);
    return figure(*model.cache->writePer1m, false, model.cache->note);
  case RateCardModel::PtRateColumn:
    if (pt && pt->oneMonthPerMuHour)
      return figure(*pt->oneMonthPerMuHour, pt->estimate, pt->note);
    return absent(Missing::QuoteNeeded, ptQuote, pt ? pt->note : std::string());
  case RateCardModel::PtInputTpmColumn:
    if (pt && pt->inputTpmPerMu)
      return figure(*pt->inputTpmPerMu, pt->estimate, pt->note);
    return absent(Missing::QuoteNeeded, ptQuote, pt ? pt->note : std::string());
  case RateCardModel::PtOutputTpmColumn:
    if (pt && pt->outputTpmPerMu)
      return figure(*pt->outputTpmPerMu, pt->estimate, pt->note);
    return absent(Missing::QuoteNeeded, ptQuote, pt ? pt->note : std::string());
  case RateCardModel::ReservedInputColumn:
  case RateCardModel::ReservedOutputColumn:
    if (!reserved)
      return absent(Missing::NotOffered, noReserved);
    if (!reserved->oneMonth)
      return absent(Missing::QuoteNeeded, reservedQuote, reserved->note);
    return figure(column == RateCardModel::ReservedInputColumn
                      ? reserved->oneMonth->inputPer1kTpmMonth
                      : reserved->oneMonth->outputPer1kTpmMonth,
                  reserved->estimate, reserved->note);
  default:
    return absent(Missing::None, {});
  }
}

bool isPriceColumn(int column) {
  return column >= RateCardModel::InputColumn && column <= RateCardModel::ReservedOutputColumn;
}

bool isReservedColumn(int column) {
  return column == RateCardModel::ReservedInputColumn ||
         column == RateCardModel::ReservedOutputColumn;
}

bool isCapacityColumn(int column) {
  return column == RateCardModel::PtInputTpmColumn || column == RateCardModel::PtOutputTpmColumn;
}

core::FieldKey overrideKey(const std::string &modelId, const QString &field) {
  core::FieldKey key;
  key.field = core::Field::RateOverride;
  key.modelId = modelId;
  key.overrideField = field.toStdString();
  return key;
}

} // namespace

RateCardModel::RateCardModel(ScenarioDocument *document, QObject *parent)
    : RowSyncTableModel(parent), m_document(document) {
  connect(m_document, &ScenarioDocument::scenarioChanged, this, &RateCardModel::refresh);
  refresh();
}

QString RateCardModel::overrideField(int column) {
  switch (column) {
  case InputColumn:
    return QStringLiteral("on_demand.input_per_1m");
  case OutputColumn:
    return QStringLiteral("on_demand.output_per_1m");
  case BatchInputColumn:
    return QStringLiteral("batch.input_per_1m");
  case BatchOutputColumn:
    return QStringLiteral("batch.output_per_1m");
  case CacheReadColumn:
    return QStringLiteral("cache.read_per_1m");
  case CacheWriteColumn:
    return QStringLiteral("cache.write_per_1m");
  case PtRateColumn:
    return QStringLiteral("provisioned.per_mu_hour.one_month");
  case PtInputTpmColumn:
    return QStringLiteral("provisioned.input_tpm_per_mu");
  case PtOutputTpmColumn:
    return QStringLiteral("provisioned.output_tpm_per_mu");
  case ReservedInputColumn:
    return QStringLiteral("reserved.one_month.input_per_1k_tpm_month");
  case ReservedOutputColumn:
    return QStringLiteral("reserved.one_month.output_per_1k_tpm_month");
  default:
    return {};
  }
}

bool RateCardModel::isTokenPriceColumn(int column) {
  return column >= InputColumn && column <= CacheWriteColumn;
}

void RateCardModel::setPerThousand(bool perThousand) {
  if (perThousand == m_perThousand)
    return;
  m_perThousand = perThousand;
  emit headerDataChanged(Qt::Horizontal, InputColumn, CacheWriteColumn);
  if (rows() > 0)
    emit dataChanged(index(0, InputColumn), index(rows() - 1, CacheWriteColumn));
}

// Rows are the card's models by position (RowSyncTableModel).
void RateCardModel::refresh() {
  syncRows(static_cast<int>(m_document->rateCard().models.size()), ColumnCount);
}

const core::ModelRates *RateCardModel::modelAt(int row) const {
  const auto &models = m_document->rateCard().models;
  return row >= 0 && row < static_cast<int>(models.size()) ? &models[static_cast<std::size_t>(row)]
                                                           : nullptr;
}

bool RateCardModel::overridden(const core::ModelRates &model, int column) const {
  const QString field = overrideField(column);
  return !field.isEmpty() && core::isOverridden(m_document->scenario().ratecardOverrides, model.id,
                                                field.toStdString());
}

int RateCardModel::columnCount(const QModelIndex &parent) const {
  return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags RateCardModel::flags(const QModelIndex &index) const {
  Qt::ItemFlags result = RowSyncTableModel::flags(index);
  if (index.isValid() && isPriceColumn(index.column()))
    result |= Qt::ItemIsEditable;
  return result;
}

QString RateCardModel::priceText(double value, int column) const {
  if (isCapacityColumn(column))
    return formatNumber(value, 0);
  return formatPrice(isTokenPriceColumn(column) && m_perThousand ? value / 1000 : value);
}

QVariant RateCardModel::textData(const core::ModelRates &model, int column) const {
  switch (column) {
  case IdColumn:
    return toQString(model.id);
  case NameColumn:
    return toQString(model.name);
  case ProviderColumn:
    return toQString(model.provider);
  case TierColumn:
    return toQString(model.tier);
  case MarketplaceColumn:
    return model.marketplace ? tr("yes") : tr("no");
  case SourceColumn:
    return toQString(model.source);
  case SourceDateColumn:
    return toQString(model.sourceDate);
  default:
    break;
  }
  const PriceCell cell = priceCell(model, column);
  switch (cell.missing) {
  case Missing::QuoteNeeded:
    return tr("quote needed");
  case Missing::NotOffered:
    return QStringLiteral("\u2014");
  case Missing::None:
    break;
  }
  const QString text = priceText(cell.value.value_or(0), column);
  return cell.estimate && !overridden(model, column) ? QStringLiteral("\u2248 ") + text : text;
}

QString RateCardModel::listPriceText(const core::ModelRates &model, int column) const {
  const core::ModelRates *base = m_document->baseRateCard().find(model.id);
  if (!base)
    return tr("List price: none (the model is not in the published card).");
  const PriceCell cell = priceCell(*base, column);
  switch (cell.missing) {
  case Missing::QuoteNeeded:
    return tr("List price: not published (quote needed).");
  case Missing::NotOffered:
    return tr("List price: none.");
  case Missing::None:
    break;
  }
  return tr("List price: %1").arg(valueWithUnit(*cell.value, column));
}

QString RateCardModel::valueWithUnit(double value, int column) const {
  const QString number = priceText(value, column);
  switch (column) {
  case PtRateColumn:
    return tr("$%1 per MU-hour").arg(number);
  case PtInputTpmColumn:
  case PtOutputTpmColumn:
    return tr("%1 tokens per minute per MU").arg(number);
  case ReservedInputColumn:
  case ReservedOutputColumn:
    return tr("$%1 per 1K TPM per month").arg(number);
  default:
    return m_perThousand ? tr("$%1 per 1K tokens").arg(number)
                         : tr("$%1 per 1M tokens").arg(number);
  }
}

QString RateCardModel::toolTip(const core::ModelRates &model, int column) const {
  QStringList lines;
  switch (column) {
  case IdColumn:
  case NameColumn: {
    lines.append(QStringLiteral("%1 (%2)").arg(toQString(model.name), toQString(model.id)));
    if (!model.note.empty())
      lines.append(toQString(model.note));
    int overrides = 0;
    for (const core::RateOverride &entry : m_document->scenario().ratecardOverrides)
      if (entry.modelId == model.id && std::holds_alternative<double>(entry.value))
        ++overrides;
    if (overrides > 0)
      lines.append(tr("%n negotiated override(s) in this scenario.", nullptr, overrides));
    return lines.join(QLatin1Char('\n'));
  }
  case MarketplaceColumn:
    return model.marketplace ? tr("Billed through AWS Marketplace.")
                             : tr("Billed under Amazon Bedrock.");
  case SourceColumn:
  case SourceDateColumn:
    lines.append(toQString(model.source));
    if (!model.sourceDate.empty())
      lines.append(tr("Source date: %1").arg(toQString(model.sourceDate)));
    return lines.join(QLatin1Char('\n'));
  default:
    break;
  }
  if (!isPriceColumn(column))
    return {};
  lines.append(QStringLiteral("%1 \u00b7 %2")
                   .arg(toQString(model.name), headerData(column, Qt::Horizontal, Qt::ToolTipRole)
                                                   .toString()
                                                   .section(QLatin1Char('.'), 0, 0)));
  const PriceCell cell = priceCell(model, column);
  if (overridden(model, column)) {
    lines.append(tr("Negotiated override (in this scenario)."));
    lines.append(listPriceText(model, column));
    lines.append(tr("Clear the cell to return to the list price."));
    return lines.join(QLatin1Char('\n'));
  }
  if (cell.estimate)
    lines.append(tr("\u2248 Estimate: not a published AWS figure."));
  if (!cell.note.empty())
    lines.append(toQString(cell.note));
  lines.append(cell.missing != Missing::None ? cell.whyMissing
                                             : tr("Type a price to override it in this scenario."));
  return lines.join(QLatin1Char('\n'));
}

QVariant RateCardModel::data(const QModelIndex &index, int role) const {
  const core::ModelRates *model = index.isValid() ? modelAt(index.row()) : nullptr;
  if (!model)
    return {};
  const int column = index.column();
  const bool price = isPriceColumn(column);
  const bool isOverride = price && overridden(*model, column);
  const bool missing = price && priceCell(*model, column).missing != Missing::None;
  switch (role) {
  case Qt::DisplayRole:
    return textData(*model, column);
  case Qt::EditRole: {
    if (!price)
      return textData(*model, column);
    const PriceCell cell = priceCell(*model, column);
    if (!cell.value)
      return QString();
    const double shown =
        isTokenPriceColumn(column) && m_perThousand ? *cell.value / 1000 : *cell.value;
    return editNumber(roundSignificant(shown));
  }
  case Qt::ToolTipRole:
    return toolTip(*model, column);
  case Qt::TextAlignmentRole:
    return price ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                 : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
  case Qt::FontRole:
    if (isOverride) {
      QFont font;
      font.setBold(true);
      return font;
    }
    return missing ? QVariant(missingFont()) : QVariant();
  case Qt::ForegroundRole:
    if (isOverride)
      return overrideForeground();
    return missing ? QVariant(missingColor()) : QVariant();
  case Qt::BackgroundRole:
    return isOverride ? QVariant(overrideBackground()) : QVariant();
  case SearchRole:
    return QStringList{toQString(model->id), toQString(model->name), toQString(model->provider)}
        .join(QLatin1Char(' '));
  case SortRole: {
    if (!price)
      return textData(*model, column).toString().toLower();
    const PriceCell cell = priceCell(*model, column);
    return cell.value.value_or(std::numeric_limits<double>::infinity()); // missing sort last
  }
  default:
    return {};
  }
}

QVariant RateCardModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal)
    return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
  const QString tokenUnit = m_perThousand ? tr("$/1K") : tr("$/1M");
  const QString tokenUnitLong =
      m_perThousand ? tr("USD per 1,000 tokens") : tr("USD per 1,000,000 tokens");
  if (role == Qt::TextAlignmentRole)
    return isPriceColumn(section) ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                  : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
  if (role == Qt::DisplayRole) {
    switch (section) {
    case IdColumn:
      return tr("Model id");
    case NameColumn:
      return tr("Name");
    case ProviderColumn:
      return tr("Provider");
    case TierColumn:
      return tr("Tier");
    case MarketplaceColumn:
      return tr("Market-\nplace");
    case InputColumn:
      return tr("Input\n%1").arg(tokenUnit);
    case OutputColumn:
      return tr("Output\n%1").arg(tokenUnit);
    case BatchInputColumn:
      return tr("Batch in\n%1").arg(tokenUnit);
    case BatchOutputColumn:
      return tr("Batch out\n%1").arg(tokenUnit);
    case CacheReadColumn:
      return tr("Cache read\n%1").arg(tokenUnit);
    case CacheWriteColumn:
      return tr("Cache write\n%1").arg(tokenUnit);
    case PtRateColumn:
      return tr("PT 1-month\n$/MU-hour");
    case PtInputTpmColumn:
      return tr("PT input\nTPM/MU");
    case PtOutputTpmColumn:
      return tr("PT output\nTPM/MU");
    case ReservedInputColumn:
      return tr("Reserved in\n$/1K TPM-mo");
    case ReservedOutputColumn:
      return tr("Reserved out\n$/1K TPM-mo");
    case SourceColumn:
      return tr("Source");
    case SourceDateColumn:
      return tr("Source\ndate");
    default:
      return {};
    }
  }
  if (role == Qt::ToolTipRole) {
    switch (section) {
    case TierColumn:
      return tr("Size class the routing policies use: small, mid, premium or embedding.");
    case MarketplaceColumn:
      return tr("Billed through AWS Marketplace (matters for the private-pricing discount).");
    case InputColumn:
      return tr("On-demand input, %1.").arg(tokenUnitLong);
    case OutputColumn:
      return tr("On-demand output, %1.").arg(tokenUnitLong);
    case BatchInputColumn:
      return tr("Batch inference input, %1.").arg(tokenUnitLong);
    case BatchOutputColumn:
      return tr("Batch inference output, %1.").arg(tokenUnitLong);
    case CacheReadColumn:
      return tr("Prompt-cache read, %1.").arg(tokenUnitLong);
    case CacheWriteColumn:
      return tr("Prompt-cache write (5-minute TTL), %1.").arg(tokenUnitLong);
    case PtRateColumn:
      return tr("Provisioned Throughput, one-month commitment, USD per model unit per hour. Not "
                "published by AWS: quoted by the account team.");
    case PtInputTpmColumn:
      return tr("Provisioned Throughput capacity: input tokens per minute one model unit "
                "serves. Not published by AWS.");
    case PtOutputTpmColumn:
      return tr("Provisioned Throughput capacity: output tokens per minute one model unit "
                "serves. Not published by AWS.");
    case ReservedInputColumn:
      return tr("Reserved tier, one-month term, input: USD per 1,000 tokens-per-minute per "
                "month. Not published by AWS.");
    case ReservedOutputColumn:
      return tr("Reserved tier, one-month term, output: USD per 1,000 tokens-per-minute per "
                "month. Not published by AWS.");
    case SourceColumn:
      return tr("Where the figures came from (hover a cell for the full text).");
    default:
      return {};
    }
  }
  return {};
}

bool RateCardModel::setReservedPair(const core::ModelRates &model, const QString &text) {
  const QStringList parts = text.split(QLatin1Char('/'));
  const std::optional<double> input =
      parts.size() == 2 ? parseNumberText(parts.at(0)) : std::nullopt;
  const std::optional<double> output =
      parts.size() == 2 ? parseNumberText(parts.at(1)) : std::nullopt;
  if (!input || !output || *input < 0 || *output < 0) {
    emit statusMessage(tr("Type the Reserved-tier quote as \"input / output\" in USD per 1K TPM "
                          "per month, e.g. 95 / 475."));
    return false;
  }
  core::Scenario next = m_document->scenario();
  core::setField(next, overrideKey(model.id, overrideField(ReservedInputColumn)), *input);
  core::setField(next, overrideKey(model.id, overrideField(ReservedOutputColumn)), *output);
  if (!m_document->replaceScenario(next, tr("Override Reserved-tier prices"))) {
    const core::ValidationIssues issues = m_document->check(next);
    emit statusMessage(
        issues.empty() ? tr("Not changed: the scenario would not be valid.")
                       : tr("Not changed: %1")
                             .arg(toQString(issues.front().path + ": " + issues.front().message)));
    return false;
  }
  return true;
}

bool RateCardModel::setData(const QModelIndex &index, const QVariant &value, int role) {
  const core::ModelRates *model = index.isValid() ? modelAt(index.row()) : nullptr;
  const int column = index.column();
  if (role != Qt::EditRole || !model || !isPriceColumn(column))
    return false;
  const QString text = value.toString().trimmed();
  const core::FieldKey key = overrideKey(model->id, overrideField(column));
  if (text.isEmpty()) {
    if (std::holds_alternative<std::monostate>(core::getField(m_document->scenario(), key))) {
      if (priceCell(*model, column).value)
        emit statusMessage(tr("This is the list price; only a negotiated override can be "
                              "cleared."));
      return false;
    }
    return m_document->setValue(key, core::FieldValue{std::monostate{}},
                                tr("Remove price override"));
  }
  if (isReservedColumn(column) && text.contains(QLatin1Char('/')))
    return setReservedPair(*model, text);
  const std::optional<double> number = parseNumberText(text);
  if (!number || *number < 0) {
    emit statusMessage(number ? tr("A price or capacity cannot be negative.")
                              : tr("\"%1\" is not a number; type a price, or clear the cell to "
                                   "remove the override.")
                                    .arg(text));
    return false;
  }
  const double stored =
      isTokenPriceColumn(column) && m_perThousand ? roundSignificant(*number * 1000) : *number;
  const QString undo = isCapacityColumn(column) ? tr("Override PT capacity") : tr("Override price");
  if (m_document->setValue(key, core::FieldValue{stored}, undo))
    return true;
  const bool reservedTermUnpriced =
      isReservedColumn(column) && (!model->reserved || !model->reserved->oneMonth);
  emit statusMessage(reservedTermUnpriced
                         ? tr("A Reserved-tier term needs both prices: type \"input / output\" "
                              "(USD per 1K TPM per month), e.g. 95 / 475.")
                         : refusalReason(*m_document, key, core::FieldValue{stored}));
  return false;
}

} // namespace bwi::ui
