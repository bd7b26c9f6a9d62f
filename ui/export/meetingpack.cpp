#include "ui/export/meetingpack.h"

#include "core/analysis/escalation.h"
#include "core/analysis/optimizedproposal.h"
#include "core/analysis/scenariocomparison.h"
#include "core/common/moneyformat.h"
#include "core/cost/preparedscenario.h"
#include "core/cost/requesttokens.h"
#include "core/files/ratecardoverrides.h"
#include "core/model/meterkinds.h"
#include "core/model/ratecardage.h"
#include "core/model/weeklyprofile.h"
#include "core/report/meetingsummary.h"
#include "ui/commitmentrisks.h"
#include "ui/document/scenariodocument.h"
#include "ui/export/calendarpage.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

namespace bwi::ui {
namespace {

constexpr double kMargin = 36;       // points
constexpr double kFooterHeight = 20; // points

// Core's text, escaped for the pack's HTML.
QString escaped(const std::string &value) { return toQString(value).toHtmlEscaped(); }
QString money(double usd) { return escaped(core::formatUsdExact(usd)); }
QString share(double value) { return escaped(core::formatPercent(value)); }
QString number(double value, int decimals = 0) {
  return QLocale(QLocale::English).toString(value, 'f', decimals);
}

// The header row is a <thead>: a table that runs onto the next page repeats it there.
QString tableStart(const QStringList &headers) {
  QString html = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                                "width=\"100%\" style=\"border-collapse: collapse;\"><thead><tr>");
  for (const QString &header : headers)
    html += QStringLiteral("<th bgcolor=\"#e8eef4\" align=\"left\">%1</th>").arg(header);
  return html + QStringLiteral("</tr></thead>");
}

QString row(const QStringList &cells) {
  QString html = QStringLiteral("<tr>");
  for (const QString &cell : cells)
    html += QStringLiteral("<td>%1</td>").arg(cell);
  return html + QStringLiteral("</tr>");
}

QString profileName(const core::WeeklyProfile &profile) {
  return profile.kind == core::WeeklyProfile::Kind::Weekly
             ? QObject::tr("measured weekly profile (168 hours)")
             : escaped(std::string(core::toString(profile.kind)));
}

// The optimizer's proposal as the levers a procurement lead can pull, the
// biggest first, with what it would change.
QString leversHtml(const core::LeverAttribution &attribution,
                   const core::OptimizedProposal &proposal) {
  QString html = QObject::tr("<h3>Biggest levers</h3>");
  std::vector<core::LeverBar> bars;
  for (const core::LeverBar &bar : attribution.bars)
    if (std::abs(bar.deltaUsd) >= 0.005)
      bars.push_back(bar);
  if (bars.empty())
    return html + QObject::tr("<p>The optimizer finds nothing to pull: the routing is the "
                              "cheapest within each workload's adequate set, latency-tolerant "
                              "workloads run as batch and the commitments are at their "
                              "optimum.</p>");
  std::sort(bars.begin(), bars.end(), [](const core::LeverBar &a, const core::LeverBar &b) {
    return std::abs(a.deltaUsd) > std::abs(b.deltaUsd);
  });
  html += QObject::tr("<p>The optimizer's proposal would take the month from %1 to %2 net:</p>")
              .arg(money(attribution.baselineNetUsd), money(attribution.comparedNetUsd));
  html += tableStart({QObject::tr("Lever"), QObject::tr("Net change / month")});
  for (const core::LeverBar &bar : bars)
    html += row({escaped(bar.label), money(bar.deltaUsd)});
  html += QStringLiteral("</table>");
  html +=
      QObject::tr(
          "<p><i>Cheapest model of each workload's adequate set, batch for "
          "latency-tolerant workloads, commitments at their optimum: %1 changes, listed with the "
          "assumptions; the waterfall page shows the order of attribution.</i></p>")
          .arg(proposal.changes.size());
  return html;
}

QString perUnit(double usd) { return escaped(core::formatUsdPerUnit(usd)); }

// A unit cost's target band ("$0.031 ± 15% ($0.026–$0.036)"), `none` without a target.
QString unitBandText(const core::UnitCost &unit, const QString &none) {
  return unit.targetUsd
             ? QObject::tr("%1 ± %2 (%3–%4)")
                   .arg(perUnit(*unit.targetUsd), escaped(core::formatPercent(unit.tolerance, 0)),
                        perUnit(*unit.bandLowUsd), perUnit(*unit.bandHighUsd))
             : none;
}

// Where the cost per unit stands against its band; outside it in bold vermillion.
QString unitStatusHtml(const core::UnitCost &unit) {
  if (!unit.status)
    return QObject::tr("–");
  if (*unit.status == core::UnitCostStatus::Within)
    return QObject::tr("within the band");
  return QStringLiteral("<b style=\"color:#b23a00;\">%1</b>")
      .arg(*unit.status == core::UnitCostStatus::Above ? QObject::tr("above the band")
                                                       : QObject::tr("below the band"));
}

// Each workload's cost per unit against its target band, this month.
QString unitCostsHtml(const core::Evaluation &evaluation) {
  if (evaluation.unitCosts.empty())
    return {};
  QString html = QObject::tr("<h3>Unit costs</h3>");
  html += tableStart({QObject::tr("Workload"), QObject::tr("Units / month"),
                      QObject::tr("Net cost / month"), QObject::tr("Cost per unit"),
                      QObject::tr("Target"), QObject::tr("Status")});
  for (const core::UnitCost &unit : evaluation.unitCosts) {
    const QString target = unitBandText(unit, QObject::tr("none"));
    const QString status = unitStatusHtml(unit);
    html +=
        row({escaped(unit.workloadId),
             QObject::tr("%1 %2s").arg(number(unit.units), escaped(unit.unit)), money(unit.costUsd),
             unit.costPerUnitUsd
                 ? QObject::tr("%1 per %2").arg(perUnit(*unit.costPerUnitUsd), escaped(unit.unit))
                 : QObject::tr("no units"),
             target, status});
  }
  html += QStringLiteral("</table>");
  html += QObject::tr("<p><i>Cost per unit: the workload's net cost (its share of commitments, "
                      "its meters, after the discount) over its units.</i></p>");
  return html;
}

// The bill beyond tokens: each meter, its quantity, its rate and where the
// rate comes from.
QString metersHtml(const core::Evaluation &evaluation, const core::RateCard &card) {
  if (evaluation.meters.empty())
    return {};
  QString html = QObject::tr("<h3>The bill beyond tokens (meters)</h3>");
  html +=
      tableStart({QObject::tr("Workload"), QObject::tr("Meter"), QObject::tr("Quantity / month"),
                  QObject::tr("Rate"), QObject::tr("Gross / month"), QObject::tr("Source")});
  for (const core::MeterResult &meter : evaluation.meters) {
    QString source = QObject::tr("typed in the scenario");
    if (const core::MeterRate *rate = core::findMeterRate(card, meter.kind);
        rate && !meter.typedRate)
      source = escaped(rate->source) + QStringLiteral(" (") + escaped(rate->sourceDate) +
               QStringLiteral(")");
    const QString rate =
        (meter.estimate ? QStringLiteral("≈") : QString()) +
        QObject::tr("%1 per %2").arg(perUnit(meter.usdPerUnit), escaped(meter.unit));
    html += row({escaped(meter.workloadId), escaped(meter.name),
                 QObject::tr("%1 %2").arg(number(meter.quantity, meter.quantity < 100 ? 2 : 0),
                                          escaped(meter.unit)),
                 meter.typedRate ? QStringLiteral("<b>%1</b>").arg(rate) : rate,
                 money(meter.costUsd), source});
  }
  html += QStringLiteral("</table>");
  html += QObject::tr("<p><i>Meters are first-party AWS spend: discounted and retiring the commit "
                      "like any other. <b>Bold</b>: a rate typed into the scenario; ≈: the card "
                      "marks the rate an estimate.</i></p>");
  return html;
}

QString summaryHtml(const core::Scenario &scenario, const core::WorkbenchFigures &workbench,
                    const core::MeetingSummary &summary, const QString &levers) {
  QString html = QObject::tr("<h2>Summary</h2>");
  html += QObject::tr("<p><b>Monthly cost:</b> %1 net (%2 gross, %3 private-pricing discount). "
                      "<b>Next %4 months:</b> %5 net")
              .arg(money(summary.monthlyNetUsd), money(summary.monthlyGrossUsd),
                   money(summary.monthlyDiscountUsd))
              .arg(summary.annualMonths)
              .arg(money(summary.annualNetUsd));
  if (summary.annualNetP10Usd)
    html += QObject::tr(", between %1 and %2 for the volume forecast's p10 and p90")
                .arg(money(*summary.annualNetP10Usd), money(*summary.annualNetP90Usd));
  html += QStringLiteral(".</p>");
  if (workbench.figures.commitRetiredShare)
    html += QObject::tr("<p>This spend retires %1 of the annual commit of %2 over the next 12 "
                        "months.</p>")
                .arg(share(*workbench.figures.commitRetiredShare),
                     money(scenario.agreement->annualCommitUsd));

  // Three tables side by side, so the summary stays on one page.
  html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
                         "<td width=\"33%\" valign=\"top\">");
  html += QObject::tr("<h3>Where the money goes</h3>");
  html += tableStart({QObject::tr("Model"), QObject::tr("Gross / month"), QObject::tr("Share")});
  for (const core::NamedCost &cost : summary.topModels)
    html +=
        row({escaped(cost.key), money(cost.usd),
             summary.monthlyGrossUsd > 0 ? share(cost.usd / summary.monthlyGrossUsd) : QString()});
  html += QStringLiteral("</table></td><td width=\"2%\"></td><td width=\"30%\" valign=\"top\">");
  html += QObject::tr("<h3>Biggest workloads</h3>");
  html += tableStart({QObject::tr("Workload"), QObject::tr("Gross / month"), QObject::tr("Share")});
  for (const core::NamedCost &cost : summary.topWorkloads)
    html +=
        row({escaped(cost.key), money(cost.usd),
             summary.monthlyGrossUsd > 0 ? share(cost.usd / summary.monthlyGrossUsd) : QString()});
  html += QStringLiteral("</table></td><td width=\"2%\"></td><td width=\"33%\" valign=\"top\">");
  html += levers;
  html += QStringLiteral("</td></tr></table>");
  html += QObject::tr("<p>By mode: on demand %1, overflow above commitments %2, batch %3, "
                      "provisioned throughput %4, reserved %5")
              .arg(money(summary.modes.onDemand), money(summary.modes.overflow),
                   money(summary.modes.batch), money(summary.modes.provisioned),
                   money(summary.modes.reserved));
  if (!workbench.evaluation.meters.empty())
    html += QObject::tr(", meters (the bill beyond tokens) %1").arg(money(summary.modes.meters));
  html += QStringLiteral(".</p>");
  html += unitCostsHtml(workbench.evaluation);

