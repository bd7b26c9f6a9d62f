#include "ui/levers/meterlevers.h"

#include "core/common/moneyformat.h"
#include "core/model/meterkinds.h"
#include "core/model/scenariofields.h"
#include "ui/document/scenariodocument.h"
#include "ui/tables/tablecells.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace bwi::ui {
namespace {

struct PolicyLabel {
  std::string_view kind;
  const char *label;
};
constexpr PolicyLabel kPolicyLabels[] = {
    {core::kGuardrailContentFilters, QT_TRANSLATE_NOOP("MeterLevers", "Content filters")},
    {core::kGuardrailDeniedTopics, QT_TRANSLATE_NOOP("MeterLevers", "Denied topics")},
    {core::kGuardrailWordFilters, QT_TRANSLATE_NOOP("MeterLevers", "Word filters")},
    {core::kGuardrailSensitiveInformation,
     QT_TRANSLATE_NOOP("MeterLevers", "Sensitive information")},
    {core::kGuardrailContextualGrounding, QT_TRANSLATE_NOOP("MeterLevers", "Contextual grounding")},
};

QDoubleSpinBox *spin(QWidget *parent, const QString &objectName, double maximum, int decimals,
                     const QString &suffix = {}, const QString &prefix = {}) {
  auto *box = new QDoubleSpinBox(parent);
  box->setObjectName(objectName);
  box->setRange(0, maximum);
  box->setDecimals(decimals);
  box->setSuffix(suffix);
  box->setPrefix(prefix);
  // One undo step per committed value, not per keystroke.
  box->setKeyboardTracking(false);
  return box;
}

} // namespace

