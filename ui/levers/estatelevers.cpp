#include "ui/levers/estatelevers.h"

#include "ui/document/scenariodocument.h"
#include "ui/levers/leverslider.h"
#include "ui/levers/numberfield.h"

#include <QFormLayout>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace bwi::ui {

EstateLevers::EstateLevers(ScenarioDocument *document, QWidget *parent)
    : QGroupBox(tr("Estate"), parent), m_document(document),
      m_volume(new LeverSlider(tr("Global volume"), tr("× plan"), 0.1, 10, 2,
                               LeverSlider::Scale::Logarithmic, this)),
      m_discount(new LeverSlider(tr("Private-pricing discount (EDP/PPA)"), tr("%"), 0, 0.5, 1,
                                 LeverSlider::Scale::Linear, this)),
      m_commit(new LeverSlider(tr("Annual commit"), tr("USD / year"), 0, 50e6, 0,
                               LeverSlider::Scale::Linear, this)),
      m_month(new QSpinBox(this)) {
  auto *layout = new QVBoxLayout(this);
  m_volume->setObjectName(QStringLiteral("globalVolumeLever"));
  m_volume->setToolTipText(
      tr("Multiplies every workload's volume. Production ran 3 to 5 times pilot forecasts in "
         "the reviews behind this tool: the shaded band."));
  m_volume->setBand(3, 5, tr("(shaded: pilot→production 3-5×)"));
  // The slider spans 0.1× to 10×; a file or goal seek may hold any multiplier the format takes.
  m_volume->setFieldLimits(0, 1e6);
  m_discount->setObjectName(QStringLiteral("discountLever"));
  m_discount->setDisplayFactor(100);
  m_discount->setToolTipText(tr("The private-pricing discount on every charge of first-party "
                                "models (and of marketplace models where the agreement says so)."));
  m_commit->setObjectName(QStringLiteral("annualCommitLever"));
  m_commit->setToolTipText(tr("The agreement's annual commit, which Bedrock spend retires; "
                              "marketplace spend counts only up to the cap."));
  m_commit->setFieldLimits(0, 1e13);
  m_month->setObjectName(QStringLiteral("monthSpin"));
  // People count months from 1; the file and the command line from 0.
  m_month->setToolTip(tr("The month shown: month 1 is the first modeled month (month 0 of "
                         "the command line); growth compounds from there."));
  m_month->setPrefix(tr("Month "));
  ignoreWheelUnlessFocused(m_month);
  layout->addWidget(m_volume);
  layout->addWidget(m_discount);
  layout->addWidget(m_commit);
  layout->addWidget(m_month);

  connect(m_volume, &LeverSlider::valueEdited, this, [this](double value, int group) {
    m_document->setValue({core::Field::GlobalVolumeMultiplier}, value, tr("Change global volume"),
                         group);
  });
  connect(m_discount, &LeverSlider::valueEdited, this, [this](double value, int group) {
    m_document->setValue({core::Field::Discount}, value, tr("Change discount"), group);
  });
  connect(m_commit, &LeverSlider::valueEdited, this, [this](double value, int group) {
    m_document->setValue({core::Field::AnnualCommitUsd}, value, tr("Change annual commit"), group);
  });
  connect(m_month, &QSpinBox::valueChanged, this,
          [this](int month) { m_document->setMonth(month - 1); });
  connect(m_document, &ScenarioDocument::scenarioChanged, this, &EstateLevers::refresh);
  refresh();
}

void EstateLevers::refresh() {
  const core::Scenario &scenario = m_document->scenario();
  // The slider's span reaches the scenario's multiplier; back to 0.1×-10× when it is inside.
  const double volume = scenario.globalVolumeMultiplier;
  m_volume->setRange(volume > 0 ? std::min(0.1, volume) : 0.1, std::max(10.0, volume));
  m_volume->setValue(volume);
  m_discount->setValue(scenario.agreement ? scenario.agreement->discount : 0.0);
  const double commit = scenario.agreement ? scenario.agreement->annualCommitUsd : 0.0;
  m_commit->setRange(0, std::max(50e6, commit * 2));
  m_commit->setValue(commit);
  const QSignalBlocker block(m_month);
  m_month->setRange(1, std::max(1, scenario.forecast.months));
  m_month->setValue(m_document->month() + 1);
}

} // namespace bwi::ui
