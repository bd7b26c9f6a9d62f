#include "ui/levers/leverslider.h"

#include "ui/levers/numberfield.h"

#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyleOptionSlider>

#include <algorithm>
#include <cmath>

namespace bwi::ui {

constexpr int kSliderSteps = 1000;

// A horizontal slider that can shade a band of its groove.
class BandSlider : public QSlider {
public:
  explicit BandSlider(QWidget *parent) : QSlider(Qt::Horizontal, parent) {}
  void setBand(int from, int to) {
    m_from = from;
    m_to = to;
    update();
  }

protected:
  void paintEvent(QPaintEvent *event) override {
    if (m_from < m_to) {
      QStyleOptionSlider option;
      initStyleOption(&option);
      const QRect groove =
          style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderGroove, this);
      const auto x = [&](int position) {
        return groove.left() +
               QStyle::sliderPositionFromValue(minimum(), maximum(), position, groove.width());
      };
      QPainter painter(this);
      painter.fillRect(
          QRect(QPoint(x(m_from), groove.top() - 3), QPoint(x(m_to), groove.bottom() + 3)),
          QColor(230, 159, 0, 90));
    }
    QSlider::paintEvent(event);
  }

private:
  int m_from = 0;
  int m_to = 0;
};

namespace {

int nextMergeGroup() {
  static int group = 0;
  return ++group;
}

} // namespace

LeverSlider::LeverSlider(const QString &label, const QString &unit, double minimum, double maximum,
                         int decimals, Scale scale, QWidget *parent)
    : QWidget(parent), m_label(new QLabel(label, this)), m_slider(new BandSlider(this)),
      m_field(new NumberField(this)), m_unit(new QLabel(unit, this)), m_minimum(minimum),
      m_maximum(maximum), m_limitMinimum(minimum), m_limitMaximum(maximum), m_scale(scale),
      m_labelText(label) {
  auto *layout = new QGridLayout(this);
  layout->setContentsMargins(0, 2, 0, 2);
  layout->setHorizontalSpacing(6);
  layout->setVerticalSpacing(0);
  layout->addWidget(m_label, 0, 0, 1, 3);
  layout->addWidget(m_slider, 1, 0);
  layout->addWidget(m_field, 1, 1);
  layout->addWidget(m_unit, 1, 2);
  layout->setColumnStretch(0, 1);
  m_label->setBuddy(m_field);
  m_slider->setRange(0, kSliderSteps);
  m_slider->setSingleStep(10);
  m_slider->setPageStep(100);
  m_slider->setFocusPolicy(Qt::StrongFocus);
  ignoreWheelUnlessFocused(m_slider);
  m_field->setDecimals(decimals);
  m_field->setRange(minimum, maximum);
  m_field->setFieldName(label);
  m_field->setMinimumWidth(110);
  m_field->setAlignment(Qt::AlignRight);
  m_unit->setMinimumWidth(70);

  connect(m_slider, &QSlider::sliderPressed, this, [this] { m_mergeGroup = nextMergeGroup(); });
  connect(m_slider, &QSlider::actionTriggered, this, [this](int action) {
    // Keyboard and page steps: each is its own undo step.
    if (action != QAbstractSlider::SliderMove)
      m_mergeGroup = 0;
  });
  connect(m_slider, &QSlider::valueChanged, this, &LeverSlider::onSliderMoved);
  connect(m_field, &QDoubleSpinBox::editingFinished, this, &LeverSlider::onFieldEdited);
}

QSlider *LeverSlider::slider() const { return m_slider; }

QString LeverSlider::labelText() const { return m_labelText; }

double LeverSlider::value() const { return m_field->value() / m_displayFactor; }

void LeverSlider::setValue(double value) {
  // The scenario's value is shown as it is: a span that does not reach it is widened.
  if (value > m_maximum || (value < m_minimum && (m_scale == Scale::Linear || value > 0))) {
    m_minimum = std::min(m_minimum, value);
    m_maximum = std::max(m_maximum, value);
    applyFieldRange();
  }
  const QSignalBlocker blockSlider(m_slider);
  const QSignalBlocker blockField(m_field);
  m_field->setValue(value * m_displayFactor);
  m_slider->setValue(toSlider(value));
}

void LeverSlider::showNoValue() {
  const QSignalBlocker blockSlider(m_slider);
  const QSignalBlocker blockField(m_field);
  m_slider->setValue(0);
  m_field->showNoValue();
}

void LeverSlider::setRange(double minimum, double maximum) {
  const double current = value();
  m_minimum = minimum;
  m_maximum = std::max(maximum, minimum);
  applyFieldRange();
  setValue(current);
}

void LeverSlider::setFieldLimits(double minimum, double maximum) {
  const double current = value();
  m_limitMinimum = minimum;
  m_limitMaximum = maximum;
  applyFieldRange();
  setValue(current);
}

void LeverSlider::applyFieldRange() {
  const QSignalBlocker blockField(m_field);
  m_field->setRange(std::min(m_minimum, m_limitMinimum) * m_displayFactor,
                    std::max(m_maximum, m_limitMaximum) * m_displayFactor);
}

void LeverSlider::setToolTipText(const QString &text) {
  setToolTip(text);
  m_slider->setToolTip(text);
  m_field->setToolTip(text);
  m_label->setToolTip(text);
}

void LeverSlider::setBand(double from, double to, const QString &caption) {
  m_slider->setBand(toSlider(from), toSlider(to));
  m_label->setText(m_labelText + QStringLiteral("  ") + caption);
}

void LeverSlider::setDisplayFactor(double factor) {
  const double current = value();
  m_displayFactor = factor;
  applyFieldRange();
  setValue(current);
}

int LeverSlider::toSlider(double value) const {
  double fraction = 0;
  if (m_scale == Scale::Logarithmic && m_minimum > 0)
    fraction = std::log(std::max(value, m_minimum) / m_minimum) / std::log(m_maximum / m_minimum);
  else if (m_maximum > m_minimum)
    fraction = (value - m_minimum) / (m_maximum - m_minimum);
  return static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * kSliderSteps));
}

double LeverSlider::fromSlider(int position) const {
  const double fraction = static_cast<double>(position) / kSliderSteps;
  if (m_scale == Scale::Logarithmic && m_minimum > 0)
    return m_minimum * std::pow(m_maximum / m_minimum, fraction);
  return m_minimum + fraction * (m_maximum - m_minimum);
}

void LeverSlider::onSliderMoved(int position) {
  // Round to what the field shows, so the value is exactly what is displayed.
  const double scale = std::pow(10.0, m_field->decimals());
  const double shown = std::round(fromSlider(position) * m_displayFactor * scale) / scale;
  {
    const QSignalBlocker blockField(m_field);
    m_field->setValue(shown);
  }
  emit valueEdited(shown / m_displayFactor, m_slider->isSliderDown() ? m_mergeGroup : 0);
}

void LeverSlider::onFieldEdited() {
  const double edited = m_field->value() / m_displayFactor;
  {
    const QSignalBlocker blockSlider(m_slider);
    m_slider->setValue(toSlider(edited));
  }
  emit valueEdited(edited, 0);
}

} // namespace bwi::ui
