#include "ui/levers/adequatemodelseditor.h"

#include "core/analysis/optimizedproposal.h"
#include "core/common/moneyformat.h"
#include "ui/document/scenariodocument.h"
#include "ui/levers/numberfield.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStringList>
#include <QVBoxLayout>

#include <algorithm>
#include <tuple>

namespace bwi::ui {
namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kSearchRole = Qt::UserRole + 1;
constexpr int kVisibleRows = 6;

// "score 1,406 (LMArena Text Arena, 2026-09-13)": the board's figure with its
// name and date, as docs/ratecard.md sources it; not a judgement of the model.
QString scoreText(const core::ModelRates &model) {
  if (!model.quality)
    return QObject::tr("no leaderboard score in the card");
  return QObject::tr("score %1 (%2, %3)")
      .arg(toQString(core::formatCount(model.quality->score)),
           toQString(model.quality->leaderboard), toQString(model.quality->date));
}

bool routedToday(const core::Workload &workload, const std::string &id) {
  return std::any_of(workload.routing.begin(), workload.routing.end(),
                     [&](const core::RoutingShare &route) { return route.modelId == id; });
}

bool listed(const core::Workload &workload, const std::string &id) {
  return std::find(workload.adequateModels.begin(), workload.adequateModels.end(), id) !=
         workload.adequateModels.end();
}

// The models a workload could route to, by provider and name (as the other
// model pickers of the dock list them).
std::vector<const core::ModelRates *> routableModels(const core::RateCard &card) {
  std::vector<const core::ModelRates *> models;
  for (const core::ModelRates &model : card.models)
    if (model.onDemand.outputPer1m > 0)
      models.push_back(&model);
  std::sort(models.begin(), models.end(), [](const auto *a, const auto *b) {
    return std::tie(a->provider, a->name, a->id) < std::tie(b->provider, b->name, b->id);
  });
  return models;
}

// The leaderboard the card scores its models on, for the minimum's wording.
QString leaderboardOf(const core::RateCard &card) {
  for (const core::ModelRates &model : card.models)
    if (model.quality)
      return QObject::tr("%1, %2").arg(toQString(model.quality->leaderboard),
                                       toQString(model.quality->date));
  return QObject::tr("the card's quality scale");
}

} // namespace

AdequateModelsEditor::AdequateModelsEditor(ScenarioDocument *document, QWidget *parent)
    : QGroupBox(tr("Adequate models"), parent), m_document(document), m_rule(new QLabel(this)),
      m_search(new QLineEdit(this)), m_list(new QListWidget(this)),
      m_minQuality(new NumberField(this)) {
  setObjectName(QStringLiteral("adequateModelsEditor"));
  setToolTip(tr("Where the optimizer (Compare tab) may move this workload's traffic: the models "
                "the team's own evaluations found good enough. Changes no cost."));
  auto *layout = new QVBoxLayout(this);
  m_rule->setObjectName(QStringLiteral("adequacyRuleLabel"));
  m_rule->setWordWrap(true);
  layout->addWidget(m_rule);

  m_search->setObjectName(QStringLiteral("adequateModelsSearch"));
  m_search->setPlaceholderText(tr("Search models: name, provider or id"));
  m_search->setClearButtonEnabled(true);
  layout->addWidget(m_search);

  m_list->setObjectName(QStringLiteral("adequateModelsList"));
  m_list->setWordWrap(true);
  m_list->setUniformItemSizes(true);
  m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
  m_list->setSelectionMode(QAbstractItemView::NoSelection);
  // Two lines a model, a few models tall: the dock scrolls, the list within it.
  m_list->setFixedHeight(kVisibleRows * 2 * fontMetrics().lineSpacing() + 4 * kVisibleRows +
                         2 * m_list->frameWidth());
  layout->addWidget(m_list);

  m_minQuality->setObjectName(QStringLiteral("minQualityField"));
  m_minQuality->setFieldName(tr("Minimum quality score"));
  m_minQuality->setRange(0, 10000);
  m_minQuality->setDecimals(0);
  m_minQuality->setSingleStep(10);
  m_minQuality->setSpecialValueText(tr("none"));
  auto *form = new QFormLayout;
  form->addRow(tr("Minimum score"), m_minQuality);
  layout->addLayout(form);

  connect(m_search, &QLineEdit::textChanged, this, &AdequateModelsEditor::applySearch);
  connect(m_list, &QListWidget::itemChanged, this, &AdequateModelsEditor::itemToggled);
  connect(m_minQuality, &QDoubleSpinBox::valueChanged, this, [this](double score) {
    // 0 is "none": the field leaves the file.
    const core::FieldValue value = score > 0 ? core::FieldValue(score) : core::FieldValue();
    if (!m_document->setValue({core::Field::MinQuality, m_document->selectedWorkload()}, value,
                              score > 0 ? tr("Set minimum quality score")
                                        : tr("Remove minimum quality score")))
      refresh();
  });
  connect(m_document, &ScenarioDocument::scenarioChanged, this, &AdequateModelsEditor::refresh);
  connect(m_document, &ScenarioDocument::selectionChanged, this, &AdequateModelsEditor::refresh);
  refresh();
}

