#include "ui/levers/commitmentlevers.h"

#include "ui/document/scenariodocument.h"
#include "ui/levers/leverslider.h"
#include "ui/levers/numberfield.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace bwi::ui {
namespace {

NumberField *quoteBox(double maximum, int decimals, const QString &objectName, const QString &name,
                      QWidget *parent) {
  auto *box = new NumberField(parent);
  box->setObjectName(objectName);
  box->setFieldName(name);
  box->setRange(0, maximum);
  box->setDecimals(decimals);
  box->setKeyboardTracking(true); // read when "Use this quote" is clicked
  return box;
}

// A combo box of the column of levers: a long model id does not widen the
// column, and scrolling past it does not change it.
void fitToColumn(QComboBox *combo) {
  combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  combo->setMinimumContentsLength(12);
  ignoreWheelUnlessFocused(combo);
}

QString termName(core::PtTerm term) {
  switch (term) {
  case core::PtTerm::NoCommit:
    return CommitmentLevers::tr("No commitment (hourly)");
  case core::PtTerm::OneMonth:
    return CommitmentLevers::tr("1 month");
  case core::PtTerm::SixMonth:
    break;
  }
  return CommitmentLevers::tr("6 months");
}

QString termName(core::ReservedTerm term) {
  return term == core::ReservedTerm::OneMonth ? CommitmentLevers::tr("1 month")
                                              : CommitmentLevers::tr("3 months");
}

// A label of the levers that says a sentence: it wraps inside the column.
QLabel *sentence(const QString &text, QWidget *parent) {
  auto *label = new QLabel(text, parent);
  label->setWordWrap(true);
  return label;
}

const core::SizingResult *sizingOf(const core::WorkbenchFigures &workbench,
                                   const std::string &modelId) {
  for (const core::SizingResult &sizing : workbench.evaluation.sizing)
    if (sizing.modelId == modelId)
      return &sizing;
  return nullptr;
}

} // namespace

