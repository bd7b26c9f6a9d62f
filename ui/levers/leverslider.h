#pragma once

#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QSlider;

namespace bwi::ui {

class BandSlider;

// One lever: a slider and an exact numeric field that move together, with
// the unit beside them. Linear or logarithmic. Emits valueEdited() only for
// the user's own edits; `mergeGroup` is the same for every step of one
// slider drag (so the drag is one undo step) and 0 for a typed value.
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
  void setRange(double minimum, double maximum);
  void setToolTipText(const QString &text);
  // Shades [from, to] on the slider's groove (the 3-5x pilot band).
  void setBand(double from, double to, const QString &caption);
  // Shown in the field: e.g. a suffix "%" while the stored value is a share.
  void setDisplayFactor(double factor);
  QSlider *slider() const;
  QDoubleSpinBox *field() const { return m_field; }

signals:
  void valueEdited(double value, int mergeGroup);

private:
  int toSlider(double value) const;
  double fromSlider(int position) const;
  void onSliderMoved(int position);
  void onFieldEdited();

  QLabel *m_label;
  BandSlider *m_slider;
  QDoubleSpinBox *m_field;
  QLabel *m_unit;
  double m_minimum;
  double m_maximum;
  double m_displayFactor = 1;
  Scale m_scale;
  int m_mergeGroup = 0;
  QString m_labelText;
};

} // namespace bwi::ui