void AdequateModelsEditor::itemToggled(QListWidgetItem *item) {
  const int selected = m_document->selectedWorkload();
  const core::Scenario &scenario = m_document->scenario();
  if (selected < 0 || selected >= static_cast<int>(scenario.workloads.size()))
    return;
  const core::Workload &workload = scenario.workloads[static_cast<std::size_t>(selected)];
  const std::string id = item->data(kIdRole).toString().toStdString();
  const bool on = item->checkState() == Qt::Checked;
  if (on == listed(workload, id))
    return;
  // Today's models are adequate without being listed (docs/scenario-format.md): an edit
  // writes only the others, so that unticking the last of them hands the choice back to the
  // minimum score, or to the same-provider rule, as the rule line above the list says.
  std::vector<std::string> models;
  for (const std::string &each : workload.adequateModels)
    if (each != id && !routedToday(workload, each))
      models.push_back(each);
  if (on)
    models.push_back(id);
  const QString name = item->data(Qt::DisplayRole).toString().section(QLatin1Char('\n'), 0, 0);
  if (!m_document->setValue({core::Field::AdequateModels, selected}, models,
                            on ? tr("Mark %1 adequate").arg(name)
                               : tr("Mark %1 not adequate").arg(name)))
    refresh();
}

void AdequateModelsEditor::refresh() {
  const core::Scenario &scenario = m_document->scenario();
  const int selected = m_document->selectedWorkload();
  const bool valid = selected >= 0 && selected < static_cast<int>(scenario.workloads.size());
  setEnabled(valid);
  {
    const QSignalBlocker block(m_minQuality);
    if (valid && scenario.workloads[static_cast<std::size_t>(selected)].minQuality)
      m_minQuality->setValue(*scenario.workloads[static_cast<std::size_t>(selected)].minQuality);
    else if (valid)
      m_minQuality->setValue(0);
    else
      m_minQuality->showNoValue();
  }
  rebuildList();
  if (!valid) {
    m_rule->setText(tr("No workload selected."));
    return;
  }
  const core::Workload &workload = scenario.workloads[static_cast<std::size_t>(selected)];
  const core::RateCard &card = m_document->rateCard();
  m_minQuality->setToolTip(
      tr("A minimum on %1: with no model ticked beyond today's, the optimizer may move the "
         "workload to any model scoring at least this. A model without a score never meets it. "
         "0: none.")
          .arg(leaderboardOf(card)));
  switch (core::adequacyRule(workload)) {
  case core::ChangeRule::AdequateModels:
    m_rule->setText(
        workload.minQuality
            ? tr("The optimizer moves this workload only to the ticked models. The minimum "
                 "score applies only while no model is ticked beyond today's.")
            : tr("The optimizer moves this workload only to the ticked models."));
    break;
  case core::ChangeRule::MinQuality:
    m_rule->setText(
        tr("Nothing ticked beyond today's models: the optimizer may move this "
           "workload to any model scoring at least %1 (%2).")
            .arg(toQString(core::formatCount(*workload.minQuality)), leaderboardOf(card)));
    break;
  case core::ChangeRule::SameProvider:
  case core::ChangeRule::SameModel:
  case core::ChangeRule::PromptRouter: // a change's rule, never a workload's
  case core::ChangeRule::GlobalProfile: {
    QStringList providers;
    for (const core::RoutingShare &route : workload.routing)
      if (const core::ModelRates *model = card.find(route.modelId))
        if (!providers.contains(toQString(model->provider)))
          providers.append(toQString(model->provider));
    m_rule->setText(tr("Nothing ticked and no minimum: the optimizer stays with %1, in the tier "
                       "of each routed model. Tick the models your evaluations found good "
                       "enough.")
                        .arg(providers.isEmpty() ? tr("today's providers")
                                                 : providers.join(QStringLiteral(", "))));
    break;
  }
  }
}

