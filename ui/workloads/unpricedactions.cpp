#include "ui/workloads/unpricedactions.h"

#include "ui/document/scenariodocument.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QVBoxLayout>

#include <algorithm>

namespace bwi::ui {
namespace {

QDoubleSpinBox *priceBox(QWidget *parent, const QString &objectName) {
  auto *box = new QDoubleSpinBox(parent);
  box->setObjectName(objectName);
  box->setRange(0, 1'000'000); // docs/cost-model.md §9: prices <= $1,000,000
  box->setDecimals(4);
  box->setSuffix(QObject::tr(" $ per 1M"));
  return box;
}

QString issuesText(const core::ValidationIssues &issues) {
  QStringList lines;
  for (const core::ValidationIssue &issue : issues)
    lines.append(toQString(issue.path + ": " + issue.message));
  return lines.join(QLatin1Char('\n'));
}

} // namespace

bool applyModelMapping(ScenarioDocument *document, const QString &from, const QString &to) {
  const core::ModelMapping mapping{from.toStdString(), to.toStdString()};
  if (!core::mappingProblem(document->rateCard(), mapping).empty())
    return false;
  return document->replaceScenario(core::withModelMapped(document->scenario(), mapping),
                                   QObject::tr("Map %1 to %2").arg(from, to));
}

bool applyTypedPrice(ScenarioDocument *document, const QString &modelId,
                     const core::TypedPrice &price) {
  return document->replaceScenario(
      core::withTypedPrice(document->scenario(), modelId.toStdString(), price),
      QObject::tr("Type a price for %1").arg(modelId));
}

bool mapUnpricedModel(QWidget *parent, ScenarioDocument *document, const QString &modelId) {
  QStringList choices;
  QStringList ids;
  for (const core::ModelRates &model : document->rateCard().models) {
    ids.append(toQString(model.id));
    choices.append(model.name.empty() || model.name == model.id
                       ? toQString(model.id)
                       : QStringLiteral("%1 (%2)").arg(toQString(model.name), toQString(model.id)));
  }
  if (choices.isEmpty())
    return false;
  bool ok = false;
  const QString choice = QInputDialog::getItem(
      parent, QObject::tr("Map %1 to…").arg(modelId),
      QObject::tr("Every workload's share on %1 moves to the card model you choose; %1 then "
                  "leaves the models without a price.")
          .arg(modelId),
      choices, 0, false, &ok);
  if (!ok)
    return false;
  const QString to = ids.value(static_cast<int>(choices.indexOf(choice)));
  if (applyModelMapping(document, modelId, to))
    return true;
  QMessageBox::warning(
      parent, QObject::tr("Map %1").arg(modelId),
      QObject::tr("%1 cannot take this traffic:\n%2")
          .arg(to, issuesText(document->check(core::withModelMapped(
                       document->scenario(), {modelId.toStdString(), to.toStdString()})))));
  return false;
}

bool typeUnpricedPrice(QWidget *parent, ScenarioDocument *document, const QString &modelId) {
  TypedPriceDialog dialog(modelId, parent);
  if (dialog.exec() != QDialog::Accepted)
    return false;
  if (applyTypedPrice(document, modelId, dialog.price()))
    return true;
  QMessageBox::warning(parent, QObject::tr("Type a price for %1").arg(modelId),
                       issuesText(document->check(core::withTypedPrice(
                           document->scenario(), modelId.toStdString(), dialog.price()))));
  return false;
}

int addUnpricedActions(QMenu *menu, QWidget *parent, ScenarioDocument *document) {
  const core::Scenario &scenario = document->scenario();
  int models = 0;
  for (const std::string &id : scenario.unpricedModels) {
    if (document->rateCard().find(id))
      continue; // a stale entry: priced
    const QString modelId = toQString(id);
    menu->addAction(QObject::tr("Map %1 to…").arg(modelId), parent,
                    [=] { mapUnpricedModel(parent, document, modelId); });
    menu->addAction(QObject::tr("Type a price for %1…").arg(modelId), parent,
                    [=] { typeUnpricedPrice(parent, document, modelId); });
    ++models;
  }
  return models;
}

TypedPriceDialog::TypedPriceDialog(const QString &modelId, QWidget *parent)
    : QDialog(parent), m_input(priceBox(this, QStringLiteral("typedInput"))),
      m_output(priceBox(this, QStringLiteral("typedOutput"))),
      m_hasBatch(new QCheckBox(tr("Batch prices"), this)),
      m_batchInput(priceBox(this, QStringLiteral("typedBatchInput"))),
      m_batchOutput(priceBox(this, QStringLiteral("typedBatchOutput"))),
      m_hasCache(new QCheckBox(tr("Prompt-cache prices"), this)),
      m_cacheRead(priceBox(this, QStringLiteral("typedCacheRead"))),
      m_cacheWrite(priceBox(this, QStringLiteral("typedCacheWrite"))) {
  setObjectName(QStringLiteral("typedPriceDialog"));
  setWindowTitle(tr("Type a price for %1").arg(modelId));
  auto *layout = new QVBoxLayout(this);
  auto *intro = new QLabel(tr("%1 is not in the rate card. The prices you type are saved with "
                              "the scenario as a typed price (ratecard_overrides) and shown as "
                              "such wherever the model appears.")
                               .arg(modelId),
                           this);
  intro->setWordWrap(true);
  layout->addWidget(intro);
  auto *form = new QFormLayout;
  form->addRow(tr("Input"), m_input);
  form->addRow(tr("Output"), m_output);
  form->addRow(m_hasBatch);
  form->addRow(tr("Batch input"), m_batchInput);
  form->addRow(tr("Batch output"), m_batchOutput);
  form->addRow(m_hasCache);
  form->addRow(tr("Cache read"), m_cacheRead);
  form->addRow(tr("Cache write"), m_cacheWrite);
  layout->addLayout(form);
  for (QDoubleSpinBox *box : {m_batchInput, m_batchOutput, m_cacheRead, m_cacheWrite})
    box->setEnabled(false);
  connect(m_hasBatch, &QCheckBox::toggled, m_batchInput, &QWidget::setEnabled);
  connect(m_hasBatch, &QCheckBox::toggled, m_batchOutput, &QWidget::setEnabled);
  connect(m_hasCache, &QCheckBox::toggled, m_cacheRead, &QWidget::setEnabled);
  connect(m_hasCache, &QCheckBox::toggled, m_cacheWrite, &QWidget::setEnabled);
  auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
}

core::TypedPrice TypedPriceDialog::price() const {
  core::TypedPrice price;
  price.inputPer1m = m_input->value();
  price.outputPer1m = m_output->value();
  if (m_hasBatch->isChecked()) {
    price.batchInputPer1m = m_batchInput->value();
    price.batchOutputPer1m = m_batchOutput->value();
  }
  if (m_hasCache->isChecked()) {
    price.cacheReadPer1m = m_cacheRead->value();
    price.cacheWritePer1m = m_cacheWrite->value();
  }
  return price;
}

} // namespace bwi::ui
