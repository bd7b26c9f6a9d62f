#include "ui/levers/routingeditor.h"

#include "core/model/routingpolicy.h"
#include "ui/document/scenariodocument.h"
#include "ui/flowlayout.h"
#include "ui/levers/leverslider.h"
#include "ui/levers/numberfield.h"
#include "ui/workloads/unpricedactions.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace bwi::ui {
namespace {

NumberField *percentBox(double value, const QString &objectName, const QString &name,
                        QWidget *parent) {
  auto *box = new NumberField(parent);
  box->setObjectName(objectName);
  box->setFieldName(name);
  box->setRange(0, 100);
  box->setDecimals(0);
  box->setSuffix(QStringLiteral("%"));
  box->setValue(value);
  return box;
}

} // namespace

RoutingEditor::RoutingEditor(ScenarioDocument *document, QWidget *parent)
    : QGroupBox(tr("Routing mix of the workload"), parent), m_document(document),
      m_rows(new QVBoxLayout), m_addModel(new QComboBox(this)),
      m_small(percentBox(70, QStringLiteral("smallShareBox"), tr("Small tier's share"), this)),
      m_mid(percentBox(25, QStringLiteral("midShareBox"), tr("Mid tier's share"), this)),
      m_premium(
          percentBox(5, QStringLiteral("premiumShareBox"), tr("Premium tier's share"), this)) {
  setToolTip(tr("Which models serve the workload's requests. Shares always total 100%: "
                "dragging one rescales the others."));
  auto *layout = new QVBoxLayout(this);
  layout->addLayout(m_rows);

  auto *addRow = new QHBoxLayout;
  m_addModel->setObjectName(QStringLiteral("addModelCombo"));
  m_addModel->setToolTip(tr("Route part of the workload to another model of the rate card."));
  m_addModel->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_addModel->setMinimumContentsLength(16);
  ignoreWheelUnlessFocused(m_addModel);
  auto *addButton = new QPushButton(tr("Add model"), this);
  addButton->setObjectName(QStringLiteral("addModelButton"));
  addRow->addWidget(m_addModel, 1);
  addRow->addWidget(addButton);
  layout->addLayout(addRow);

  // Wraps in a narrow column rather than pushing "premium" off its edge.
  auto *policyRow = new FlowLayout(nullptr, 6);
  auto *tierButton = new QPushButton(tr("Route by tier"), this);
  tierButton->setObjectName(QStringLiteral("routeByTierButton"));
  tierButton->setToolTip(tr("Send the workload to the cheapest model of each tier (preferring "
                            "models the estate already uses) in the small/mid/premium shares "
                            "beside: the routing policy, often the biggest lever on the bill."));
  policyRow->addWidget(tierButton);
  policyRow->addWidget(new QLabel(tr("small"), this));
  policyRow->keepWithNext(1);
  policyRow->addWidget(m_small);
  policyRow->addWidget(new QLabel(tr("mid"), this));
  policyRow->keepWithNext(3);
  policyRow->addWidget(m_mid);
  policyRow->addWidget(new QLabel(tr("premium"), this));
  policyRow->keepWithNext(5);
  policyRow->addWidget(m_premium);
  layout->addLayout(policyRow);

  connect(addButton, &QPushButton::clicked, this, &RoutingEditor::addModel);
  connect(tierButton, &QPushButton::clicked, this, &RoutingEditor::routeByTier);
  connect(m_document, &ScenarioDocument::scenarioChanged, this, &RoutingEditor::refresh);
  connect(m_document, &ScenarioDocument::selectionChanged, this, &RoutingEditor::refresh);
  refresh();
}

void RoutingEditor::refresh() {
  const core::Scenario &scenario = m_document->scenario();
  const int selected = m_document->selectedWorkload();
  std::vector<std::string> models;
  std::vector<bool> priced;
  if (selected >= 0 && selected < static_cast<int>(scenario.workloads.size()))
    for (const core::RoutingShare &route :
         scenario.workloads[static_cast<std::size_t>(selected)].routing) {
      models.push_back(route.modelId);
      priced.push_back(m_document->rateCard().find(route.modelId) != nullptr);
    }
  if (models != m_shownModels || priced != m_shownPriced || selected != m_shownWorkload) {
    m_shownModels = models;
    m_shownPriced = priced;
    m_shownWorkload = selected;
    rebuildRows();
  }
  // No workload, nothing to route: no button that would do nothing.
  const bool hasWorkload = selected >= 0 && selected < static_cast<int>(scenario.workloads.size());
  setEnabled(hasWorkload);
  if (!hasWorkload)
    return;
  const auto &routing = scenario.workloads[static_cast<std::size_t>(selected)].routing;
  for (std::size_t i = 0; i < routing.size() && i < m_shareLevers.size(); ++i)
    m_shareLevers[i]->setValue(routing[i].share);
}