  html += QObject::tr("<h3>Commitment recommendation</h3>");
  if (summary.commitments.empty())
    html += QObject::tr("<p>No model carries a provisioned-throughput quote: commitments cannot "
                        "be sized until the account team quotes a price and a model unit's "
                        "capacity.</p>");
  for (const core::CommitmentAdvice &advice : summary.commitments) {
    html += QStringLiteral("<p><b>%1</b>: %2").arg(escaped(advice.modelId), escaped(advice.advice));
    if (advice.breakEvenUtilization)
      html += QObject::tr(" Break-even utilization %1.").arg(share(*advice.breakEvenUtilization));
    html += QStringLiteral("</p>");
  }
  for (const core::ReservedResult &reserved : workbench.evaluation.reserved)
    html +=
        QObject::tr("<p><b>%1</b> (Reserved tier): %2 input / %3 output TPM reserved; the "
                    "optimum is %4 / %5, the measured floor %6 / %7.</p>")
            .arg(escaped(reserved.modelId), number(reserved.inputTpm), number(reserved.outputTpm),
                 number(reserved.optimalInputTpm), number(reserved.optimalOutputTpm),
                 number(reserved.floorInputTpm), number(reserved.floorOutputTpm));
  html += QObject::tr("<p><i>Overflow assumes the application falls back to on demand when "
                      "provisioned throughput throttles. PT and Reserved prices and capacities "
                      "are quotes, not published figures.</i></p>");
  return html;
}

