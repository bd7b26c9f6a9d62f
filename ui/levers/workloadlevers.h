#pragma once

#include "core/model/scenariofields.h"

#include <QGroupBox>

#include <vector>

class QCheckBox;
class QComboBox;

namespace bwi::ui {

class LeverSlider;
class ScenarioDocument;

// Levers on the selected workload: volume, token shape, caching, batch and
// service tier.
class WorkloadLevers : public QGroupBox {
  Q_OBJECT

public:
  WorkloadLevers(ScenarioDocument *document, QWidget *parent = nullptr);

private:
  struct Lever {
    core::Field field;
    LeverSlider *slider;
    double defaultMaximum;
  };
  void addLever(core::Field field, LeverSlider *slider, const QString &objectName,
                const QString &toolTip);
  void refresh();

  ScenarioDocument *m_document;
  QComboBox *m_workload;
  QComboBox *m_tier;
  QCheckBox *m_latencyTolerant;
  std::vector<Lever> m_levers;
};

} // namespace bwi::ui