MeterLevers::MeterLevers(ScenarioDocument *document, QWidget *parent)
    : QGroupBox(tr("Beyond tokens and unit cost"), parent), m_document(document),
      m_vectorStore(new QComboBox(this)), m_metersTotal(new QLabel(this)),
      m_unitName(new QLineEdit(this)),
      m_unitsPerRequest(spin(this, QStringLiteral("unitsPerRequestSpin"), 1e6, 4)),
      m_unitsPerMonth(spin(this, QStringLiteral("unitsPerMonthSpin"), 1e12, 0)),
      m_target(spin(this, QStringLiteral("unitTargetSpin"), 1e6, 4, {}, QStringLiteral("$"))),
      m_tolerance(spin(this, QStringLiteral("unitToleranceSpin"), 100, 0, QStringLiteral(" %"),
                       QStringLiteral("± "))) {
  setObjectName(QStringLiteral("meterLevers"));
  auto *layout = new QVBoxLayout(this);

  auto *guardrails =
      new QLabel(tr("<b>Guardrails</b> (per 1K text units, each policy billed)"), this);
  guardrails->setWordWrap(true);
  layout->addWidget(guardrails);
  auto *grid = new QGridLayout;
  int index = 0;
  for (const PolicyLabel &policy : kPolicyLabels) {
    auto *check = new QCheckBox(tr(policy.label), this);
    check->setObjectName(QStringLiteral("guardrail_") +
                         toQString(policy.kind).section(QLatin1Char('.'), -1));
    const std::string kind(policy.kind);
    connect(check, &QCheckBox::toggled, this, [this, kind](bool on) { setGuardrail(kind, on); });
    grid->addWidget(check, index / 2, index % 2);
    m_policies.push_back({kind, check});
    ++index;
  }
  layout->addLayout(grid);

  auto *form = new QFormLayout;
  m_vectorStore->setObjectName(QStringLiteral("vectorStoreCombo"));
  m_vectorStore->addItem(tr("None"), QStringLiteral("none"));
  m_vectorStore->addItem(tr("OpenSearch Serverless (2 OCU floor)"),
                         QStringLiteral("opensearch_serverless"));
  m_vectorStore->addItem(tr("S3 Vectors (storage + queries)"), QStringLiteral("s3_vectors"));
  m_vectorStore->setToolTip(
      tr("The knowledge base's vector store. OpenSearch Serverless bills at least 2 OCUs every "
         "hour whatever the traffic; S3 Vectors bills the GB stored and the queries. Set the GB "
         "in the meters table (Workloads tab)."));
  form->addRow(tr("Vector store"), m_vectorStore);
  m_metersTotal->setObjectName(QStringLiteral("metersTotalLabel"));
  m_metersTotal->setWordWrap(true);
  form->addRow(tr("Meters"), m_metersTotal);

  m_unitName->setObjectName(QStringLiteral("unitNameEdit"));
  m_unitName->setPlaceholderText(tr("e.g. ticket, user, document"));
  m_unitName->setToolTip(tr("What the workload delivers, so its cost reads per unit. Empty: no "
                            "unit."));
  form->addRow(tr("Unit"), m_unitName);
  m_unitsPerRequest->setToolTip(tr("Units each request delivers (0.25: a ticket every four "
                                   "requests)."));
  form->addRow(tr("Units per request"), m_unitsPerRequest);
  m_unitsPerMonth->setToolTip(tr("Units a month regardless of traffic (active users)."));
  form->addRow(tr("Units per month"), m_unitsPerMonth);
  m_target->setSpecialValueText(tr("no target"));
  m_target->setToolTip(tr("Target net cost per unit, USD."));
  form->addRow(tr("Target per unit"), m_target);
  m_tolerance->setToolTip(tr("The band around the target that counts as on target."));
  form->addRow(tr("Tolerance"), m_tolerance);
  layout->addLayout(form);

  connect(m_vectorStore, &QComboBox::currentIndexChanged, this, [this](int row) {
    const auto store =
        core::vectorStoreFromString(m_vectorStore->itemData(row).toString().toStdString());
    const core::Workload *workload = selectedWorkload();
    if (!store || !workload)
      return;
    core::Workload next = *workload;
    core::setVectorStore(next, *store, m_document->scenario().hoursPerMonth);
    if (!setMeters(next.meters, tr("Change vector store to %1").arg(m_vectorStore->itemText(row))))
      refresh(); // refused (the card does not price that store): show the scenario again
  });
  connect(m_unitName, &QLineEdit::editingFinished, this, [this] {
    const core::Workload *workload = selectedWorkload();
    if (!workload)
      return;
    const std::string name = m_unitName->text().trimmed().toStdString();
    if (name.empty()) {
      if (workload->unit)
        setUnit(std::nullopt, tr("Remove unit"));
      return;
    }
    core::UnitEconomics unit = workload->unit.value_or(core::UnitEconomics{});
    unit.name = name;
    setUnit(unit, tr("Name unit"));
  });
  const auto unitEdit = [this](QDoubleSpinBox *box, const QString &undoText, auto apply) {
    connect(box, &QDoubleSpinBox::valueChanged, this, [this, undoText, apply](double value) {
      const core::Workload *workload = selectedWorkload();
      if (!workload || !workload->unit)
        return;
      core::UnitEconomics unit = *workload->unit;
      apply(unit, value);
      setUnit(unit, undoText);
    });
  };
  unitEdit(m_unitsPerRequest, tr("Change units per request"),
           [](core::UnitEconomics &unit, double value) { unit.perRequest = value; });
  unitEdit(m_unitsPerMonth, tr("Change units per month"),
           [](core::UnitEconomics &unit, double value) { unit.perMonth = value; });
  unitEdit(m_target, tr("Change unit target"), [](core::UnitEconomics &unit, double value) {
    unit.targetUsd = value > 0 ? std::optional<double>(value) : std::nullopt;
  });
  unitEdit(m_tolerance, tr("Change unit tolerance"),
           [](core::UnitEconomics &unit, double percent) { unit.tolerance = percent / 100; });
  connect(m_document, &ScenarioDocument::scenarioChanged, this, &MeterLevers::refresh);
  connect(m_document, &ScenarioDocument::selectionChanged, this, &MeterLevers::refresh);
  refresh();
}

const core::Workload *MeterLevers::selectedWorkload() const {
  return m_document->selectedWorkloadData();
}

bool MeterLevers::setMeters(const std::vector<core::MeterUse> &meters, const QString &undoText) {
  const core::Workload *workload = selectedWorkload();
  if (!workload || workload->meters == meters)
    return true;
  const core::FieldKey key{core::Field::Meters, m_document->selectedWorkload()};
  if (m_document->setValue(key, meters, undoText))
    return true;
  emit statusMessage(refusalReason(*m_document, key, meters));
  return false;
}