QString detailHtml(const core::Scenario &scenario, const core::RateCard &card,
                   const core::WorkbenchFigures &workbench, const QString &staleNotice) {
  const core::Evaluation &evaluation = workbench.evaluation;
  QString html = QObject::tr("<h2>Workloads</h2>");
  html += tableStart({QObject::tr("Workload"), QObject::tr("Team"), QObject::tr("Requests / month"),
                      QObject::tr("Volume ×"), QObject::tr("Growth / month"), QObject::tr("Models"),
                      QObject::tr("Batch"), QObject::tr("Tier"), QObject::tr("Gross / month")});
  for (const core::Workload &workload : scenario.workloads) {
    QStringList models;
    for (const core::RoutingShare &route : workload.routing)
      models.append(QStringLiteral("%1 %2").arg(escaped(route.modelId), share(route.share)));
    double gross = 0;
    for (const core::NamedCost &cost : evaluation.byWorkload)
      if (cost.key == workload.id)
        gross = cost.usd;
    html += row({escaped(workload.name), escaped(workload.team.value_or("(no team)")),
                 number(workload.requestsPerMonth), number(workload.volumeMultiplier, 2),
                 share(workload.growthPerMonth), models.join(QStringLiteral("<br>")),
                 share(workload.batchShare),
                 escaped(std::string(core::toString(workload.serviceTier))), money(gross)});
  }
  html += QStringLiteral("</table>");

  html += QObject::tr("<h2 style=\"page-break-before: always;\">Assumptions</h2>");
  html += tableStart({QObject::tr("Workload"), QObject::tr("Tokens per call"),
                      QObject::tr("Calls / request"), QObject::tr("Caching"),
                      QObject::tr("Traffic profile")});
  for (const core::Workload &workload : scenario.workloads) {
    const core::TokenShape &t = workload.tokens;
    const QString tokens =
        QObject::tr("system %1, user %2, retrieval %3 × %4, history %5 (base input %6); output %7")
            .arg(number(t.system), number(t.user), number(t.retrievalChunks, 1),
                 number(t.tokensPerChunk), number(t.history), number(core::baseInputPerCall(t)),
                 number(t.output));
    const QString calls = t.callsPerRequest > 1 ? QObject::tr("%1, +%2 tokens each later call")
                                                      .arg(number(t.callsPerRequest, 1),
                                                           number(t.contextGrowthPerCall))
                                                : QObject::tr("1");
    const QString caching =
        workload.caching
            ? QObject::tr("prefix %1 tokens, hit rate %2, TTL %3")
                  .arg(number(workload.caching->cacheablePrefix), share(workload.caching->hitRate),
                       workload.caching->ttl == core::CacheTtl::OneHour ? QStringLiteral("1h")
                                                                        : QStringLiteral("5m"))
            : QObject::tr("none");
    html += row({escaped(workload.name), tokens, calls, caching, profileName(workload.profile)});
  }
  html += QStringLiteral("</table>");
  html += QObject::tr("<h3>Commitments and agreement</h3><ul>");
  for (const core::ProvisionedCommitment &pt : scenario.provisioned)
    html += QObject::tr("<li>Provisioned throughput on %1: %2 MU, %3 term, from month %4.</li>")
                .arg(escaped(pt.modelId))
                .arg(pt.modelUnits)
                .arg(escaped(std::string(core::toString(pt.term))))
                .arg(pt.startMonth + 1);
  for (const core::Reservation &reservation : scenario.reserved)
    html += QObject::tr("<li>Reserved tier on %1: %2 input / %3 output TPM, %4 term, from month "
                        "%5.</li>")
                .arg(escaped(reservation.modelId), number(reservation.inputTpm),
                     number(reservation.outputTpm),
                     escaped(std::string(core::toString(reservation.term))))
                .arg(reservation.startMonth + 1);
  // A commitment its model outlives no longer is charged idle (docs/cost-model.md §13.2).
  for (const core::CommitmentRisk &risk : workbench.forecast.commitmentRisks)
    html +=
        QStringLiteral("<li><b>%1</b></li>").arg(commitmentRiskText(risk, card).toHtmlEscaped());
  if (scenario.agreement)
    html += QObject::tr("<li>Private pricing: %1 discount on first-party models%2; annual commit "
                        "%3; marketplace spend retires at most %4 of it.</li>")
                .arg(share(scenario.agreement->discount),
                     scenario.agreement->discountAppliesToMarketplace
                         ? QObject::tr(" and marketplace models")
                         : QString(),
                     money(scenario.agreement->annualCommitUsd),
                     share(scenario.agreement->marketplaceCapShare));
  html += QObject::tr("<li>A month is %1 hours; volumes are multiplied by %2 (the global volume "
                      "lever).</li>")
              .arg(number(scenario.hoursPerMonth), number(scenario.globalVolumeMultiplier, 2));
  if (scenario.forecast.volumeP10)
    html +=
        QObject::tr("<li>Volume uncertainty: p10 %1×, p90 %2× of plan, over %3 months.</li>")
            .arg(number(*scenario.forecast.volumeP10, 2), number(*scenario.forecast.volumeP90, 2))
            .arg(scenario.forecast.months);
  html += QStringLiteral("</ul>");

  html += QObject::tr("<h2 style=\"page-break-before: always;\">Rate card excerpt</h2>");
  html += QObject::tr("<p>Rate card as of %1, %2. USD per 1M tokens. <b>Bold</b>: a negotiated "
                      "override in this scenario; ≈: an estimate.</p>")
              .arg(escaped(card.asOf), escaped(card.region));
  if (!staleNotice.isEmpty())
    html += QStringLiteral("<p style=\"color:#9a5b00;\"><b>%1</b></p>").arg(staleNotice);
  std::set<std::string> used;
  for (const core::Workload &workload : scenario.workloads)
    for (const core::RoutingShare &route : workload.routing)
      used.insert(route.modelId);
  html += tableStart({QObject::tr("Model"), QObject::tr("Input"), QObject::tr("Output"),
                      QObject::tr("Batch in/out"), QObject::tr("Cache read/write"),
                      QObject::tr("PT $/MU-hour"), QObject::tr("Source")});
  const auto price = [&](const core::ModelRates &model, const char *field, double value,
                         bool estimate) {
    QString shown = (estimate ? QStringLiteral("≈") : QString()) + number(value, 4);
    while (shown.endsWith(QLatin1Char('0')) && shown.contains(QLatin1Char('.')))
      shown.chop(1);
    if (shown.endsWith(QLatin1Char('.')))
      shown.chop(1);
    return core::isOverridden(scenario.ratecardOverrides, model.id, field)
               ? QStringLiteral("<b>%1</b>").arg(shown)
               : shown;
  };
  for (const core::ModelRates &model : card.models) {
    if (!used.contains(model.id))
      continue;
    const QString batch = model.batch ? price(model, "batch.input_per_1m", model.batch->inputPer1m,
                                              model.batch->estimate) +
                                            QStringLiteral(" / ") +
                                            price(model, "batch.output_per_1m",
                                                  model.batch->outputPer1m, model.batch->estimate)
                                      : QObject::tr("none");
    const QString cache =
        model.cache ? price(model, "cache.read_per_1m", model.cache->readPer1m, false) +
                          QStringLiteral(" / ") +
                          (model.cache->writePer1m
                               ? price(model, "cache.write_per_1m", *model.cache->writePer1m, false)
                               : QObject::tr("not published"))
                    : QObject::tr("none");
    QString pt = QObject::tr("quote needed");
    if (model.provisioned && model.provisioned->oneMonthPerMuHour)
      pt = price(model, "provisioned.per_mu_hour.one_month", *model.provisioned->oneMonthPerMuHour,
                 model.provisioned->estimate);
    html += row({escaped(model.id),
                 price(model, "on_demand.input_per_1m", model.onDemand.inputPer1m, false),
                 price(model, "on_demand.output_per_1m", model.onDemand.outputPer1m, false), batch,
                 cache, pt,
                 escaped(model.source) + QStringLiteral(" (") + escaped(model.sourceDate) +
                     QStringLiteral(")")});
  }
  html += QStringLiteral("</table>");
  html += metersHtml(evaluation, card);
  return html;
}

