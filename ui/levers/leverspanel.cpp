#include "ui/levers/leverspanel.h"

#include "ui/levers/adequatemodelseditor.h"
#include "ui/levers/commitmentlevers.h"
#include "ui/levers/estatelevers.h"
#include "ui/levers/exceptionpathlevers.h"
#include "ui/levers/meterlevers.h"
#include "ui/levers/numberfield.h"
#include "ui/levers/routingeditor.h"
#include "ui/levers/workloadlevers.h"

#include <QVBoxLayout>

namespace bwi::ui {

LeversPanel::LeversPanel(ScenarioDocument *document, QWidget *parent) : QScrollArea(parent) {
  setObjectName(QStringLiteral("leversPanel"));
  setWidgetResizable(true);
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  auto *content = new QWidget(this);
  auto *layout = new QVBoxLayout(content);
  auto *commitment = new CommitmentLevers(document, content);
  layout->addWidget(new EstateLevers(document, content));
  layout->addWidget(new WorkloadLevers(document, content));
  auto *meters = new MeterLevers(document, content);
  layout->addWidget(meters);
  layout->addWidget(new RoutingEditor(document, content));
  layout->addWidget(new ExceptionPathLevers(document, content));
  layout->addWidget(new AdequateModelsEditor(document, content));
  layout->addWidget(commitment);
  layout->addStretch(1);
  setWidget(content);
  // A wheel turn scrolls the column; it changes a combo box, spin box or slider only once the
  // user has clicked or tabbed into it (rows added later too: a routing row, a quote form).
  ignoreWheelUnlessFocusedIn(content);
  setMinimumWidth(380);
  connect(commitment, &CommitmentLevers::statusMessage, this, &LeversPanel::statusMessage);
  connect(meters, &MeterLevers::statusMessage, this, &LeversPanel::statusMessage);
}

} // namespace bwi::ui