CommitmentLevers::CommitmentLevers(ScenarioDocument *document, QWidget *parent)
    : QGroupBox(tr("Commitment"), parent), m_document(document), m_model(new QComboBox(this)),
      m_status(new QLabel(this)), m_ptBox(new QWidget(this)),
      m_units(new LeverSlider(tr("Provisioned throughput"), tr("model units"), 0, 10, 0,
                              LeverSlider::Scale::Linear, m_ptBox)),
      m_ptTerm(new QComboBox(m_ptBox)), m_ptQuote(new QWidget(this)),
      m_quoteRate(quoteBox(1e5, 2, QStringLiteral("ptQuoteRate"), tr("1-month price"), m_ptQuote)),
      m_quoteInputTpm(
          quoteBox(1e9, 0, QStringLiteral("ptQuoteInputTpm"), tr("Capacity in"), m_ptQuote)),
      m_quoteOutputTpm(
          quoteBox(1e9, 0, QStringLiteral("ptQuoteOutputTpm"), tr("Capacity out"), m_ptQuote)),
      m_reservedBox(new QWidget(this)),
      m_inputTpm(new LeverSlider(tr("Reserved input"), tr("tokens/min"), 0, 1e6, 0,
                                 LeverSlider::Scale::Linear, m_reservedBox)),
      m_outputTpm(new LeverSlider(tr("Reserved output"), tr("tokens/min"), 0, 1e5, 0,
                                  LeverSlider::Scale::Linear, m_reservedBox)),
      m_reservedTerm(new QComboBox(m_reservedBox)), m_reservedQuote(new QWidget(this)),
      m_quoteInputPrice(quoteBox(1e6, 2, QStringLiteral("reservedQuoteInput"), tr("1-month input"),
                                 m_reservedQuote)),
      m_quoteOutputPrice(quoteBox(1e6, 2, QStringLiteral("reservedQuoteOutput"),
                                  tr("1-month output"), m_reservedQuote)),
      m_renewalBox(new QWidget(this)), m_autoRenew(new QCheckBox(tr("Auto-renews"), m_renewalBox)),
      m_noticeDays(new QSpinBox(m_renewalBox)) {
  auto *layout = new QVBoxLayout(this);
  m_model->setObjectName(QStringLiteral("commitmentModelCombo"));
  m_model->setToolTip(tr("The model whose commitment the levers below change; the commitment "
                         "explorer and hourly load charts follow it."));
  fitToColumn(m_model);
  layout->addWidget(m_model);
  m_status->setWordWrap(true);
  m_status->setObjectName(QStringLiteral("commitmentStatus"));
  layout->addWidget(m_status);

  auto *ptLayout = new QFormLayout(m_ptBox);
  ptLayout->setContentsMargins(0, 0, 0, 0);
  m_units->setObjectName(QStringLiteral("ptUnitsLever"));
  m_units->setToolTipText(tr("Model units of provisioned throughput, billed every hour of the "
                             "term whether used or not; traffic above them is assumed to fall "
                             "back to on demand. 0 removes the commitment."));
  ptLayout->addRow(m_units);
  m_ptTerm->setObjectName(QStringLiteral("ptTermCombo"));
  m_ptTerm->setToolTip(tr("Commitment term: longer terms price the model unit lower."));
  fitToColumn(m_ptTerm);
  ptLayout->addRow(tr("Term"), m_ptTerm);
  layout->addWidget(m_ptBox);

  auto *ptQuoteLayout = new QFormLayout(m_ptQuote);
  ptQuoteLayout->setContentsMargins(0, 0, 0, 0);
  ptQuoteLayout->addRow(sentence(tr("<b>Quote needed.</b> AWS publishes no current "
                                    "provisioned-throughput price nor what a model unit "
                                    "serves; enter the account team's quote:"),
                                 m_ptQuote));
  m_quoteRate->setSuffix(tr(" USD/MU-hour"));
  ptQuoteLayout->addRow(tr("1-month price"), m_quoteRate);
  m_quoteInputTpm->setSuffix(tr(" input TPM/MU"));
  ptQuoteLayout->addRow(tr("Capacity in"), m_quoteInputTpm);
  m_quoteOutputTpm->setSuffix(tr(" output TPM/MU"));
  ptQuoteLayout->addRow(tr("Capacity out"), m_quoteOutputTpm);
  auto *ptQuoteButton = new QPushButton(tr("Use this quote"), m_ptQuote);
  ptQuoteButton->setObjectName(QStringLiteral("ptQuoteButton"));
  ptQuoteLayout->addRow(ptQuoteButton);
  layout->addWidget(m_ptQuote);

  auto *reservedLayout = new QFormLayout(m_reservedBox);
  reservedLayout->setContentsMargins(0, 0, 0, 0);
  m_inputTpm->setObjectName(QStringLiteral("reservedInputLever"));
  m_inputTpm->setToolTipText(tr("Input tokens per minute reserved (uncached input and cache "
                                "writes count against it); traffic above spills to on demand."));
  m_outputTpm->setObjectName(QStringLiteral("reservedOutputLever"));
  m_outputTpm->setToolTipText(tr("Output tokens per minute reserved; traffic above spills to on "
                                 "demand."));
  reservedLayout->addRow(m_inputTpm);
  reservedLayout->addRow(m_outputTpm);
  m_reservedTerm->setObjectName(QStringLiteral("reservedTermCombo"));
  fitToColumn(m_reservedTerm);
  reservedLayout->addRow(tr("Term"), m_reservedTerm);
  layout->addWidget(m_reservedBox);

  auto *reservedQuoteLayout = new QFormLayout(m_reservedQuote);
  reservedQuoteLayout->setContentsMargins(0, 0, 0, 0);
  reservedQuoteLayout->addRow(sentence(tr("<b>Quote needed.</b> The Reserved tier's price is "
                                          "not public; enter the account team's quote:"),
                                       m_reservedQuote));
  m_quoteInputPrice->setSuffix(tr(" USD per 1K input TPM-month"));
  m_quoteOutputPrice->setSuffix(tr(" USD per 1K output TPM-month"));
  reservedQuoteLayout->addRow(tr("1-month input"), m_quoteInputPrice);
  reservedQuoteLayout->addRow(tr("1-month output"), m_quoteOutputPrice);
  auto *reservedQuoteButton = new QPushButton(tr("Use this quote"), m_reservedQuote);
  reservedQuoteButton->setObjectName(QStringLiteral("reservedQuoteButton"));
  reservedQuoteLayout->addRow(reservedQuoteButton);
  layout->addWidget(m_reservedQuote);

  auto *renewalLayout = new QFormLayout(m_renewalBox);
  renewalLayout->setContentsMargins(0, 0, 0, 0);
  m_autoRenew->setObjectName(QStringLiteral("autoRenewCheck"));
  m_autoRenew->setToolTip(tr("AWS renews a commitment at the end of each term unless it is "
                             "cancelled, and a cancellation cannot be undone. Unticked, the "
                             "commitment ends with its term and its traffic goes on demand."));
  renewalLayout->addRow(m_autoRenew);
  m_noticeDays->setObjectName(QStringLiteral("noticeDaysSpin"));
  m_noticeDays->setRange(0, 365);
  m_noticeDays->setSuffix(tr(" days"));
  m_noticeDays->setKeyboardTracking(false);
  m_noticeDays->setToolTip(tr("How long before the term's end a cancellation must be made (the "
                              "account team's or procurement's lead time); the commitment "
                              "calendar puts the deadline there."));
  renewalLayout->addRow(tr("Cancel notice"), m_noticeDays);
  layout->addWidget(m_renewalBox);

  connect(m_autoRenew, &QCheckBox::toggled, this, [this](bool on) {
    m_document->setValue({core::Field::CommitmentAutoRenew, -1, modelId()}, on ? 1.0 : 0.0,
                         on ? tr("Auto-renew commitment") : tr("Stop commitment auto-renewal"));
  });
  connect(m_noticeDays, &QSpinBox::valueChanged, this, [this](int days) {
    m_document->setValue({core::Field::CommitmentNoticeDays, -1, modelId()},
                         static_cast<double>(days), tr("Change cancellation notice"));
  });

  connect(m_model, &QComboBox::currentIndexChanged, this,
          [this] { m_document->setSelectedModel(m_model->currentData().toString()); });
  connect(m_units, &LeverSlider::valueEdited, this, [this](double units, int group) {
    if (!m_document->setValue({core::Field::ProvisionedUnits, -1, modelId()}, std::round(units),
                              tr("Change provisioned units"), group)) {
      emit statusMessage(tr("A model has one commitment at most: remove its reservation first."));
      refresh();
    }
  });
  connect(m_ptTerm, &QComboBox::currentIndexChanged, this, [this](int index) {
    m_document->setValue({core::Field::ProvisionedTerm, -1, modelId()},
                         m_ptTerm->itemData(index).toString().toStdString(),
                         tr("Change commitment term"));
  });
  const auto reservedEdit = [this](core::Field field) {
    return [this, field](double tpm, int group) {
      if (!m_document->setValue({field, -1, modelId()}, std::round(tpm), tr("Change reservation"),
                                group)) {
        emit statusMessage(tr("A reservation is 0 or at least the minimum on both sides, and a "
                              "model has one commitment at most."));
        refresh();
      }
    };
  };
  connect(m_inputTpm, &LeverSlider::valueEdited, this, reservedEdit(core::Field::ReservedInputTpm));
  connect(m_outputTpm, &LeverSlider::valueEdited, this,
          reservedEdit(core::Field::ReservedOutputTpm));
  connect(m_reservedTerm, &QComboBox::currentIndexChanged, this, [this](int index) {
    m_document->setValue({core::Field::ReservedTerm, -1, modelId()},
                         m_reservedTerm->itemData(index).toString().toStdString(),
                         tr("Change reservation term"));
  });
  connect(ptQuoteButton, &QPushButton::clicked, this, &CommitmentLevers::enterPtQuote);
  connect(reservedQuoteButton, &QPushButton::clicked, this, &CommitmentLevers::enterReservedQuote);
  connect(m_document, &ScenarioDocument::scenarioChanged, this, &CommitmentLevers::refresh);
  refresh();
}

