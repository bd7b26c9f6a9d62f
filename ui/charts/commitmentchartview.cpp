#include "ui/charts/commitmentchartview.h"

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

QString termName(core::PtTerm term) {
  switch (term) {
  case core::PtTerm::NoCommit:
    return CommitmentChartView::tr("no-commitment");
  case core::PtTerm::OneMonth:
    return CommitmentChartView::tr("1-month");
  case core::PtTerm::SixMonth:
    break;
  }
  return CommitmentChartView::tr("6-month");
}

// The curve's point nearest to x (the curves are sorted by x).
const QPointF *nearestPoint(const QList<QPointF> &points, double x) {
  if (points.isEmpty())
    return nullptr;
  return &*std::min_element(points.begin(), points.end(), [x](QPointF a, QPointF b) {
    return std::fabs(a.x() - x) < std::fabs(b.x() - x);
  });
}

} // namespace

CommitmentChartView::CommitmentChartView(QWidget *parent) : QChartView(parent) {
  chartstyle::setUpView(this, QStringLiteral("commitmentChart"));
  QChart *chart = this->chart();
  m_axisX = chartstyle::makeTickAxis(QString());
  m_axisY = chartstyle::makeTickAxis(tr("Model's net USD per month"));
  chart->addAxis(m_axisX, Qt::AlignBottom);
  chart->addAxis(m_axisY, Qt::AlignLeft);

  m_curve = new QLineSeries;
  m_curve->setName(tr("Model's net cost"));
  m_curve->setPen(chartstyle::linePen(chartstyle::colour(chartstyle::Colour::Blue)));

  m_curvePoints = new QScatterSeries;
  m_curvePoints->setName(tr("Model's net cost"));
  m_curvePoints->setMarkerSize(8);
  m_curvePoints->setColor(chartstyle::colour(chartstyle::Colour::Blue));
  m_curvePoints->setBorderColor(chartstyle::colour(chartstyle::Colour::Blue));

  const auto marker = [](const QString &name, QScatterSeries::MarkerShape shape, qreal size,
                         const QBrush &brush, const QPen &pen) {
    auto *series = new QScatterSeries;
    series->setName(name);
    series->setMarkerShape(shape);
    series->setMarkerSize(size);
    series->setBrush(brush);
    series->setPen(pen);
    return series;
  };
  m_current = marker(tr("Current commitment"), QScatterSeries::MarkerShapeRectangle, 22,
                     Qt::NoBrush, QPen(chartstyle::colour(chartstyle::Colour::Black), 2));
  m_optimal = marker(tr("Optimum"), QScatterSeries::MarkerShapeCircle, 15,
                     chartstyle::colour(chartstyle::Colour::BluishGreen), QPen(Qt::white, 1.5));
  m_floor = marker(tr("Floor"), QScatterSeries::MarkerShapeTriangle, 9,
                   chartstyle::colour(chartstyle::Colour::Orange),
                   QPen(chartstyle::colour(chartstyle::Colour::Black), 1));
  for (QXYSeries *series :
       std::initializer_list<QXYSeries *>{m_curve, m_curvePoints, m_current, m_optimal, m_floor}) {
    chart->addSeries(series);
    series->attachAxis(m_axisX);
    series->attachAxis(m_axisY);
    connect(series, &QXYSeries::hovered, this, &CommitmentChartView::showPointTooltip);
  }
  m_legend = new ChartLegend(chart);
  m_legend->exclude(m_curvePoints); // the curve's own points
  m_annotations = new ChartAnnotations(chart);
  for (QScatterSeries *marker : {m_current, m_optimal, m_floor})
    m_annotations->keepClearOf(marker);
  m_annotations->setTitle(tr("Commitment explorer"));
}

void CommitmentChartView::showWorkbench(const core::WorkbenchFigures &workbench) {
  if (workbench.unitsCurve && !workbench.unitsCurve->points.empty())
    showUnits(*workbench.unitsCurve, workbench.evaluation);
  else if (workbench.reservedCurve && !workbench.reservedCurve->points.empty())
    showReserved(*workbench.reservedCurve);
  else
    showEmpty(workbench.evaluation.requests > 0);
  m_legend->refresh();
}