// Each workload's exception path (docs/cost-model.md §12) with its rate and the rate e* at
// which it stops paying: shown whole, beside the optimizer's changes.
QString exceptionPathsHtml(const std::vector<core::EscalationBreakEven> &escalations,
                           const core::RateCard &card) {
  if (escalations.empty())
    return QObject::tr("<p><b>Exception paths</b>: none. A workload's \"escalation\" (a cheap "
                       "model first, a share sent again to a premium one) shows here with the "
                       "rate at which it stops paying.</p>");
  const auto modelName = [&](const std::string &id) {
    const core::ModelRates *model = card.find(id);
    return escaped(model ? model->name : id);
  };
  QString html = QObject::tr("<b>Exception paths</b> (cheap model first, a share of requests sent "
                             "again to a premium model; the rate is the scenario's, measured or "
                             "assumed)<ul>");
  for (const core::EscalationBreakEven &entry : escalations) {
    QString verdict;
    if (entry.breakEvenRate)
      verdict = QObject::tr("stops paying at e* = %1").arg(share(*entry.breakEvenRate));
    else if (entry.netUsd < entry.allPremiumNetUsd)
      verdict = QObject::tr("pays at every rate up to 100%");
    else
      verdict = QObject::tr("never pays");
    html += QObject::tr("<li>%1: %2 escalated to %3 (%7 rate), %4<br><i>%5 net a month at that "
                        "rate; all on %3: %6</i></li>")
                .arg(escaped(entry.workloadId), share(entry.rate), modelName(entry.toThisMonth),
                     verdict, money(entry.netUsd), money(entry.allPremiumNetUsd),
                     entry.measured ? QObject::tr("measured") : QObject::tr("assumed"));
  }
  return html + QStringLiteral("</ul>");
}

