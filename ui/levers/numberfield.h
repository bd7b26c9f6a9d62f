#pragma once

#include <QDoubleSpinBox>
#include <QString>

class QWidget;

namespace bwi::ui {

// A number field that never drops what is typed. Any text can be typed; on Enter, or on
// leaving the field, text the field cannot take (not a number, or outside its range) is
// refused with a message naming the field, what was typed and the range, in the window's
// status bar, and the field shows its value again. It reads numbers as the tables do
// ("2,500,000", "2.5M", "12k", "$0.25", "40 %": parseNumberText).
//
// A turn of the mouse wheel changes it only while it has the keyboard focus; otherwise the
// panel under the pointer scrolls (see ignoreWheelUnlessFocused).
class NumberField : public QDoubleSpinBox {
  Q_OBJECT

public:
  explicit NumberField(QWidget *parent = nullptr);

  // How a refusal names the field ("Requests"); its tooltip's first words by default.
  void setFieldName(const QString &name) { m_fieldName = name; }
  // No value to show (no workload selected): the field reads "–" until setValue().
  void showNoValue();
  // Shows `value` (and leaves the "–" of showNoValue). Hides QDoubleSpinBox::setValue, which
  // is not virtual: call it on a NumberField.
  void setValue(double value);

  QValidator::State validate(QString &text, int &pos) const override;
  double valueFromText(const QString &text) const override;
  QString textFromValue(double value) const override;

signals:
  // The text typed was refused: the message shown.
  void refused(const QString &message);

protected:
  void keyPressEvent(QKeyEvent *event) override;
  void focusOutEvent(QFocusEvent *event) override;

private:
  QString typedNumber(const QString &text) const; // without prefix and suffix
  bool refuseUnacceptable();
  QString rangeText() const;

  QString m_fieldName;
  bool m_noValue = false;
};

// Shows `message` in the status bar of the window `source` is in (a dialog: of its parent
// window), and as a tooltip at `source`: a refusal is seen where the user looked.
void showRefusal(QWidget *source, const QString &message);

// A wheel turn over `control` changes it only while it has the keyboard focus; otherwise the
// wheel event goes on to the widgets under it (the levers' scroll area scrolls) and `control`
// takes focus only from a click or Tab. Scrolling a column of levers must not move them.
void ignoreWheelUnlessFocused(QWidget *control);
// The same for every combo box, spin box and slider under `root`, those added later included
// (a routing row, a quote form): one rule for a whole column of levers.
void ignoreWheelUnlessFocusedIn(QWidget *root);

} // namespace bwi::ui
