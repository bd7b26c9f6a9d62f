#pragma once

#include "ui/levers/numberfield.h"

#include <QWidget>

class QLabel;
class QSlider;

namespace bwi::ui {

class BandSlider;

// One lever: a slider and an exact numeric field that move together, with
// the unit beside them. Linear or logarithmic. Emits valueEdited() only for
// the user's own edits; `mergeGroup` is the same for every step of one
// slider drag (so the drag is one undo step) and 0 for a typed value.
//
// The lever always shows the scenario's value: one beyond the slider's span
// (a file, goal seek) widens the span to it, never clamps it. The field takes
// what may be typed (setFieldLimits, by default the span) and refuses the rest
// with a message (NumberField). Neither the slider nor the field moves under
// a turn of the mouse wheel unless it has the keyboard focus: scrolling the
// column of levers changes none of them.
class LeverSlider : public QWidget {
  Q_OBJECT

public:
  enum class Scale { Linear, Logarithmic };

  LeverSlider(const QString &label, const QString &unit, double minimum, double maximum,
              int decimals, Scale scale, QWidget *parent = nullptr);

  double value() const;
  double maximum() const { return m_maximum; }
  QString labelText() const;
  // Shows a value without emitting valueEdited.
  void setValue(double value);
  // Nothing to show (no workload selected): the field reads "–", the slider rests at its start.
  void showNoValue();
  // The slider's span (widened by setValue to a value beyond it).
  void setRange(double minimum, double maximum);
  // What may be typed, in the stored unit, when it is wider than the span
  // (docs/limits.md: what a scenario file accepts).
  void setFieldLimits(double minimum, double maximum);
  void setToolTipText(const QString &text);
  // Shades [from, to] on the slider's groove (the 3-5x pilot band).
  void setBand(double from, double to, const QString &caption);
  // Shown in the field: e.g. a suffix "%" while the stored value is a share.
  void setDisplayFactor(double factor);
  QSlider *slider() const;
  NumberField *field() const { return m_field; }

signals:
  void valueEdited(double value, int mergeGroup);

private:
  int toSlider(double value) const;
  double fromSlider(int position) const;
  void onSliderMoved(int position);
  void onFieldEdited();
  void applyFieldRange();

  QLabel *m_label;
  BandSlider *m_slider;
  NumberField *m_field;
  QLabel *m_unit;
  double m_minimum;
  double m_maximum;
  double m_limitMinimum;
  double m_limitMaximum;
  double m_displayFactor = 1;
  Scale m_scale;
  int m_mergeGroup = 0;
  QString m_labelText;
};

} // namespace bwi::ui