void AdequateModelsEditor::rebuildList() {
  const core::Scenario &scenario = m_document->scenario();
  const int selected = m_document->selectedWorkload();
  const bool valid = selected >= 0 && selected < static_cast<int>(scenario.workloads.size());
  const core::RateCard &card = m_document->rateCard();
  std::vector<std::string> shown = {std::to_string(selected), card.asOf};
  if (valid) {
    const core::Workload &workload = scenario.workloads[static_cast<std::size_t>(selected)];
    for (const core::RoutingShare &route : workload.routing)
      shown.push_back("routed:" + route.modelId);
    for (const std::string &id : workload.adequateModels)
      shown.push_back("listed:" + id);
  }
  for (const core::ModelRates &model : card.models)
    shown.push_back(model.id);
  if (shown == m_shown)
    return;
  m_shown = std::move(shown);

  const QSignalBlocker block(m_list);
  const int scrolled = m_list->verticalScrollBar()->value();
  m_list->clear();
  if (!valid)
    return;
  const core::Workload &workload = scenario.workloads[static_cast<std::size_t>(selected)];
  for (const core::ModelRates *model : routableModels(card)) {
    const bool today = routedToday(workload, model->id);
    auto *item = new QListWidgetItem(m_list);
    const QString name = toQString(model->name);
    const QString provider = toQString(model->provider);
    item->setText(today
                      ? tr("%1 (%2)\nruns on it today · %3").arg(name, provider, scoreText(*model))
                      : tr("%1 (%2)\n%3").arg(name, provider, scoreText(*model)));
    item->setData(kIdRole, toQString(model->id));
    item->setData(kSearchRole,
                  QStringList{name, provider, toQString(model->id)}.join(QLatin1Char(' ')));
    QString tip = toQString(model->id);
    if (model->quality)
      tip += QStringLiteral("\n") + toQString(model->quality->scale) + QStringLiteral("\n") +
             tr("Source: %1").arg(toQString(model->quality->source));
    if (today)
      tip +=
          QStringLiteral("\n") + tr("The workload routes to it today, so it is always adequate.");
    item->setToolTip(tip);
    // Today's models are adequate by definition: ticked, and not to untick.
    item->setFlags(today ? Qt::ItemIsUserCheckable : Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
    item->setCheckState(today || listed(workload, model->id) ? Qt::Checked : Qt::Unchecked);
  }
  applySearch();
  m_list->verticalScrollBar()->setValue(scrolled);
}

void AdequateModelsEditor::applySearch() {
  const QStringList words = m_search->text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
  for (int row = 0; row < m_list->count(); ++row) {
    QListWidgetItem *item = m_list->item(row);
    const QString haystack = item->data(kSearchRole).toString();
    item->setHidden(!std::all_of(words.begin(), words.end(), [&](const QString &word) {
      return haystack.contains(word, Qt::CaseInsensitive);
    }));
  }
}

} // namespace bwi::ui
