#include "ui/charts/plannerchartview.h"

#include "ui/charts/chartannotations.h"
#include "ui/charts/chartlegend.h"
#include "ui/charts/chartstyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QGraphicsTextItem>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QScatterSeries>

#include <algorithm>

namespace bwi::ui {
namespace {

using chartstyle::Colour;

QString termText(core::PtTerm term) {
  switch (term) {
  case core::PtTerm::NoCommit:
    return QObject::tr("no commitment");
  case core::PtTerm::OneMonth:
    return QObject::tr("1 month");
  case core::PtTerm::SixMonth:
    return QObject::tr("6 months");
  }
  return {};
}

} // namespace

QString recommendationText(core::PlanRecommendation recommendation) {
  switch (recommendation) {
  case core::PlanRecommendation::OnDemand:
    return QObject::tr("stay on demand");
  case core::PlanRecommendation::CommitFloor:
    return QObject::tr("commit to the floor");
  case core::PlanRecommendation::CommitOptimum:
    return QObject::tr("commit to the optimum");
  case core::PlanRecommendation::Wait:
    return QObject::tr("wait, on demand");
  case core::PlanRecommendation::QuoteNeeded:
    return QObject::tr("quote needed");
  }
  return {};
}

QString planChoiceText(const core::PlanChoice &choice) {
  if (!choice.term)
    return QObject::tr("none (on demand)");
  const QString kind =
      choice.kind == core::PlanChoiceKind::Floor ? QObject::tr("floor") : QObject::tr("optimum");
  return QObject::tr("%1 %2 MU · %3").arg(kind).arg(choice.modelUnits).arg(termText(*choice.term));
}

PlannerChartView::PlannerChartView(QWidget *parent) : QChartView(parent) {
  chartstyle::setUpView(this, QStringLiteral("plannerChart"));
  setMinimumSize(560, 260);
  QChart *chart = this->chart();
  m_costs = new QHorizontalBarSeries;
  m_costs->setBarWidth(0.75);
  m_axisChoices = new QBarCategoryAxis;
  chartstyle::styleAxis(m_axisChoices, QString());
  m_axisChoices->setGridLineVisible(false);
  m_axisChoices->setTruncateLabels(false);
  m_axisUsd = chartstyle::makeTickAxis(tr("USD per month (the model's real-time traffic)"));
  chart->addSeries(m_costs);
  chart->addAxis(m_axisChoices, Qt::AlignLeft);
  chart->addAxis(m_axisUsd, Qt::AlignBottom);
  m_costs->attachAxis(m_axisChoices);
  m_costs->attachAxis(m_axisUsd);
  chartstyle::keepCategoriesReadable(this, m_axisChoices);
  m_legend = new ChartLegend(chart);
  m_annotations = new ChartAnnotations(chart);

  // The recommendation and its reason run across both charts: a sentence
  // or two that a chart title would cut short.
  m_header = new QGraphicsTextItem;
  QFont headerFont = font();
  headerFont.setPointSizeF(9);
  m_header->setFont(headerFont);
  m_header->setDefaultTextColor(QColor(0x20, 0x20, 0x20));
  scene()->addItem(m_header);

  m_timeline = new QChart;
  chartstyle::styleChart(m_timeline);
  scene()->addItem(m_timeline);
  m_axisMonths = chartstyle::makeTickAxis(tr("Month of the plan"));
  // The title says what the axis is: a short chart keeps no room for its title.
  m_axisSaving = chartstyle::makeTickAxis(QString());
  m_timeline->addAxis(m_axisMonths, Qt::AlignBottom);
  m_timeline->addAxis(m_axisSaving, Qt::AlignLeft);
  m_timelineLegend = new ChartLegend(m_timeline);
  m_timelineAnnotations = new ChartAnnotations(m_timeline);
  m_timelineAnnotations->setTitle(tr("When a commitment pays off"));
}

void PlannerChartView::resizeEvent(QResizeEvent *event) {
  QChartView::resizeEvent(event);
  layOutCharts();
}

void PlannerChartView::layOutCharts() {
  const QSizeF size = this->size();
  m_header->setTextWidth(std::max<qreal>(100, size.width() - 24));
  m_header->setPos(12, 4);
  const qreal top = m_header->toPlainText().isEmpty() ? 0 : m_header->boundingRect().height() + 4;
  const bool timeline = m_timeline->isVisible();
  const qreal split = timeline ? std::round(size.width() * 0.52) : size.width();
  const qreal height = std::max<qreal>(120, size.height() - top);
  chart()->setGeometry(QRectF(0, top, split, height));
  m_timeline->setGeometry(QRectF(split, top, size.width() - split, height));
  setSceneRect(QRectF(QPointF(0, 0), size));
}

void PlannerChartView::setStale(bool stale) {
  const qreal opacity = stale ? 0.3 : 1.0;
  chart()->setOpacity(opacity);
  m_timeline->setOpacity(opacity);
  m_header->setOpacity(opacity);
}

QString PlannerChartView::headerText() const { return m_header->toPlainText(); }

void PlannerChartView::showHeader(const QString &title, const QStringList &lines) {
  QString html = QStringLiteral("<div style=\"font-size:11pt; font-weight:bold\">%1</div>")
                     .arg(title.toHtmlEscaped());
  for (const QString &line : lines)
    html += QStringLiteral("<div>%1</div>").arg(line.toHtmlEscaped());
  m_header->setHtml(html);
}

void PlannerChartView::showMessage(const QString &message) {
  m_plan = {};
  setStale(false);
  m_rows.clear();
  m_costs->clear();
  for (int id : m_costLabels)
    m_annotations->hideLabel(id);
  m_costs->setVisible(false);
  m_axisChoices->setVisible(false);
  m_axisUsd->setVisible(false);
  m_annotations->setTitle(tr("Each choice: expected and p90 a month"));
  showHeader(tr("Commitment planner"), {});
  m_annotations->setMessage(message);
  m_legend->refresh();
  m_timeline->setVisible(false);
  layOutCharts();
}

void PlannerChartView::showPlan(const core::CommitmentPlan &plan) {
  m_plan = plan;
  setStale(false);
  m_rows.clear();
  for (const core::ModelPlan &model : m_plan.models)
    for (std::size_t i = 0; i < model.choices.size(); ++i)
      m_rows.append({&model, &model.choices[i], model.recommendedChoice == i});
  showChoices();
  showTimeline();
  layOutCharts();
}

void PlannerChartView::showChoices() {
  QStringList quoteNeeded;
  for (const core::ModelPlan &model : m_plan.models)
    if (!model.priced)
      quoteNeeded.append(chartstyle::shortModelName(model.modelId));
  const QString quoteLine = quoteNeeded.isEmpty()
                                ? QString()
                                : tr("quote needed (no PT price on the card): %1")
                                      .arg(quoteNeeded.join(QStringLiteral(", ")));
  if (m_rows.isEmpty()) {
    m_costs->clear();
    for (int id : m_costLabels)
      m_annotations->hideLabel(id);
    m_costs->setVisible(false);
    m_axisChoices->setVisible(false);
    m_axisUsd->setVisible(false);
    showHeader(tr("Commitment planner"), {});
    m_annotations->setMessage(
        m_plan.models.empty()
            ? tr("No model that could take provisioned throughput carries real-time traffic.")
            : tr("Quote needed: %1 has no PT price on the rate card. Enter the account team's "
                 "quote on the Rate card tab to weigh a commitment.")
                  .arg(quoteNeeded.join(QStringLiteral(", "))));
    m_legend->refresh();
    return;
  }
  // One model priced: its name is in the title; several: each row names its model.
  std::vector<const core::ModelPlan *> priced;
  for (const core::ModelPlan &model : m_plan.models)
    if (model.priced)
      priced.push_back(&model);
  const bool severalModels = priced.size() > 1;
  QStringList categories;
  QList<qreal> expected, p90;
  double high = 1;
  for (auto row = m_rows.crbegin(); row != m_rows.crend(); ++row) {
    QString label = planChoiceText(*row->choice);
    if (severalModels)
      label = chartstyle::shortModelName(row->model->modelId) + QStringLiteral(": ") + label;
    if (row->recommended)
      label = QStringLiteral("▶ ") + label;
    categories.append(label);
    expected.append(row->choice->expectedMonthlyUsd);
    p90.append(row->choice->p90MonthlyUsd);
    high = std::max({high, row->choice->expectedMonthlyUsd, row->choice->p90MonthlyUsd});
  }
  m_costs->clear();
  const auto addSet = [&](const QString &name, const QList<qreal> &values, const QColor &colour) {
    auto *set = new QBarSet(name);
    set->setColor(colour);
    set->setBorderColor(Qt::white);
    set->append(values);
    connect(set, &QBarSet::hovered, this,
            [this](bool state, int index) { showBarTooltip(state, index); });
    m_costs->append(set);
  };
  // Qt lists the sets bottom to top inside a category: p90 first puts the expected on top.
  addSet(tr("p90 a month"), p90, chartstyle::colour(Colour::SkyBlue));
  addSet(tr("Expected a month"), expected, chartstyle::colour(Colour::Blue));
  m_axisChoices->setCategories(categories);
  const chartstyle::TickRange ticks = chartstyle::linearTicks(0, high * 1.32, 5);
  chartstyle::setTicks(m_axisUsd, ticks.min, ticks.max, chartstyle::moneyTicks(ticks.values));
  m_costs->setVisible(true);
  m_axisChoices->setVisible(true);
  m_axisUsd->setVisible(true);
  m_annotations->setMessage(QString());

  const qsizetype count = m_rows.size();
  while (m_costLabels.size() < count)
    m_costLabels.append(m_annotations->addLabel(m_costs, ChartAnnotations::Placement::Right,
                                                chartstyle::colour(Colour::Black)));
  for (qsizetype i = 0; i < m_costLabels.size(); ++i) {
    if (i >= count) {
      m_annotations->hideLabel(m_costLabels[i]);
      continue;
    }
    const core::PlanChoice &choice = *m_rows[i].choice;
    m_annotations->setLabel(m_costLabels[i],
                            tr("%1 · p90 %2")
                                .arg(chartstyle::usdShort(choice.expectedMonthlyUsd),
                                     chartstyle::usdShort(choice.p90MonthlyUsd)),
                            QPointF(std::max(choice.expectedMonthlyUsd, choice.p90MonthlyUsd),
                                    static_cast<qreal>(count - 1 - i)));
  }

  QString title = tr("Commitment planner");
  QStringList lines;
  for (const core::ModelPlan *model : priced) {
    const QString name = chartstyle::shortModelName(model->modelId);
    const QString reason = QString::fromStdString(model->reason);
    if (!severalModels)
      title = tr("Commitment planner, %1: %2").arg(name, recommendationText(model->recommendation));
    lines.append(severalModels
                     ? tr("%1: %2. %3").arg(name, recommendationText(model->recommendation), reason)
                     : reason);
  }
  if (!quoteLine.isEmpty())
    lines.append(quoteLine);
  showHeader(title, lines);
  m_annotations->setTitle(tr("Each choice: expected and p90 a month"),
                          {tr("%1 trials over %2 months")
                               .arg(chartstyle::countExact(m_plan.trials))
                               .arg(core::kPlanMonths)});
  m_legend->refresh();
}

void PlannerChartView::showTimeline() {
  for (QAbstractSeries *series : m_timeline->series()) {
    m_timeline->removeSeries(series);
    delete series;
  }
  bool any = false;
  double low = 0, high = 0;
  int colour = 0;
  for (const Row &row : m_rows) {
    if (!row.choice->term)
      continue;
    any = true;
    auto *line = new QLineSeries;
    QString name = planChoiceText(*row.choice);
    if (m_rows.front().model != m_rows.back().model)
      name = chartstyle::shortModelName(row.model->modelId) + QStringLiteral(": ") + name;
    name += row.choice->breakEvenMonth
                ? tr(" (pays from %1)").arg(chartstyle::monthTick(*row.choice->breakEvenMonth))
                : tr(" (never pays)");
    line->setName(name);
    const QColor lineColour = chartstyle::seriesColour(colour++);
    line->setPen(chartstyle::linePen(lineColour, row.recommended ? Qt::SolidLine : Qt::DashLine,
                                     row.recommended ? 3 : 2));
    for (int month = 0; month < core::kPlanMonths; ++month) {
      const double saving = row.choice->cumulativeSavingsUsd[static_cast<std::size_t>(month)];
      line->append(month + 1, saving);
      low = std::min(low, saving);
      high = std::max(high, saving);
    }
    m_timeline->addSeries(line);
    line->attachAxis(m_axisMonths);
    line->attachAxis(m_axisSaving);
    if (row.choice->breakEvenMonth) {
      auto *marker = new QScatterSeries;
      marker->setMarkerSize(9);
      marker->setColor(lineColour);
      marker->setBorderColor(Qt::white);
      const int month = *row.choice->breakEvenMonth;
      marker->append(month + 1, row.choice->cumulativeSavingsUsd[static_cast<std::size_t>(month)]);
      m_timeline->addSeries(marker);
      marker->attachAxis(m_axisMonths);
      marker->attachAxis(m_axisSaving);
      m_timelineLegend->exclude(marker);
    }
  }
  m_timeline->setVisible(any);
  if (!any)
    return;
  auto *zero = new QLineSeries;
  zero->append(1, 0);
  zero->append(core::kPlanMonths, 0);
  zero->setPen(chartstyle::linePen(chartstyle::colour(Colour::Black), Qt::SolidLine, 1));
  m_timeline->addSeries(zero);
  zero->attachAxis(m_axisMonths);
  zero->attachAxis(m_axisSaving);
  m_timelineLegend->exclude(zero);

  QList<chartstyle::AxisTick> months;
  for (int month = 1; month <= core::kPlanMonths; ++month)
    months.append({static_cast<double>(month), chartstyle::monthTick(month - 1)});
  chartstyle::setTicks(m_axisMonths, 1, core::kPlanMonths, months);
  const double pad = std::max((high - low) * 0.08, 1.0);
  const chartstyle::TickRange ticks = chartstyle::linearTicks(low - pad, high + pad, 6);
  chartstyle::setTicks(m_axisSaving, ticks.min, ticks.max, chartstyle::moneyTicks(ticks.values));
  m_timelineAnnotations->setTitle(tr("When a commitment pays off"),
                                  {tr("cumulative saving (USD) against staying on demand"),
                                   tr("dot: the first month it is ahead")});
  m_timelineLegend->refresh();
}

void PlannerChartView::showBarTooltip(bool state, int index) {
  const qsizetype row = m_rows.size() - 1 - index;
  if (!state || row < 0 || row >= m_rows.size()) {
    chartstyle::hideTooltip();
    return;
  }
  const core::PlanChoice &choice = *m_rows[row].choice;
  QStringList lines = {
      QStringLiteral("%1: %2").arg(chartstyle::shortModelName(m_rows[row].model->modelId),
                                   planChoiceText(choice)),
      tr("Expected: %1 a month").arg(chartstyle::usdExact(choice.expectedMonthlyUsd)),
      tr("p90: %1 a month").arg(chartstyle::usdExact(choice.p90MonthlyUsd)),
      tr("Idle: %1 MU-hours a month").arg(chartstyle::countExact(choice.expectedIdleMuHours)),
      tr("Regret: %1 a month").arg(chartstyle::usdExact(choice.expectedRegretUsd))};
  if (choice.term)
    lines.append(choice.breakEvenMonth
                     ? tr("Pays from %1").arg(chartstyle::monthTick(*choice.breakEvenMonth))
                     : tr("Never pays within %1 months").arg(core::kPlanMonths));
  if (m_rows[row].recommended)
    lines.append(tr("Recommended"));
  chartstyle::showTooltip(this, lines.join(QLatin1Char('\n')));
}

} // namespace bwi::ui
