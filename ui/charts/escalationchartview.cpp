#include "ui/charts/escalationchartview.h"

#include "core/common/moneyformat.h"
#include "ui/charts/chartannotations.h"
#include "ui/charts/chartlegend.h"
#include "ui/charts/chartstyle.h"

#include <QCategoryAxis>
#include <QLineSeries>
#include <QScatterSeries>

#include <algorithm>
#include <cmath>

namespace bwi::ui {
namespace {

// The x axis reads in percent: a rate of 0.08 is drawn at 8.
constexpr double kPercent = 100;

QString text(const std::string &value) { return QString::fromStdString(value); }

} // namespace

EscalationChartView::EscalationChartView(QWidget *parent) : QChartView(parent) {
  chartstyle::setUpView(this, QStringLiteral("escalationChart"));
  QChart *chart = this->chart();
  m_axisX = chartstyle::makeTickAxis(tr("Escalation rate (share of requests sent again)"));
  m_axisY = chartstyle::makeTickAxis(tr("Net USD per month (whole scenario)"));
  chart->addAxis(m_axisX, Qt::AlignBottom);
  chart->addAxis(m_axisY, Qt::AlignLeft);
  QList<chartstyle::AxisTick> rates;
  for (int rate = 0; rate <= 100; rate += 20)
    rates.append({static_cast<double>(rate), QStringLiteral("%1%").arg(rate)});
  chartstyle::setTicks(m_axisX, 0, kPercent, rates);

  m_policy = new QLineSeries;
  m_policy->setName(tr("Cheap model first, then escalate"));
  m_policy->setPen(chartstyle::linePen(chartstyle::colour(chartstyle::Colour::Blue)));
  m_allPremium = new QLineSeries;
  m_allPremium->setName(tr("All traffic on the target"));
  m_allPremium->setPen(
      chartstyle::linePen(chartstyle::colour(chartstyle::Colour::Vermillion), Qt::DashLine));
  m_rate = new QLineSeries;
  m_rate->setName(tr("Scenario's rate"));
  m_rate->setPen(
      chartstyle::linePen(chartstyle::colour(chartstyle::Colour::Black), Qt::DotLine, 1.5));
  m_breakEven = new QScatterSeries;
  m_breakEven->setName(tr("Stops paying (e*)"));
  m_breakEven->setMarkerShape(QScatterSeries::MarkerShapeCircle);
  m_breakEven->setMarkerSize(11);
  m_breakEven->setColor(chartstyle::colour(chartstyle::Colour::Black));
  m_breakEven->setBorderColor(Qt::white);
  for (QAbstractSeries *series :
       std::initializer_list<QAbstractSeries *>{m_allPremium, m_policy, m_rate, m_breakEven}) {
    chart->addSeries(series);
    series->attachAxis(m_axisX);
    series->attachAxis(m_axisY);
  }
  m_legend = new ChartLegend(chart);
  m_legend->exclude(m_rate); // labelled on the chart
  m_annotations = new ChartAnnotations(chart);
  m_annotations->keepClearOf(m_breakEven);
  m_breakEvenLabel = m_annotations->addLabel(m_breakEven, ChartAnnotations::Placement::BelowRight,
                                             chartstyle::colour(chartstyle::Colour::Black));
  m_rateLabel = m_annotations->addLabel(m_rate, ChartAnnotations::Placement::PlotBottom,
                                        chartstyle::colour(chartstyle::Colour::Black));
  m_allPremiumLabel = m_annotations->addLabel(m_allPremium, ChartAnnotations::Placement::AboveLeft,
                                              chartstyle::colour(chartstyle::Colour::Vermillion));
  for (QLineSeries *series : {m_policy, m_allPremium})
    connect(series, &QLineSeries::hovered, this, &EscalationChartView::showPointTooltip);
  connect(m_breakEven, &QScatterSeries::hovered, this, &EscalationChartView::showPointTooltip);
  showCurve(std::nullopt);
}

std::string EscalationChartView::chartedWorkload(const core::Scenario &scenario, int selected) {
  if (selected >= 0 && selected < static_cast<int>(scenario.workloads.size()) &&
      scenario.workloads[static_cast<std::size_t>(selected)].escalation)
    return scenario.workloads[static_cast<std::size_t>(selected)].id;
  for (const core::Workload &workload : scenario.workloads)
    if (workload.escalation)
      return workload.id;
  return {};
}

void EscalationChartView::showCurve(const std::optional<core::EscalationCurve> &curve) {
  m_curve = curve;
  const bool empty = !m_curve || m_curve->points.empty();
  for (QAbstractSeries *series : chart()->series())
    series->setVisible(!empty);
  m_axisX->setVisible(!empty);
  m_axisY->setVisible(!empty);
  if (empty) {
    m_annotations->setTitle(tr("Exception path"));
    m_annotations->setMessage(
        tr("No workload has an exception path. In the levers, pick the workload's \"Escalate "
           "to\" model under Exception path (or give it \"escalation\": {\"to\": MODEL, \"rate\": "
           "0.08} in the file) to see the rate at which cheap-first stops paying."));
    for (int label : {m_breakEvenLabel, m_rateLabel, m_allPremiumLabel})
      m_annotations->hideLabel(label);
    m_legend->refresh();
    m_annotations->relayout();
    return;
  }
  m_annotations->setMessage(QString());
  const core::EscalationBreakEven &breakEven = m_curve->breakEven;
  QList<QPointF> policy;
  double low = breakEven.allPremiumNetUsd, high = breakEven.allPremiumNetUsd;
  for (const core::EscalationCurvePoint &point : m_curve->points) {
    policy.append({point.rate * kPercent, point.netUsd});
    low = std::min(low, point.netUsd);
    high = std::max(high, point.netUsd);
  }
  // Room around the lines (they are often close together next to the whole bill).
  const double pad = std::max((high - low) * 0.12, std::max(std::fabs(high) * 0.002, 1.0));
  const chartstyle::TickRange ticks = chartstyle::linearTicks(low - pad, high + pad, 6);
  chartstyle::setTicks(m_axisY, ticks.min, ticks.max, chartstyle::moneyTicks(ticks.values));
  m_policy->replace(policy);
  m_allPremium->replace({{0, breakEven.allPremiumNetUsd}, {kPercent, breakEven.allPremiumNetUsd}});
  m_annotations->setLabel(m_allPremiumLabel,
                          tr("all on %1: %2")
                              .arg(chartstyle::shortModelName(breakEven.toThisMonth),
                                   chartstyle::usdShort(breakEven.allPremiumNetUsd)),
                          {kPercent, breakEven.allPremiumNetUsd});

  const double rate = breakEven.rate * kPercent;
  m_rate->replace({{rate, ticks.min}, {rate, ticks.max}});
  const QString rateText = text(core::formatPercent(breakEven.rate));
  m_annotations->setLabel(m_rateLabel,
                          breakEven.measured ? tr("measured rate %1").arg(rateText)
                                             : tr("assumed rate %1").arg(rateText),
                          {rate, ticks.min});

  QString verdict;
  if (breakEven.breakEvenRate) {
    const double at = *breakEven.breakEvenRate;
    m_breakEven->replace({{at * kPercent, breakEven.allPremiumNetUsd}});
    m_breakEven->setVisible(true);
    const QString stops = tr("stops paying at %1").arg(text(core::formatPercent(at)));
    m_annotations->setLabel(m_breakEvenLabel, stops, {at * kPercent, breakEven.allPremiumNetUsd});
    verdict =
        tr("e* = %1: above it, all on the target costs less").arg(text(core::formatPercent(at)));
  } else {
    m_breakEven->clear();
    m_breakEven->setVisible(false);
    m_annotations->hideLabel(m_breakEvenLabel);
    verdict = breakEven.netUsd < breakEven.allPremiumNetUsd
                  ? tr("pays at every rate up to 100%")
                  : tr("never pays: all on the target costs no more");
  }
  m_annotations->setTitle(tr("Exception path: %1").arg(text(breakEven.workloadId)),
                          {tr("%1 of requests sent again to %2")
                               .arg(text(core::formatPercent(breakEven.rate)),
                                    chartstyle::shortModelName(breakEven.toThisMonth)),
                           verdict,
                           breakEven.measured
                               ? tr("the rate is measured (rate_source in the scenario)")
                               : tr("the rate is an assumption to test: measure it in the logs")});
  m_legend->refresh();
  m_annotations->relayout();
}

void EscalationChartView::showPointTooltip(QPointF point, bool state) {
  if (!state || !m_curve || m_curve->points.empty()) {
    chartstyle::hideTooltip();
    return;
  }
  const double at = point.x() / kPercent;
  const auto nearest = std::min_element(m_curve->points.begin(), m_curve->points.end(),
                                        [at](const auto &a, const auto &b) {
                                          return std::fabs(a.rate - at) < std::fabs(b.rate - at);
                                        });
  QStringList lines;
  lines.append(
      tr("%1 escalated to %2")
          .arg(text(core::formatPercent(nearest->rate)), text(m_curve->breakEven.toThisMonth)));
  lines.append(tr("Cheap model first, then escalate: %1 net a month")
                   .arg(chartstyle::usdExact(nearest->netUsd)));
  lines.append(tr("All traffic on the target: %1 net a month")
                   .arg(chartstyle::usdExact(m_curve->breakEven.allPremiumNetUsd)));
  if (nearest->breakEven)
    lines.append(tr("The break-even e*: the policy stops paying here"));
  if (nearest->scenarioRate)
    lines.append(m_curve->breakEven.measured ? tr("The scenario's measured rate")
                                             : tr("The scenario's assumed rate"));
  chartstyle::showTooltip(this, lines.join(QLatin1Char('\n')));
}

} // namespace bwi::ui