QString changesHtml(const std::vector<core::ProposedChange> &changes, const QString &exceptionPaths,
                    std::size_t shown) {
  if (changes.empty())
    return QObject::tr("<p>The optimizer changes nothing: the routing is already the cheapest "
                       "within each workload's adequate set, latency-tolerant workloads run as "
                       "batch and the commitments are at their optimum.</p>") +
           exceptionPaths;
  QString html = QObject::tr("<b>What the optimizer's proposal changes</b>, each with the quality "
                             "rule its move obeyed (a leaderboard score is a dated figure, not a "
                             "verdict: test a proposed model on the workload's own evaluations "
                             "before routing to it)<ul>");
  for (std::size_t i = 0; i < shown && i < changes.size(); ++i) {
    html += QObject::tr("<li>%1<br><i>%2 · rule: %3</i>")
                .arg(escaped(changes[i].text), escaped(core::savingText(changes[i])),
                     escaped(changes[i].ruleText));
    if (!changes[i].caveat.empty())
      html += QObject::tr("<br><i>caveat: %1</i>").arg(escaped(changes[i].caveat));
    html += QStringLiteral("</li>");
  }
  if (shown < changes.size())
    html += QObject::tr("<li>… and %1 more: see the Compare tab, or run bedrock-whatif optimize "
                        "SCENARIO.</li>")
                .arg(changes.size() - shown);
  return html + QStringLiteral("</ul>") + exceptionPaths;
}

// Page 1, the one-pager: its title across the page.
QString onePagerTitleHtml(const core::OnePager &page, const core::Scenario &scenario,
                          const QString &todayIso, const QString &staleNotice) {
  QString html =
      QStringLiteral("<p style=\"font-size:18pt; color:#0b3c5d;\"><b>%1</b></p>")
          .arg(escaped(page.scenarioName.empty() ? "Untitled scenario" : page.scenarioName));
  html +=
      QObject::tr("<p>Amazon Bedrock spend: meeting pack, %1 · rate card as of %2, %3 (%4)%5</p>")
          .arg(todayIso, escaped(page.cardAsOf), escaped(page.region),
               scenario.ratecardOverrides.empty() ? QObject::tr("list prices")
                                                  : QObject::tr("with negotiated overrides"),
               page.calendarMonth
                   ? QObject::tr(" · month shown %1").arg(escaped(*page.calendarMonth))
                   : QString());
  QString change;
  if (page.changeUsd && std::abs(*page.changeUsd) >= 0.005)
    change =
        QObject::tr(" (%1%2 against the scenario as opened)")
            .arg(*page.changeUsd > 0 ? QStringLiteral("+") : QString(), money(*page.changeUsd));
  html += QObject::tr("<p style=\"font-size:13pt;\"><b>%1 net this month</b>%2 · %3 over the next "
                      "%4 months</p>")
              .arg(money(page.monthlyNetUsd), change, money(page.budget.yearNetUsd))
              .arg(page.budget.yearMonths);
  if (!staleNotice.isEmpty())
    html += QStringLiteral("<p style=\"color:#9a5b00;\"><b>%1</b></p>").arg(staleNotice);
  return html;
}

QString decisionBoxHtml(const core::OnePager &page) {
  QString html = QObject::tr("<h3>The decision asked for</h3>");
  html += QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"6\" "
                         "style=\"border-collapse: collapse; border-color: #b07a00;\">"
                         "<tr><td bgcolor=\"#fff4d6\">");
  bool committing = false;
  for (const core::PackDecision &decision : page.decisions)
    if (decision.commit) {
      committing = true;
      html += QStringLiteral("<p style=\"font-size:10pt;\"><b>%1</b></p>")
                  .arg(escaped(decision.sentence));
      html += QObject::tr("<p><i>Why (the commitment planner): %1</i></p>")
                  .arg(escaped(decision.reason));
    }
  if (!committing)
    html += QStringLiteral("<p style=\"font-size:10pt;\"><b>%1</b></p>")
                .arg(escaped(page.decisionSentence));
  QStringList others;
  for (const core::PackDecision &decision : page.decisions)
    if (!decision.commit && committing)
      others.append(escaped(decision.sentence));
  if (!others.isEmpty())
    html += QStringLiteral("<p>%1</p>").arg(others.join(QStringLiteral(" ")));
  if (!page.quoteNeeded.empty())
    html += QObject::tr("<p>No provisioned-throughput quote yet for %1 model(s) in use (%2): ask "
                        "the account team before sizing a commitment for them.</p>")
                .arg(page.quoteNeeded.size())
                .arg(escaped([&] {
                  std::string list;
                  for (const std::string &model : page.quoteNeeded)
                    list += (list.empty() ? "" : ", ") + model;
                  return list;
                }()));
  return html + QStringLiteral("</td></tr></table>");
}

