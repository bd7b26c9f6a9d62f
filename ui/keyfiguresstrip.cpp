#include "ui/keyfiguresstrip.h"

#include "core/common/moneyformat.h"
#include "ui/commitmentrisks.h"
#include "ui/document/scenariodocument.h"
#include "ui/flowlayout.h"
#include "ui/workloads/unpricedactions.h"

#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>

namespace bwi::ui {
namespace {

constexpr int kNextDecisionCaptionWidth = 480; // px

// A figure's colour set only when it changes: a style sheet set again on every
// slider step re-polishes the label each time.
void setColour(QLabel *label, const QString &styleSheet) {
  if (label->styleSheet() != styleSheet)
    label->setStyleSheet(styleSheet);
}

QString optionalMoney(const std::optional<double> &usd) {
  return usd ? toQString(core::formatUsdExact(*usd)) : QStringLiteral("–");
}

QString optionalShare(const std::optional<double> &share) {
  return share ? toQString(core::formatPercent(*share)) : QStringLiteral("–");
}

} // namespace

KeyFiguresStrip::KeyFiguresStrip(ScenarioDocument *document, QWidget *parent)
    : QFrame(parent), m_document(document), m_figures(new FlowLayout(nullptr, 4)),
      m_warnings(new QLabel(this)), m_unpriced(new QPushButton(this)), m_risks(new QLabel(this)) {
  setObjectName(QStringLiteral("keyFigures"));
  setFrameShape(QFrame::StyledPanel);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(8, 4, 8, 4);
  layout->setSpacing(2);
  m_figures->setJustified(true);
  m_unpriced->setObjectName(QStringLiteral("unpricedFlag"));
  m_unpriced->setFlat(true);
  m_unpriced->setCursor(Qt::PointingHandCursor);
  m_unpriced->setStyleSheet(QStringLiteral(
      "QPushButton { color: #B23A00; font-weight: bold; text-align: left; border: 1px solid "
      "#B23A00; border-radius: 3px; padding: 2px 6px; background: #FFF1EA; }"));
  m_unpriced->hide();
  connect(m_unpriced, &QPushButton::clicked, this, [this] {
    QMenu menu(this);
    addUnpricedActions(&menu, this, m_document);
    menu.exec(m_unpriced->mapToGlobal(QPoint(0, m_unpriced->height())));
  });
  layout->addWidget(m_unpriced);
  layout->addLayout(m_figures);
  m_warnings->setObjectName(QStringLiteral("evaluationWarnings"));
  m_warnings->setWordWrap(true);
  m_warnings->setTextFormat(Qt::PlainText);
  m_warnings->setStyleSheet(QStringLiteral("color: #8a4b00;"));
  m_warnings->hide();
  layout->addWidget(m_warnings);
  m_risks->setObjectName(QStringLiteral("commitmentRisks"));
  m_risks->setWordWrap(true);
  m_risks->setTextFormat(Qt::PlainText);
  m_risks->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_risks->setStyleSheet(QStringLiteral("color: #B23A00; font-weight: bold;"));
  m_risks->hide();
  layout->addWidget(m_risks);
  m_net = addFigure(QStringLiteral("netFigure"), tr("Net cost this month"),
                    tr("Monthly cost after the private-pricing discount."));
  m_change = addFigure(QStringLiteral("changeFigure"), tr("Change vs. as opened"),
                       tr("Net cost against the scenario as it was opened or last saved."));
  m_perRequest = addFigure(QStringLiteral("perRequestFigure"), tr("Per 1,000 requests"),
                           tr("Net cost per 1,000 requests on priced models (traffic on a model "
                              "without a price is left out of cost and volume alike)."));
  m_perToken = addFigure(QStringLiteral("perTokenFigure"), tr("Blended per 1M tokens"),
                         tr("Net cost per million input and output tokens on priced models."));
  m_utilization = addFigure(QStringLiteral("utilizationFigure"), tr("PT utilization"),
                            tr("Share of committed model-unit hours that carry traffic."));
  m_commit = addFigure(QStringLiteral("commitFigure"), tr("Annual commit retired"),
                       tr("Share of the agreement's annual commit that the first 12 forecast "
                          "months retire."));
  m_unitCost =
      addFigure(QStringLiteral("unitCostFigure"), tr("Cost per unit"), QString(), &m_unitCaption);
  m_nextDecision = addFigure(QStringLiteral("nextDecisionFigure"), tr("Next decision"), QString(),
                             &m_nextDecisionCaption);
  connect(m_document, &ScenarioDocument::scenarioChanged, this, &KeyFiguresStrip::refresh);
  connect(m_document, &ScenarioDocument::selectionChanged, this, &KeyFiguresStrip::refreshUnitCost);
  refresh();
}

QLabel *KeyFiguresStrip::addFigure(const QString &objectName, const QString &caption,
                                   const QString &toolTip, QLabel **captionLabel) {
  auto *box = new QWidget(this);
  auto *layout = new QVBoxLayout(box);
  layout->setContentsMargins(6, 2, 6, 2);
  layout->setSpacing(0);
  auto *value = new QLabel(box);
  value->setObjectName(objectName);
  QFont font = value->font();
  font.setPointSizeF(font.pointSizeF() * 1.5);
  font.setBold(true);
  value->setFont(font);
  value->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto *label = new QLabel(caption, box);
  label->setStyleSheet(QStringLiteral("color: #555;"));
  layout->addWidget(value);
  layout->addWidget(label);
  box->setToolTip(toolTip);
  if (captionLabel)
    *captionLabel = label;
  m_figures->addWidget(box);
  return value;
}

void KeyFiguresStrip::refresh() {
  const core::KeyFigures &figures = m_document->workbench().figures;
  m_net->setText(m_document->figuresProblem().isEmpty()
                     ? toQString(core::formatUsdExact(figures.netUsd))
                     : tr("overflow"));
  m_net->setToolTip(m_document->figuresProblem());
  if (figures.changeUsd) {
    const double change = *figures.changeUsd;
    const QString sign = change > 0.005 ? QStringLiteral("+") : QString();
    m_change->setText(sign + toQString(core::formatUsdExact(change)) +
                      (figures.changeShare
                           ? QStringLiteral(" (%1%2)").arg(sign, optionalShare(figures.changeShare))
                           : QString()));
    setColour(m_change, change > 0.005    ? QStringLiteral("color: #B23A00;")
                        : change < -0.005 ? QStringLiteral("color: #00734F;")
                                          : QString());
  } else {
    m_change->setText(QStringLiteral("–"));
  }
  m_perRequest->setText(optionalMoney(figures.netPer1kRequestsUsd));
  m_perToken->setText(optionalMoney(figures.blendedPer1mTokensUsd));
  m_utilization->setText(optionalShare(figures.ptUtilization));
  m_commit->setText(optionalShare(figures.commitRetiredShare));

  // Never a silent $0: how much the totals leave out, and the way to fix it.
  const core::Evaluation &evaluation = m_document->workbench().evaluation;
  const std::string note = core::unpricedNote(evaluation);
  m_unpriced->setVisible(!note.empty());
  if (!note.empty()) {
    m_unpriced->setText(tr("⚠ No price: %1. Map or price them…").arg(toQString(note)));
    m_unpriced->setToolTip(tr("These models are not in the rate card, so their traffic costs "
                              "nothing in every total, chart and export. Click to map a model "
                              "to a card model, or type its price."));
  }

  // Commitments outliving their model: core lists them only with a calendar.
  QStringList risks, riskDetails;
  for (const core::CommitmentRisk &risk : m_document->workbench().forecast.commitmentRisks) {
    risks.append(tr("⚠ %1").arg(commitmentRiskText(risk, m_document->rateCard())));
    riskDetails.append(commitmentRiskDetail(risk, m_document->rateCard()));
  }
  m_risks->setVisible(!risks.isEmpty());
  m_risks->setText(risks.join(QLatin1Char('\n')));
  m_risks->setToolTip(riskDetails.join(QLatin1Char('\n')));

  // The evaluation's warnings (a billing fallback, a dated card without a
  // calendar, ...): in the window, not only on the command line. Core words
  // each one, so the strip adds no claim of its own about what it means.
  const std::vector<std::string> &warnings = m_document->workbench().evaluation.warnings;
  QStringList lines;
  for (const std::string &warning : warnings)
    lines.append(toQString(warning));
  m_warnings->setVisible(!lines.isEmpty());
  m_warnings->setToolTip(lines.join(QLatin1Char('\n')));
  if (lines.isEmpty())
    m_warnings->clear();
  else if (lines.size() == 1)
    m_warnings->setText(tr("⚠ %1.").arg(lines.front()));
  else
    m_warnings->setText(
        tr("⚠ %1; and %n more (hover for all).", "", static_cast<int>(lines.size() - 1))
            .arg(lines.front()));
  refreshUnitCost();
  refreshNextDecision();
}

void KeyFiguresStrip::refreshNextDecision() {
  const core::CommitmentCalendar &calendar = m_document->workbench().commitmentCalendar;
  QWidget *box = m_nextDecision->parentWidget();
  if (!calendar.nextDecision) {
    m_nextDecision->setText(QStringLiteral("–"));
    m_nextDecisionCaption->setText(tr("Next decision"));
    box->setToolTip(calendar.entries.empty()
                        ? tr("No PT commitment or reservation: nothing to renew or cancel.")
                        : tr("No commitment has a deadline in the forecast."));
    return;
  }
  const core::CommitmentDecision &decision = *calendar.nextDecision;
  // The date, or "month 3" without a calendar; the caption says what it decides.
  m_nextDecision->setText(
      decision.by.date ? toQString(*decision.by.date)
                       : toQString(core::calendarMonthName(calendar, decision.by.termLastMonth)));
  const QString caption =
      tr("Next decision: %1 %2").arg(toQString(decision.action), toQString(decision.subject));
  // The figure has its row to itself: room for the commitment's name at
  // 1024 px; the tooltip has the whole of it.
  m_nextDecisionCaption->setText(m_nextDecisionCaption->fontMetrics().elidedText(
      caption, Qt::ElideRight, kNextDecisionCaptionWidth));
  QStringList lines{toQString(decision.text) + QLatin1Char('.'), toQString(decision.detail)};
  if (!calendar.startMonth)
    lines.append(tr("Months are counted from month 0: give the forecast a start month "
                    "(Ranges tab) for calendar dates."));
  for (const core::CommitmentCalendarEntry &entry : calendar.entries)
    for (const core::CommitmentDecision &other : entry.decisions)
      if (other.text != decision.text)
        lines.append(tr("Then: %1.").arg(toQString(other.text)));
  box->setToolTip(lines.join(QLatin1Char('\n')));
}

void KeyFiguresStrip::refreshUnitCost() {
  // The selected workload's unit, else the first workload that names one.
  const core::Evaluation &evaluation = m_document->workbench().evaluation;
  const core::Scenario &scenario = m_document->scenario();
  const int selected = m_document->selectedWorkload();
  const core::UnitCost *shown = nullptr;
  for (const core::UnitCost &unit : evaluation.unitCosts) {
    if (!shown)
      shown = &unit;
    if (selected >= 0 && selected < static_cast<int>(scenario.workloads.size()) &&
        scenario.workloads[static_cast<std::size_t>(selected)].id == unit.workloadId) {
      shown = &unit;
      break;
    }
  }
  QWidget *box = m_unitCost->parentWidget();
  if (!shown) {
    m_unitCost->setText(QStringLiteral("–"));
    setColour(m_unitCost, QString());
    m_unitCaption->setText(tr("Cost per unit"));
    box->setToolTip(tr("Name a workload's unit (a ticket, a user, a document) in the workload "
                       "levers to read its cost per unit against a target."));
    return;
  }
  const QString unit = toQString(shown->unit);
  const QString workload = toQString(shown->workloadId);
  m_unitCaption->setText(tr("Per %1 · %2").arg(unit, workload));
  m_unitCost->setText(shown->costPerUnitUsd
                          ? toQString(core::formatUsdPerUnit(*shown->costPerUnitUsd))
                          : QStringLiteral("–"));
  QString toolTip = tr("Net cost of %1 per %2 this month (its show-back and meters after the "
                       "discount), %3 %2s.")
                        .arg(workload, unit, toQString(core::formatCount(shown->units)));
  if (shown->targetUsd) {
    const double target = *shown->targetUsd;
    toolTip += QLatin1Char('\n') + tr("Target %1 ± %2.")
                                       .arg(toQString(core::formatUsdPerUnit(target)),
                                            toQString(core::formatPercent(shown->tolerance, 0)));
  }
  if (shown->status) {
    const bool within = *shown->status == core::UnitCostStatus::Within;
    setColour(m_unitCost,
              within ? QStringLiteral("color: #00734F;") : QStringLiteral("color: #B23A00;"));
    toolTip += QLatin1Char(' ') + (within ? tr("Within the band.")
                                   : *shown->status == core::UnitCostStatus::Above
                                       ? tr("Above the band.")
                                       : tr("Below the band."));
    m_unitCaption->setText(
        m_unitCaption->text() +
        QStringLiteral(" (%1)").arg(within ? tr("within target")
                                    : *shown->status == core::UnitCostStatus::Above
                                        ? tr("above target")
                                        : tr("below target")));
  } else {
    setColour(m_unitCost, QString());
  }
  box->setToolTip(toolTip);
}

} // namespace bwi::ui