void CommitmentChartView::showUnits(const core::UnitsCurve &curve,
                                    const core::Evaluation &evaluation) {
  m_reserved = false;
  m_modelId = QString::fromStdString(curve.modelId);
  QList<QPointF> points;
  points.reserve(static_cast<qsizetype>(curve.points.size()));
  for (const core::UnitsCurvePoint &point : curve.points)
    points.append({static_cast<double>(point.modelUnits), point.costUsd});
  const auto mark = [&curve](long long units, const QString &name) {
    const auto found =
        std::find_if(curve.points.begin(), curve.points.end(),
                     [units](const auto &point) { return point.modelUnits == units; });
    return found == curve.points.end() ? std::optional<Mark>()
                                       : Mark{static_cast<double>(units), found->costUsd, name};
  };
  std::vector<Mark> marks;
  for (const std::optional<Mark> &found :
       {mark(curve.floorModelUnits, tr("floor")), mark(curve.optimalModelUnits, tr("optimum")),
        curve.currentModelUnits ? mark(*curve.currentModelUnits, tr("current"))
                                : std::optional<Mark>()})
    marks.push_back(found.value_or(Mark{std::nan(""), 0, {}}));

  QStringList detail;
  detail.append(tr("break-even utilization %1")
                    .arg(curve.breakEvenUtilization
                             ? chartstyle::percent(*curve.breakEvenUtilization)
                             : tr("n/a")));
  const auto active =
      std::find_if(evaluation.provisioned.begin(), evaluation.provisioned.end(),
                   [&curve](const auto &pt) { return pt.modelId == curve.modelId; });
  if (active != evaluation.provisioned.end())
    detail.append(tr("utilization now %1").arg(chartstyle::percent(active->utilization)));
  detail.append(tr("prices and capacities are quotes"));
  m_annotations->setTitle(tr("PT commitment: %1, %2 term")
                              .arg(chartstyle::shortModelName(curve.modelId), termName(curve.term)),
                          detail);

  chartstyle::setAxisTitle(m_axisX, tr("Provisioned model units (MU)"));
  const double maxUnits = points.last().x();
  chartstyle::TickRange ticks = chartstyle::linearTicks(0, maxUnits, 8, 1);
  ticks.values.removeIf([maxUnits](double value) { return value > maxUnits; });
  chartstyle::setTicks(m_axisX, -0.5, maxUnits + 0.5, chartstyle::countTicks(ticks.values));
  m_curvePoints->replace(points);
  showCurve(points, marks);
  m_curvePoints->setVisible(true);
}

void CommitmentChartView::showReserved(const core::ReservedCurve &curve) {
  m_reserved = true;
  m_modelId = QString::fromStdString(curve.modelId);
  QList<QPointF> points;
  points.reserve(static_cast<qsizetype>(curve.points.size()));
  for (const core::ReservedCurvePoint &point : curve.points)
    points.append({point.inputTpm, point.costUsd});
  std::vector<Mark> marks = {Mark{curve.floorInputTpm, curve.floorCostUsd, tr("floor")},
                             Mark{curve.optimalInputTpm, curve.optimalCostUsd, tr("optimum")}};
  marks.push_back(curve.currentInputTpm
                      ? Mark{*curve.currentInputTpm, *curve.currentCostUsd, tr("current")}
                      : Mark{std::nan(""), 0, {}});

  QStringList detail;
  if (curve.utilizationInput)
    detail.append(tr("input utilization %1").arg(chartstyle::percent(*curve.utilizationInput)));
  detail.append(tr("output held at %1 TPM").arg(chartstyle::countShort(curve.outputTpm)));
  detail.append(tr("prices are quotes"));
  m_annotations->setTitle(tr("Reserved tier: %1").arg(chartstyle::shortModelName(curve.modelId)),
                          detail);

  chartstyle::setAxisTitle(m_axisX, tr("Reserved input tokens per minute"));
  const chartstyle::TickRange ticks = chartstyle::linearTicks(0, points.last().x(), 7);
  chartstyle::setTicks(m_axisX, ticks.min, ticks.max, chartstyle::countTicks(ticks.values));
  showCurve(points, marks);
  m_curvePoints->setVisible(false);
}