QString signedMoney(double usd) { return (usd > 0 ? QStringLiteral("+") : QString()) + money(usd); }

QString budgetHtml(const core::PackBudget &budget,
                   const std::optional<std::string> &calendarMonth) {
  QString html = QObject::tr("<h3>Spend against the budget (net)</h3>");
  if (!budget.monthlyBudgetUsd)
    return html + QStringLiteral("<p>%1</p>").arg(escaped(budget.sentence));
  html += tableStart({QString(), QObject::tr("Forecast"), QObject::tr("Budget"),
                      QObject::tr("Over (+) / under (−)")});
  html += row({calendarMonth ? QObject::tr("This month (%1)").arg(escaped(*calendarMonth))
                             : QObject::tr("This month"),
               money(budget.monthNetUsd), money(*budget.monthlyBudgetUsd),
               signedMoney(*budget.monthOverUsd)});
  html +=
      row({QObject::tr("Next %1 months").arg(budget.yearMonths), money(budget.yearNetUsd),
           money(*budget.yearBudgetUsd), signedMoney(budget.yearNetUsd - *budget.yearBudgetUsd)});
  const auto monthName = [](std::optional<int> month, const std::optional<std::string> &calendar) {
    return calendar ? escaped(*calendar) : QObject::tr("month %1").arg(*month);
  };
  html += QStringLiteral("</table><p>");
  html += budget.firstOverMonth
              ? QObject::tr("<b>Over the monthly budget from %1.</b> ")
                    .arg(monthName(budget.firstOverMonth, budget.firstOverCalendarMonth))
              : QObject::tr("Within the monthly budget every month of the forecast. ");
  html += budget.runOutMonth ? QObject::tr("<b>The forecast's budget runs out in %1.</b>")
                                   .arg(monthName(budget.runOutMonth, budget.runOutCalendarMonth))
                             : QObject::tr("The forecast's budget does not run out.");
  return html + QStringLiteral("</p>");
}

QString unitTargetsHtml(const std::vector<core::PackUnitCost> &units) {
  if (units.empty())
    return {};
  QString html = QObject::tr("<h3>Cost per unit against target</h3>");
  html += tableStart({QObject::tr("Workload"), QObject::tr("Cost per unit"),
                      QObject::tr("Target band"), QObject::tr("Status")});
  for (const core::PackUnitCost &each : units) {
    const core::UnitCost &unit = each.cost;
    const QString perWhat = escaped(unit.unit);
    const QString cost = unit.costPerUnitUsd
                             ? QObject::tr("%1 per %2").arg(perUnit(*unit.costPerUnitUsd), perWhat)
                             : QObject::tr("no %1s this month").arg(perWhat);
    html += row({escaped(each.workloadName), cost, unitBandText(unit, QObject::tr("no target")),
                 unitStatusHtml(unit)});
  }
  return html + QStringLiteral("</table>");
}

QString moversHtml(const core::PackMovers &movers) {
  const bool bill = movers.source == core::MoversSource::Bill;
  QString html = bill ? QObject::tr("<h3>Top movers on the bill: %1 against %2</h3>")
                            .arg(escaped(movers.toLabel), escaped(movers.fromLabel))
                      : QObject::tr("<h3>Top movers: net by workload, next month against this "
                                    "month</h3>");
  if (movers.movers.empty())
    return html + QObject::tr("<p>No workload's cost changes from %1 to %2.</p>")
                      .arg(escaped(movers.fromLabel), escaped(movers.toLabel));
  html += tableStart({bill ? QObject::tr("Model or team") : QObject::tr("Workload"),
                      escaped(movers.fromLabel), escaped(movers.toLabel), QObject::tr("Change")});
  for (const core::PackMover &mover : movers.movers)
    html += row({escaped(mover.name), money(mover.fromUsd), money(mover.toUsd),
                 signedMoney(mover.changeUsd()) +
                     (mover.changeShare ? QStringLiteral(" (%1)").arg(share(*mover.changeShare))
                                        : QObject::tr(" (new)"))});
  return html + QStringLiteral("</table>");
}

class PackPainter {
public:
  PackPainter(QPdfWriter &writer, QPainter &painter, QString footer, PackProgress progress)
      : m_writer(writer), m_painter(painter), m_footer(std::move(footer)),
        m_progress(std::move(progress)) {
    const QSizeF page = writer.pageLayout().paintRect(QPageLayout::Point).size();
    m_content = QRectF(kMargin, kMargin, page.width() - 2 * kMargin,
                       page.height() - 2 * kMargin - kFooterHeight);
    m_page = page;
  }

  QRectF content() const { return m_content; }

  std::unique_ptr<QTextDocument> document(const QString &html) const {
    auto doc = std::make_unique<QTextDocument>();
    doc->documentLayout()->setPaintDevice(&m_writer);
    QFont font = QApplication::font();
    font.setPointSizeF(9);
    doc->setDefaultFont(font);
    doc->setDefaultStyleSheet(QStringLiteral("h2 { color: #0b3c5d; } h3 { color: #0b3c5d; } "
                                             "th, td { font-size: 8pt; }"));
    doc->setHtml(html);
    doc->setPageSize(m_content.size());
    return doc;
  }