void RoutingEditor::rebuildRows() {
  for (QWidget *row : m_rowWidgets) {
    // Later: the click that removed a model may come from this very row.
    row->hide();
    m_rows->removeWidget(row);
    row->deleteLater();
  }
  m_rowWidgets.clear();
  m_shareLevers.clear();
  for (std::size_t i = 0; i < m_shownModels.size(); ++i) {
    auto *row = new QWidget(this);
    auto *rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    auto *lever = new LeverSlider(QString::fromStdString(m_shownModels[i]), tr("%"), 0, 1, 1,
                                  LeverSlider::Scale::Linear, row);
    lever->setDisplayFactor(100);
    lever->setObjectName(QStringLiteral("shareLever%1").arg(i));
    lever->setToolTipText(tr("Share of the workload's requests routed to %1.")
                              .arg(QString::fromStdString(m_shownModels[i])));
    auto *remove = new QToolButton(row);
    remove->setText(QStringLiteral("✕"));
    remove->setObjectName(QStringLiteral("removeModel%1").arg(i));
    remove->setToolTip(tr("Stop routing to this model; its share goes to the others."));
    if (m_shownModels.size() == 1) {
      // The only model takes every request: nothing to share out, nothing to remove.
      lever->setEnabled(false);
      lever->setToolTipText(tr("The only model of the workload: it takes every request. Add a "
                               "model to share them out."));
      remove->setEnabled(false);
      remove->setToolTip(tr("A workload routes somewhere: add another model before removing "
                            "this one."));
    }
    rowLayout->addWidget(lever, 1);
    if (i < m_shownPriced.size() && !m_shownPriced[i]) {
      const QString modelId = QString::fromStdString(m_shownModels[i]);
      auto *fix = new QToolButton(row);
      fix->setObjectName(QStringLiteral("unpricedBadge%1").arg(i));
      fix->setText(tr("no price ▾"));
      fix->setStyleSheet(QStringLiteral("QToolButton { color: #B23A00; font-weight: bold; }"));
      fix->setToolTip(tr("%1 is not in the rate card: its share costs nothing in every total. "
                         "Map it to a card model or type its price.")
                          .arg(modelId));
      fix->setPopupMode(QToolButton::InstantPopup);
      auto *menu = new QMenu(fix);
      menu->addAction(tr("Map to…"), this,
                      [this, modelId] { mapUnpricedModel(this, m_document, modelId); });
      menu->addAction(tr("Type a price…"), this,
                      [this, modelId] { typeUnpricedPrice(this, m_document, modelId); });
      fix->setMenu(menu);
      rowLayout->addWidget(fix, 0, Qt::AlignBottom);
    }
    rowLayout->addWidget(remove, 0, Qt::AlignBottom);
    m_rows->addWidget(row);
    m_rowWidgets.push_back(row);
    m_shareLevers.push_back(lever);
    connect(lever, &LeverSlider::valueEdited, this, [this, i](double share, int group) {
      const int workload = m_document->selectedWorkload();
      const auto &routing =
          m_document->scenario().workloads[static_cast<std::size_t>(workload)].routing;
      m_document->setValue({core::Field::Routing, workload},
                           core::rebalanceShares(routing, i, share), tr("Change routing"), group);
      refresh(); // the shares as they are now, whether or not the edit changed them
    });
    connect(remove, &QToolButton::clicked, this, [this, i] {
      const int workload = m_document->selectedWorkload();
      auto routing = m_document->scenario().workloads[static_cast<std::size_t>(workload)].routing;
      if (routing.size() < 2)
        return; // a workload routes somewhere
      routing = core::rebalanceShares(routing, i, 0.0);
      routing.erase(routing.begin() + static_cast<std::ptrdiff_t>(i));
      m_document->setValue({core::Field::Routing, workload}, routing,
                           tr("Remove model from routing"));
    });
  }
  // The models that can be added: every card model not yet in the mix.
  m_addModel->clear();
  for (const core::ModelRates &model : m_document->rateCard().models)
    if (std::find(m_shownModels.begin(), m_shownModels.end(), model.id) == m_shownModels.end() &&
        model.onDemand.outputPer1m > 0)
      m_addModel->addItem(QString::fromStdString(model.id));
}

void RoutingEditor::addModel() {
  const int workload = m_document->selectedWorkload();
  if (workload < 0 || m_addModel->currentText().isEmpty())
    return;
  auto routing = m_document->scenario().workloads[static_cast<std::size_t>(workload)].routing;
  routing.push_back({m_addModel->currentText().toStdString(), 0.0});
  m_document->setValue({core::Field::Routing, workload}, routing, tr("Add model to routing"));
}

void RoutingEditor::routeByTier() {
  const int workload = m_document->selectedWorkload();
  if (workload < 0)
    return;
  const double total = m_small->value() + m_mid->value() + m_premium->value();
  if (!(total > 0))
    return;
  std::vector<std::string> used;
  for (const core::Workload &each : m_document->scenario().workloads)
    for (const core::RoutingShare &route : each.routing)
      used.push_back(route.modelId);
  const core::TierPolicy policy{m_small->value() / total, m_mid->value() / total,
                                m_premium->value() / total};
  m_document->setValue({core::Field::Routing, workload},
                       core::routeByTier(m_document->rateCard(), policy, used),
                       tr("Route by tier"));
}

} // namespace bwi::ui