std::string CommitmentLevers::modelId() const {
  return m_model->currentData().toString().toStdString();
}

void CommitmentLevers::refresh() {
  const core::WorkbenchFigures &workbench = m_document->workbench();
  const core::Scenario &scenario = m_document->scenario();
  {
    // Every model the estate routes to or commits on.
    const QSignalBlocker block(m_model);
    m_model->clear();
    std::vector<std::string> ids;
    for (const core::Workload &workload : scenario.workloads)
      for (const core::RoutingShare &route : workload.routing)
        if (std::find(ids.begin(), ids.end(), route.modelId) == ids.end())
          ids.push_back(route.modelId);
    for (const std::string &id : ids)
      m_model->addItem(QString::fromStdString(id), QString::fromStdString(id));
    // The user's pick, else the model the charts resolved to.
    int index = m_model->findData(m_document->selectedModel());
    if (index < 0)
      index = m_model->findData(QString::fromStdString(workbench.selectedModelId));
    m_model->setCurrentIndex(std::max(0, index));
  }
  const std::string id = m_model->currentData().toString().toStdString();
  const core::ModelRates *model = m_document->rateCard().find(id);
  const bool ptCapable = model && model->ptCapable();
  const bool ptOffered = model && model->provisioned;
  const bool reservedOffered = model && model->reserved;
  const bool reservedPriced =
      reservedOffered && (model->reserved->oneMonth || model->reserved->threeMonth);
  const auto units = core::getField(scenario, {core::Field::ProvisionedUnits, -1, id});
  const auto input = core::getField(scenario, {core::Field::ReservedInputTpm, -1, id});
  const auto output = core::getField(scenario, {core::Field::ReservedOutputTpm, -1, id});
  const bool hasReservation =
      std::any_of(scenario.reserved.begin(), scenario.reserved.end(),
                  [&](const core::Reservation &r) { return r.modelId == id; });

  if (id != m_quoteModel || m_document->generation() != m_quoteGeneration)
    prefillQuote(id);
  m_ptBox->setVisible(ptCapable && !hasReservation);
  m_ptQuote->setVisible(ptOffered && !ptCapable && !hasReservation);
  m_reservedBox->setVisible(reservedPriced);
  m_reservedQuote->setVisible(reservedOffered && !reservedPriced);
  if (!model)
    m_status->setText(tr("No model selected."));
  else if (!ptOffered && !reservedOffered)
    m_status->setText(tr("%1 offers no provisioned throughput or Reserved tier on this rate card.")
                          .arg(QString::fromStdString(id)));
  else if (const core::SizingResult *sizing = sizingOf(workbench, id))
    m_status->setText(tr("Load %1 MU on average, %2 at peak; floor %3 MU, optimal %4 MU "
                         "(prices and capacities are quotes).")
                          .arg(sizing->meanLoadMu, 0, 'f', 2)
                          .arg(sizing->peakLoadMu, 0, 'f', 2)
                          .arg(sizing->floorModelUnits)
                          .arg(sizing->optimalModelUnits));
  else
    m_status->clear();

  if (ptCapable) {
    const core::SizingResult *sizing = sizingOf(workbench, id);
    const double current = std::get<double>(units);
    const double peak = sizing ? sizing->peakLoadMu : 0.0;
    m_units->setRange(0, std::max({10.0, std::ceil(peak * 2), current * 2}));
    m_units->setValue(current);
    const QSignalBlocker block(m_ptTerm);
    m_ptTerm->clear();
    for (core::PtTerm term :
         {core::PtTerm::NoCommit, core::PtTerm::OneMonth, core::PtTerm::SixMonth})
      if (model->provisioned->ratePerMuHour(term))
        m_ptTerm->addItem(termName(term), toQString(core::toString(term)));
    const auto term = core::getField(scenario, {core::Field::ProvisionedTerm, -1, id});
    m_ptTerm->setCurrentIndex(
        std::max(0, m_ptTerm->findData(QString::fromStdString(std::get<std::string>(term)))));
    m_ptTerm->setEnabled(current >= 1);
  }
  refreshRenewal(id);
  if (reservedPriced) {
    const double peakIn = workbench.reservedCurve && !workbench.reservedCurve->points.empty()
                              ? workbench.reservedCurve->points.back().inputTpm
                              : 0.0;
    m_inputTpm->setRange(0, std::max({1e6, peakIn, std::get<double>(input) * 2}));
    m_inputTpm->setValue(std::get<double>(input));
    m_outputTpm->setRange(0, std::max(1e5, std::get<double>(output) * 2));
    m_outputTpm->setValue(std::get<double>(output));
    const QSignalBlocker block(m_reservedTerm);
    m_reservedTerm->clear();
    for (core::ReservedTerm term : {core::ReservedTerm::OneMonth, core::ReservedTerm::ThreeMonth})
      if (model->reserved->rates(term))
        m_reservedTerm->addItem(termName(term), toQString(core::toString(term)));
    const auto term = core::getField(scenario, {core::Field::ReservedTerm, -1, id});
    m_reservedTerm->setCurrentIndex(
        std::max(0, m_reservedTerm->findData(QString::fromStdString(std::get<std::string>(term)))));
  }
}