void MeterLevers::setUnit(const std::optional<core::UnitEconomics> &unit, const QString &undoText) {
  const core::Workload *workload = selectedWorkload();
  if (!workload || workload->unit == unit)
    return;
  const core::FieldKey key{core::Field::Unit, m_document->selectedWorkload()};
  const core::FieldValue value = unit ? core::FieldValue(*unit) : core::FieldValue();
  if (!m_document->setValue(key, value, undoText)) {
    emit statusMessage(refusalReason(*m_document, key, value));
    refresh();
  }
}

void MeterLevers::setGuardrail(const std::string &kind, bool on) {
  const core::Workload *workload = selectedWorkload();
  if (!workload)
    return;
  QString label;
  for (const Policy &policy : m_policies)
    if (policy.kind == kind)
      label = policy.check->text();
  core::Workload next = *workload;
  core::setGuardrailPolicy(next, kind, on);
  if (!setMeters(next.meters, on ? tr("Turn on guardrail %1").arg(label)
                                 : tr("Turn off guardrail %1").arg(label)))
    refresh();
}

void MeterLevers::refresh() {
  const core::Scenario &scenario = m_document->scenario();
  const core::RateCard &card = m_document->rateCard();
  const int selected = m_document->selectedWorkload();
  const bool valid = selected >= 0 && selected < static_cast<int>(scenario.workloads.size());
  setEnabled(valid);
  if (!valid)
    return;
  const core::Workload &workload = scenario.workloads[static_cast<std::size_t>(selected)];
  const double units = core::guardrailKiloTextUnitsPerRequest(workload.tokens);
  for (const Policy &policy : m_policies) {
    const core::MeterRate *rate = core::findMeterRate(card, policy.kind);
    const core::MeterUse *meter = core::findMeter(workload, policy.kind);
    const QSignalBlocker block(policy.check);
    policy.check->setChecked(meter != nullptr);
    // A policy the card does not price can still be turned off, not on.
    policy.check->setEnabled(rate || meter);
    QString tip = rate ? tr("%1 per %2 (%3)")
                             .arg(toQString(core::formatUsdPerUnit(rate->usdPerUnit)),
                                  toQString(rate->unit), toQString(rate->sourceDate))
                       : tr("Not in the rate card: add it with a typed rate in the meters table.");
    tip += QLatin1Char('\n') +
           (meter ? tr("%1 thousand text units a request.").arg(meter->perRequest)
                  : tr("On: %1 thousand text units a request, from the workload's user input, "
                       "history and output at 4 characters a token.")
                        .arg(units));
    policy.check->setToolTip(tip);
  }
  {
    const QSignalBlocker block(m_vectorStore);
    m_vectorStore->setCurrentIndex(std::max(
        0, m_vectorStore->findData(toQString(core::toString(core::vectorStoreOf(workload))))));
  }
  const core::MetersSummary meters =
      core::workloadMeters(m_document->workbench().evaluation, workload.id);
  m_metersTotal->setText(meters.count == 0
                             ? tr("none")
                             : tr("%n meter(s), %1 gross this month", "", meters.count)
                                   .arg(toQString(core::formatUsdExact(meters.grossUsd))));

  const bool unit = workload.unit.has_value();
  for (QWidget *field :
       std::initializer_list<QWidget *>{m_unitsPerRequest, m_unitsPerMonth, m_target, m_tolerance})
    field->setEnabled(unit);
  const QSignalBlocker blockName(m_unitName);
  if (!m_unitName->hasFocus())
    m_unitName->setText(unit ? toQString(workload.unit->name) : QString());
  const QSignalBlocker b1(m_unitsPerRequest), b2(m_unitsPerMonth), b3(m_target), b4(m_tolerance);
  m_unitsPerRequest->setValue(unit ? workload.unit->perRequest : 0);
  m_unitsPerMonth->setValue(unit ? workload.unit->perMonth : 0);
  m_target->setValue(unit ? workload.unit->targetUsd.value_or(0) : 0);
  m_tolerance->setValue(unit ? workload.unit->tolerance * 100 : 0);
}

} // namespace bwi::ui