  // The longest document `html(n)` for n ≤ `count` that fits `size`: a list
  // cut short says how many items it leaves out rather than run off the page.
  std::unique_ptr<QTextDocument> fittedDocument(const std::function<QString(std::size_t)> &html,
                                                std::size_t count, const QSizeF &size) const {
    auto doc = document(html(count));
    doc->setPageSize(QSizeF(size.width(), 1e6));
    for (std::size_t shown = count; shown > 0 && doc->size().height() > size.height();) {
      --shown;
      doc = document(html(shown));
      doc->setPageSize(QSizeF(size.width(), 1e6));
    }
    return doc;
  }

  void newPage() {
    if (m_pages++ > 0)
      m_writer.newPage();
  }

  void footer(int total) {
    QFont font = QApplication::font();
    font.setPointSizeF(7);
    m_painter.setFont(font);
    m_painter.setPen(QColor(90, 90, 90));
    const QRectF line(kMargin, m_page.height() - kMargin - kFooterHeight + 6, m_content.width(),
                      kFooterHeight);
    m_painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, m_footer);
    m_painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter,
                       QObject::tr("page %1 of %2").arg(m_pages).arg(total));
    if (m_progress)
      m_progress(m_pages, total);
  }

  void textPages(QTextDocument &doc, int total) {
    const double height = m_content.height();
    for (int page = 0; page < doc.pageCount(); ++page) {
      newPage();
      m_painter.save();
      m_painter.translate(m_content.left(), m_content.top() - page * height);
      doc.drawContents(&m_painter, QRectF(0, page * height, m_content.width(), height));
      m_painter.restore();
      footer(total);
    }
  }

private:
  QPdfWriter &m_writer;
  QPainter &m_painter;
  QString m_footer;
  PackProgress m_progress;
  QRectF m_content;
  QSizeF m_page;
  int m_pages = 0;
};

// Page 1: the title across the top; the decision, the budget, unit costs
// and movers on the left; the forecast against the budget on the right.
void drawOnePager(PackPainter &pack, QPainter &painter, const core::OnePager &page,
                  const core::Scenario &scenario, const core::WorkbenchFigures &workbench,
                  const QString &todayIso, const QString &staleNotice, int total) {
  pack.newPage();
  const QRectF content = pack.content();
  auto title = pack.document(onePagerTitleHtml(page, scenario, todayIso, staleNotice));
  title->setPageSize(QSizeF(content.width(), 1e6));
  const double titleHeight = title->size().height();
  painter.save();
  painter.translate(content.topLeft());
  title->drawContents(&painter, QRectF(0, 0, content.width(), titleHeight));
  painter.restore();

  const double top = content.top() + titleHeight + 4;
  const QRectF left(content.left(), top, content.width() * 0.54, content.bottom() - top);
  const QRectF right(left.right() + 14, top, content.right() - left.right() - 14,
                     content.bottom() - top);
  auto body = pack.document(onePagerHtml(page));
  body->setPageSize(QSizeF(left.width(), 1e6));
  painter.save();
  painter.translate(left.topLeft());
  body->drawContents(&painter, QRectF(QPointF(0, 0), left.size()));
  painter.restore();

  auto heading = pack.document(QObject::tr("<h3>The forecast against the budget</h3>"));
  heading->setPageSize(QSizeF(right.width(), 1e6));
  const double headingHeight = heading->size().height();
  painter.save();
  painter.translate(right.topLeft());
  heading->drawContents(&painter, QRectF(0, 0, right.width(), headingHeight));
  painter.restore();
  // Laid out 1.5 times larger and drawn scaled down, so the chart's titles and legend take
  // their printed share of the column and leave the plot room to be read.
  constexpr double kScale = 1.5;
  const QSizeF chart(right.width(), right.height() - headingHeight);
  painter.save();
  painter.translate(right.left(), right.top() + headingHeight);
  painter.scale(1 / kScale, 1 / kScale);
  drawChart(painter, ChartKind::Forecast, workbench, QRectF(QPointF(0, 0), chart * kScale));
  painter.restore();
  pack.footer(total);
}

} // namespace

QString onePagerHtml(const core::OnePager &page) {
  return decisionBoxHtml(page) + budgetHtml(page.budget, page.calendarMonth) +
         unitTargetsHtml(page.unitCosts) + moversHtml(page.movers);
}

std::optional<PackFigures> computePackFigures(const core::Scenario &scenario,
                                              const core::RateCard &card,
                                              const core::WorkbenchFigures &workbench,
                                              const core::PlanVsActual *actuals,
                                              const std::atomic<bool> *cancel, int threads) {
  PackFigures figures;
  const core::PreparedScenario prepared = core::prepareScenario(scenario, card);
  // The pack recommends what the planner recommends (the Ranges tab's plan).
  core::PlanOptions planOptions;
  planOptions.threads = threads;
  planOptions.cancel = cancel;
  figures.plan = core::planCommitments(prepared, planOptions);
  if (cancel && cancel->load())
    return std::nullopt;
  figures.summary =
      core::meetingSummary(scenario.forecast, workbench.evaluation, workbench.forecast,
                           figures.plan ? &*figures.plan : nullptr);
  const int month = workbench.evaluation.month;
  figures.proposal = core::proposeOptimized(scenario, card, month);
  figures.optimized =
      core::compareScenarios({{scenario.name, scenario, card},
                              {figures.proposal.scenario.name, figures.proposal.scenario, card}},
                             month);
  core::OnePagerInputs inputs;
  inputs.scenario = &scenario;
  inputs.card = &card;
  inputs.prepared = &prepared;
  inputs.evaluation = &workbench.evaluation;
  inputs.forecast = &workbench.forecast;
  inputs.figures = &workbench.figures;
  inputs.plan = figures.plan ? &*figures.plan : nullptr;
  inputs.actuals = actuals;
  figures.onePager = core::onePager(inputs);
  if (cancel && cancel->load())
    return std::nullopt;
  return figures;
}

