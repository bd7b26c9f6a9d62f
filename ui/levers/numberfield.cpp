#include "ui/levers/numberfield.h"

#include "ui/tables/tablecells.h"

#include <QAbstractSlider>
#include <QChildEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialog>
#include <QEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QLocale>
#include <QMainWindow>
#include <QScrollBar>
#include <QStatusBar>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace bwi::ui {
namespace {

// The dash a field shows while there is no value.
const QString &noValueText() {
  static const QString dash = QStringLiteral("–");
  return dash;
}

// The controls a wheel turn would change: what a column of levers must not move while it
// scrolls. A scroll bar is not one: it belongs to a list that scrolls.
bool isWheelControl(const QObject *object) {
  return qobject_cast<const QComboBox *>(object) ||
         qobject_cast<const QAbstractSpinBox *>(object) ||
         (qobject_cast<const QAbstractSlider *>(object) &&
          !qobject_cast<const QScrollBar *>(object));
}

// Lets a wheel event pass a control that does not have the focus: ignored, it goes on to the
// control's parents (QApplication propagates an ignored wheel event), where a scroll area
// scrolls. Guarding a tree (ignoreWheelUnlessFocusedIn) also follows the widgets added to it
// later: each is polished before it is first shown, and its parent hears of that.
class WheelGuard : public QObject {
public:
  using QObject::QObject;

  void guard(QWidget *widget) {
    if (isWheelControl(widget) && widget->focusPolicy() == Qt::WheelFocus)
      widget->setFocusPolicy(Qt::StrongFocus);
    widget->installEventFilter(this);
  }

  void guardTree(QWidget *root) {
    guard(root);
    const QList<QWidget *> children = root->findChildren<QWidget *>();
    for (QWidget *child : children)
      if (!child->isWindow()) // a combo box's pop-up list scrolls as lists do
        guard(child);
  }

protected:
  bool eventFilter(QObject *watched, QEvent *event) override {
    if (event->type() == QEvent::Wheel) {
      auto *widget = qobject_cast<QWidget *>(watched);
      if (widget && isWheelControl(widget) && !widget->hasFocus()) {
        event->ignore();
        return true;
      }
    } else if (event->type() == QEvent::ChildPolished) {
      auto *child = qobject_cast<QWidget *>(static_cast<QChildEvent *>(event)->child());
      if (child && !child->isWindow())
        guardTree(child);
    }
    return QObject::eventFilter(watched, event);
  }
};

WheelGuard *wheelGuard() {
  static auto *guard = new WheelGuard(QCoreApplication::instance());
  return guard;
}

} // namespace

NumberField::NumberField(QWidget *parent) : QDoubleSpinBox(parent) {
  setKeyboardTracking(false);
  setGroupSeparatorShown(true);
  ignoreWheelUnlessFocused(this);
}

void NumberField::setValue(double value) {
  m_noValue = false;
  QDoubleSpinBox::setValue(value);
}

void NumberField::showNoValue() {
  m_noValue = true;
  lineEdit()->setText(noValueText());
}

QString NumberField::typedNumber(const QString &text) const {
  QString typed = text;
  if (!prefix().isEmpty() && typed.startsWith(prefix()))
    typed.remove(0, prefix().size());
  if (!suffix().isEmpty() && typed.endsWith(suffix()))
    typed.chop(suffix().size());
  return typed.trimmed();
}

QValidator::State NumberField::validate(QString &text, int &pos) const {
  if (m_noValue && text == noValueText())
    return QValidator::Acceptable;
  if (!specialValueText().isEmpty() && text == specialValueText())
    return QValidator::Acceptable;
  const std::optional<double> number = parseNumberText(typedNumber(text));
  if (number && std::isfinite(*number) && *number >= minimum() && *number <= maximum())
    return QValidator::Acceptable;
  Q_UNUSED(pos);
  // Anything else may still be on its way to a number; Enter refuses it with a message.
  return QValidator::Intermediate;
}

double NumberField::valueFromText(const QString &text) const {
  if (!specialValueText().isEmpty() && text == specialValueText())
    return minimum();
  const std::optional<double> number = parseNumberText(typedNumber(text));
  return number ? *number : value();
}

QString NumberField::textFromValue(double value) const {
  if (m_noValue)
    return noValueText();
  return QDoubleSpinBox::textFromValue(value);
}

QString NumberField::rangeText() const {
  const QLocale locale(QLocale::English, QLocale::UnitedStates);
  const auto shown = [&](double value) {
    return prefix() + locale.toString(value, 'f', value == std::round(value) ? 0 : decimals()) +
           suffix();
  };
  return tr("%1 to %2").arg(shown(minimum()), shown(maximum()));
}

bool NumberField::refuseUnacceptable() {
  QString text = lineEdit()->displayText();
  int pos = lineEdit()->cursorPosition();
  if (validate(text, pos) == QValidator::Acceptable)
    return false;
  const QString typed = typedNumber(text);
  const QString name = m_fieldName.isEmpty() ? tr("This field") : m_fieldName;
  const std::optional<double> number = parseNumberText(typed);
  QString message;
  if (typed.isEmpty())
    message = tr("%1 needs a number (%2); it keeps its value.").arg(name, rangeText());
  else if (!number || !std::isfinite(*number))
    message =
        tr("%1: \"%2\" is not a number; it keeps its value (%3).").arg(name, typed, rangeText());
  else
    message = tr("%1: %2 is outside what it takes, %3; it keeps its value.")
                  .arg(name, typed, rangeText());
  // Back to the value it has, without telling anyone it changed (it did not).
  lineEdit()->setText(!specialValueText().isEmpty() && value() == minimum()
                          ? specialValueText()
                          : prefix() + textFromValue(value()) + suffix());
  emit refused(message);
  showRefusal(this, message);
  return true;
}

void NumberField::keyPressEvent(QKeyEvent *event) {
  if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
    refuseUnacceptable();
  QDoubleSpinBox::keyPressEvent(event);
}

void NumberField::focusOutEvent(QFocusEvent *event) {
  refuseUnacceptable();
  QDoubleSpinBox::focusOutEvent(event);
}

void showRefusal(QWidget *source, const QString &message) {
  QWidget *window = source->window();
  if (qobject_cast<QDialog *>(window) && window->parentWidget())
    window = window->parentWidget()->window();
  if (auto *main = qobject_cast<QMainWindow *>(window))
    main->statusBar()->showMessage(message, 12000);
  if (source->isVisible())
    QToolTip::showText(source->mapToGlobal(QPoint(0, source->height())), message, source);
}

void ignoreWheelUnlessFocused(QWidget *control) { wheelGuard()->guard(control); }

void ignoreWheelUnlessFocusedIn(QWidget *root) { wheelGuard()->guardTree(root); }

} // namespace bwi::ui
