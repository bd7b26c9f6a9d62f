#include "ui/tables/tablecells.h"

#include "ui/document/scenariodocument.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHeaderView>
#include <QLocale>
#include <QRegularExpression>
#include <QTableView>
#include <QTimer>

#include <cmath>

namespace bwi::ui {
namespace {

QString translate(const char *text) {
  return QCoreApplication::translate("bwi::ui::TableCells", text);
}

// Figures read the same everywhere in the tables, whatever the system locale.
const QLocale &displayLocale() {
  static const QLocale locale(QLocale::English, QLocale::UnitedStates);
  return locale;
}

// "2.500000000" → "2.50" with minDecimals 2; "2.000" → "2" with minDecimals 0.
QString trimZeros(QString text, int minDecimals) {
  const qsizetype dot = text.indexOf(QLatin1Char('.'));
  if (dot < 0)
    return text;
  qsizetype keep = text.size();
  while (keep > dot + 1 + minDecimals && text.at(keep - 1) == QLatin1Char('0'))
    --keep;
  if (keep == dot + 1)
    --keep; // no decimals left: drop the dot
  text.truncate(keep);
  return text;
}

// Commas are group separators when every group after the first has three
// digits ("2,500,000"); a single other comma is a decimal comma ("0,25").
std::optional<QString> normaliseCommas(const QString &text) {
  if (!text.contains(QLatin1Char(',')))
    return text;
  if (text.contains(QLatin1Char('.'))) {
    QString copy = text;
    return copy.remove(QLatin1Char(','));
  }
  static const QRegularExpression grouped(QStringLiteral("^[-+]?\\d{1,3}(,\\d{3})+$"));
  if (grouped.match(text).hasMatch()) {
    QString copy = text;
    return copy.remove(QLatin1Char(','));
  }
  if (text.count(QLatin1Char(',')) == 1) {
    QString copy = text;
    return copy.replace(QLatin1Char(','), QLatin1Char('.'));
  }
  return std::nullopt;
}

} // namespace

std::optional<double> parseNumberText(const QString &text) {
  QString cleaned = text.trimmed();
  for (const QChar strip : {QChar(u' '), QChar(u'_'), QChar(u'$'), QChar(u'%'), QChar(u'\u00a0'),
                            QChar(u'\u202f'), QChar(u'\u00d7'), QChar(u'x')})
    cleaned.remove(strip);
  if (cleaned.isEmpty())
    return std::nullopt;
  double scale = 1;
  const QChar last = cleaned.back();
  if (last == QLatin1Char('k') || last == QLatin1Char('K'))
    scale = 1e3;
  else if (last == QLatin1Char('m') || last == QLatin1Char('M'))
    scale = 1e6;
  else if (last == QLatin1Char('b') || last == QLatin1Char('B'))
    scale = 1e9;
  if (scale != 1)
    cleaned.chop(1);
  const std::optional<QString> plain = normaliseCommas(cleaned);
  if (!plain || plain->isEmpty())
    return std::nullopt;
  bool ok = false;
  const double value = QLocale::c().toDouble(*plain, &ok);
  if (!ok || !std::isfinite(value * scale))
    return std::nullopt;
  return roundSignificant(value * scale);
}

QString formatNumber(double value, int maxDecimals) {
  return trimZeros(displayLocale().toString(value, 'f', maxDecimals), 0);
}

QString formatPrice(double value) { return trimZeros(displayLocale().toString(value, 'f', 9), 2); }

QString editNumber(double value) { return QString::number(value, 'g', 12); }

double roundSignificant(double value) {
  if (!std::isfinite(value) || value == 0)
    return value;
  return QString::number(value, 'g', 12).toDouble();
}

QString refusalReason(const ScenarioDocument &document, const core::FieldKey &key,
                      const core::FieldValue &value) {
  core::Scenario candidate = document.scenario();
  if (!core::setField(candidate, key, value))
    return translate("This value cannot be set here.");
  const core::ValidationIssues issues = document.check(candidate);
  if (issues.empty())
    return translate("The change was refused: the scenario would not be valid.");
  const core::ValidationIssue &issue = issues.front();
  return translate("Not changed: %1")
      .arg(QString::fromStdString(issue.path.empty() ? issue.message
                                                     : issue.path + ": " + issue.message));
}

QFont missingFont() {
  QFont font;
  font.setItalic(true);
  return font;
}

QColor missingColor() { return QColor(0x80, 0x80, 0x80); }

QColor overrideBackground() { return QColor(0xd6, 0xe8, 0xfb); }

QColor overrideForeground() { return QColor(0x0b, 0x2e, 0x59); }

QWidget *ChoiceDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const {
  const QVariantList choices = index.data(ChoicesRole).toList();
  if (choices.isEmpty())
    return QStyledItemDelegate::createEditor(parent, option, index);
  auto *combo = new QComboBox(parent);
  combo->setFrame(false);
  for (const QVariant &choice : choices) {
    const QVariantMap entry = choice.toMap();
    combo->addItem(entry.value(QStringLiteral("text")).toString(),
                   entry.value(QStringLiteral("value")));
  }
  // The list opens at once; a choice from it takes effect at once.
  QTimer::singleShot(0, combo, &QComboBox::showPopup);
  auto *self = const_cast<ChoiceDelegate *>(this);
  connect(combo, &QComboBox::activated, self, [self, combo] {
    emit self->commitData(combo);
    emit self->closeEditor(combo);
  });
  return combo;
}

void ChoiceDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const {
  auto *combo = qobject_cast<QComboBox *>(editor);
  if (!combo) {
    QStyledItemDelegate::setEditorData(editor, index);
    return;
  }
  const int current = combo->findData(index.data(Qt::EditRole));
  combo->setCurrentIndex(current < 0 ? 0 : current);
}

void ChoiceDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                  const QModelIndex &index) const {
  auto *combo = qobject_cast<QComboBox *>(editor);
  if (!combo) {
    QStyledItemDelegate::setModelData(editor, model, index);
    return;
  }
  model->setData(index, combo->currentData(), Qt::EditRole);
}

void setUpEditableTable(QTableView *table) {
  table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                         QAbstractItemView::AnyKeyPressed);
  table->setTabKeyNavigation(false);
  table->setAlternatingRowColors(true);
  table->setWordWrap(false);
  table->verticalHeader()->hide();
  table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
}

} // namespace bwi::ui