ExportResult writeMeetingPack(const core::Scenario &scenario, const core::RateCard &card,
                              const core::WorkbenchFigures &workbench, const QString &path,
                              const QDate &today) {
  if (!core::allFinite(workbench))
    return {false, QObject::tr("%1: there is nothing to put in a meeting pack")
                       .arg(QString::fromStdString(core::overflowReason()))};
  const auto figures = computePackFigures(scenario, card, workbench);
  return writeMeetingPack(scenario, card, workbench, *figures, path, today);
}

ExportResult writeMeetingPack(const core::Scenario &scenario, const core::RateCard &card,
                              const core::WorkbenchFigures &workbench, const PackFigures &figures,
                              const QString &path, const QDate &today,
                              const PackProgress &progress) {
  if (!core::allFinite(workbench))
    return {false, QObject::tr("%1: there is nothing to put in a meeting pack")
                       .arg(QString::fromStdString(core::overflowReason()))};
  const QString temporary = path + QStringLiteral(".part");
  const QString footer =
      exportFooter(scenario, card, today, core::unpricedNote(workbench.evaluation));
  const QString todayIso = today.toString(Qt::ISODate);
  QString staleNotice;
  if (core::isStale(card.asOf, todayIso.toStdString()))
    staleNotice = QObject::tr("This rate card is %1 days old (as of %2): refresh it against the "
                              "AWS Price List before relying on these figures.")
                      .arg(core::daysBetween(card.asOf, todayIso.toStdString()).value_or(0))
                      .arg(escaped(card.asOf));
  // Never a silent $0 in front of procurement (docs/cost-model.md §21).
  if (const std::string note = core::unpricedNote(workbench.evaluation); !note.empty())
    staleNotice += (staleNotice.isEmpty() ? QString() : QStringLiteral(" ")) +
                   escaped(note + ": map them to a card model or type a price.");
  const core::OptimizedProposal &proposal = figures.proposal;
  bool ok = false;
  {
    QPdfWriter writer(temporary);
    writer.setResolution(72);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(
        QObject::tr("Bedrock What-If meeting pack: %1").arg(QString::fromStdString(scenario.name)));
    writer.setCreator(QStringLiteral("Bedrock What-If"));
    QPainter painter;
    if (painter.begin(&writer)) {
      PackPainter pack(writer, painter, footer, progress);
      auto summaryDoc =
          pack.document(summaryHtml(scenario, workbench, figures.summary,
                                    leversHtml(figures.optimized.attributions.front(), proposal)));
      auto detailDoc = pack.document(detailHtml(scenario, card, workbench, staleNotice));
      std::vector<ChartKind> charts = {ChartKind::Volume, ChartKind::Commitment, ChartKind::Load,
                                       ChartKind::Breakdown, ChartKind::Forecast};
      if (!workbench.unitCosts.empty())
        charts.push_back(ChartKind::UnitCost);
      const int total = 1 + summaryDoc->pageCount() + static_cast<int>(charts.size()) + 1 +
                        detailDoc->pageCount() + (hasCalendarPage(workbench) ? 1 : 0);

      drawOnePager(pack, painter, figures.onePager, scenario, workbench, todayIso, staleNotice,
                   total);
      pack.textPages(*summaryDoc, total);
      const QRectF content = pack.content();
      for (ChartKind kind : charts) {
        pack.newPage();
        drawChart(painter, kind, workbench, content);
        pack.footer(total);
      }
      // The optimizer's page: its waterfall, and beside it what it would change.
      pack.newPage();
      const QRectF chartRect(content.left(), content.top(), content.width() * 0.64,
                             content.height());
      drawChart(painter, ChartKind::Waterfall, ChartSource(figures.optimized), chartRect);
      const QRectF listRect(chartRect.right() + 12, content.top() + 24,
                            content.right() - chartRect.right() - 12, content.height() - 24);
      // The exception paths are listed whole; the changes are cut short to fit beside them.
      const QString exceptionPaths = exceptionPathsHtml(
          core::escalationBreakEvens(scenario, card, workbench.evaluation.month), card);
      auto changes = pack.fittedDocument(
          [&](std::size_t shown) { return changesHtml(proposal.changes, exceptionPaths, shown); },
          proposal.changes.size(), listRect.size());
      painter.save();
      painter.translate(listRect.topLeft());
      changes->drawContents(&painter, QRectF(QPointF(0, 0), listRect.size()));
      painter.restore();
      pack.footer(total);
      if (hasCalendarPage(workbench)) { // the commitment calendar's page (ui/export/calendarpage.h)
        pack.newPage();
        drawCalendarPage(painter, writer, content, workbench);
        pack.footer(total);
      }
      pack.textPages(*detailDoc, total);
      ok = painter.end();
    }
  }
  return finishExport(ok, temporary, path);
}

} // namespace bwi::ui