void CommitmentLevers::refreshRenewal(const std::string &id) {
  const core::Scenario &scenario = m_document->scenario();
  const auto autoRenew = core::getField(scenario, {core::Field::CommitmentAutoRenew, -1, id});
  const auto notice = core::getField(scenario, {core::Field::CommitmentNoticeDays, -1, id});
  const bool committed = std::holds_alternative<double>(autoRenew);
  m_renewalBox->setVisible(committed);
  if (!committed)
    return;
  // No commitment (hourly) has no term to renew: it runs until deleted.
  const bool hourly = std::any_of(scenario.provisioned.begin(), scenario.provisioned.end(),
                                  [&](const core::ProvisionedCommitment &c) {
                                    return c.modelId == id && c.term == core::PtTerm::NoCommit;
                                  });
  const QSignalBlocker blockRenew(m_autoRenew);
  const QSignalBlocker blockNotice(m_noticeDays);
  m_autoRenew->setChecked(std::get<double>(autoRenew) != 0);
  m_noticeDays->setValue(static_cast<int>(std::get<double>(notice)));
  m_autoRenew->setEnabled(!hourly);
  m_noticeDays->setEnabled(!hourly && m_autoRenew->isChecked());
}

void CommitmentLevers::prefillQuote(const std::string &modelId) {
  m_quoteModel = modelId;
  m_quoteGeneration = m_document->generation();
  const core::ModelRates *model = m_document->rateCard().find(modelId);
  const core::ProvisionedRates *pt = model && model->provisioned ? &*model->provisioned : nullptr;
  m_quoteRate->setValue(pt ? pt->oneMonthPerMuHour.value_or(0) : 0);
  m_quoteInputTpm->setValue(pt ? pt->inputTpmPerMu.value_or(0) : 0);
  m_quoteOutputTpm->setValue(pt ? pt->outputTpmPerMu.value_or(0) : 0);
  const core::ReservedRates *reserved = model && model->reserved ? &*model->reserved : nullptr;
  const bool priced = reserved && reserved->oneMonth;
  m_quoteInputPrice->setValue(priced ? reserved->oneMonth->inputPer1kTpmMonth : 0);
  m_quoteOutputPrice->setValue(priced ? reserved->oneMonth->outputPer1kTpmMonth : 0);
}