void CommitmentChartView::showCurve(const QList<QPointF> &points, const std::vector<Mark> &marks) {
  m_points = points;
  double low = points.first().y();
  double high = low;
  for (QPointF point : points) {
    low = std::min(low, point.y());
    high = std::max(high, point.y());
  }
  // Room under the curve's minimum for the labels of the marks, down to zero at most: a cost
  // is never negative, and an axis running below zero leaves the labels floating there.
  const chartstyle::TickRange ticks =
      chartstyle::linearTicks(std::max(0.0, low - 0.3 * (high - low)), high, 6);
  chartstyle::setTicks(m_axisY, ticks.min, ticks.max, chartstyle::moneyTicks(ticks.values));
  m_curve->replace(points);

  // marks: floor, optimum, current (x is NaN when there is none).
  QScatterSeries *series[] = {m_floor, m_optimal, m_current};
  for (std::size_t i = 0; i < 3; ++i) {
    const bool shown = !std::isnan(marks[i].x);
    series[i]->setVisible(shown);
    series[i]->replace(shown ? QList<QPointF>{{marks[i].x, marks[i].costUsd}} : QList<QPointF>{});
  }
  m_curve->setVisible(true);
  m_axisX->setVisible(true);
  m_axisY->setVisible(true);
  m_annotations->setMessage(QString());

  // One label per distinct x: "floor = optimum: 1 MU", under the curve
  // (which is convex: below it is empty) and away from the optimum.
  const double optimum = marks[1].x;
  std::size_t used = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    if (std::isnan(marks[i].x) ||
        std::any_of(marks.begin(), marks.begin() + static_cast<std::ptrdiff_t>(i),
                    [&](const Mark &m) { return m.x == marks[i].x; }))
      continue;
    QStringList names;
    for (const Mark &other : marks)
      if (other.x == marks[i].x)
        names.append(other.name);
    const QString amount = m_reserved ? tr("%1 TPM").arg(chartstyle::countShort(marks[i].x))
                                      : tr("%1 MU").arg(chartstyle::countExact(marks[i].x));
    const QString text =
        tr("%1: %2\n%3 per month")
            .arg(names.join(QStringLiteral(" = ")), amount, chartstyle::usdShort(marks[i].costUsd));
    const auto placement = marks[i].x < optimum ? ChartAnnotations::Placement::BelowLeft
                                                : ChartAnnotations::Placement::BelowRight;
    if (used == m_markLabels.size())
      m_markLabels.push_back(m_annotations->addLabel(
          m_curve, placement, chartstyle::colour(chartstyle::Colour::Black)));
    m_annotations->setPlacement(m_markLabels[used], placement);
    m_annotations->setLabel(m_markLabels[used], text, {marks[i].x, marks[i].costUsd});
    ++used;
  }
  for (std::size_t i = used; i < m_markLabels.size(); ++i)
    m_annotations->hideLabel(m_markLabels[i]);
  m_annotations->relayout();
}

void CommitmentChartView::showEmpty(bool traffic) {
  m_points.clear();
  m_annotations->setTitle(tr("Commitment explorer"));
  for (QAbstractSeries *series : chart()->series())
    series->setVisible(false);
  m_axisX->setVisible(false);
  m_axisY->setVisible(false);
  for (int label : m_markLabels)
    m_annotations->hideLabel(label);
  // Without traffic there is nothing to commit for, quote or not.
  m_annotations->setMessage(
      traffic ? tr("No model can be committed: add the account team's PT quote (price per "
                   "MU-hour and tokens per minute per MU) in the rate card.")
              : tr("No traffic this month, so nothing to commit for: add a workload (Workloads "
                   "tab) or give one requests."));
}

void CommitmentChartView::showPointTooltip(QPointF point, bool state) {
  const QPointF *nearest = nearestPoint(m_points, point.x());
  if (!state || !nearest) {
    chartstyle::hideTooltip();
    return;
  }
  const QString amount = m_reserved
                             ? tr("%1 input TPM reserved").arg(chartstyle::countExact(nearest->x()))
                             : tr("%1 MU").arg(chartstyle::countExact(nearest->x()));
  chartstyle::showTooltip(
      this,
      tr("%1\n%2: %3 per month (net)").arg(m_modelId, amount, chartstyle::usdExact(nearest->y())));
}

} // namespace bwi::ui