void CommitmentLevers::enterPtQuote() {
  const std::string id = modelId();
  if (id.empty() || !(m_quoteRate->value() > 0) || !(m_quoteInputTpm->value() > 0) ||
      !(m_quoteOutputTpm->value() > 0)) {
    emit statusMessage(tr("A quote needs a price and both capacities above 0."));
    return;
  }
  core::Scenario next = m_document->scenario();
  const auto set = [&](const char *field, core::FieldValue value) {
    core::setField(next, {core::Field::RateOverride, -1, id, field}, value);
  };
  set("provisioned.per_mu_hour.one_month", m_quoteRate->value());
  set("provisioned.input_tpm_per_mu", m_quoteInputTpm->value());
  set("provisioned.output_tpm_per_mu", m_quoteOutputTpm->value());
  set("note",
      tr("PT quote entered %1").arg(QDate::currentDate().toString(Qt::ISODate)).toStdString());
  m_document->replaceScenario(next, tr("Enter provisioned-throughput quote"));
}

void CommitmentLevers::enterReservedQuote() {
  const std::string id = modelId();
  if (id.empty() || !(m_quoteInputPrice->value() > 0) || !(m_quoteOutputPrice->value() > 0)) {
    emit statusMessage(tr("A quote needs both prices above 0."));
    return;
  }
  core::Scenario next = m_document->scenario();
  core::setField(next,
                 {core::Field::RateOverride, -1, id, "reserved.one_month.input_per_1k_tpm_month"},
                 m_quoteInputPrice->value());
  core::setField(next,
                 {core::Field::RateOverride, -1, id, "reserved.one_month.output_per_1k_tpm_month"},
                 m_quoteOutputPrice->value());
  m_document->replaceScenario(next, tr("Enter Reserved-tier quote"));
}

} // namespace bwi::ui
