#include "tests/gui/guitestsupport.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QDoubleSpinBox>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QHelpEvent>
#include <QPushButton>
#include <QScatterSeries>
#include <QTabWidget>
#include <QToolTip>
#include <QValueAxis>

using namespace bwi;
using test::findChildOrFail;
using test::Window;

namespace {

// Each label of the chart leaves every marker it could label uncovered.
void checkLabelsClearOfMarkers(QChartView *view) {
  test::settle();
  QChart *chart = view->chart();
  const QList<test::ChartLabel> labels = test::chartLabels(view);
  for (QAbstractSeries *series : chart->series()) {
    auto *scatter = qobject_cast<QScatterSeries *>(series);
    if (!scatter || !scatter->isVisible() || scatter->count() > 3)
      continue; // a curve's own dots are no markers
    const qreal radius = scatter->markerSize() / 2;
    for (const QPointF &point : scatter->points()) {
      const QPointF at = chart->mapToScene(chart->mapToPosition(point, scatter));
      const QRectF marker(at - QPointF(radius, radius), QSizeF(2 * radius, 2 * radius));
      if (!chart->plotArea().contains(chart->mapFromScene(at)))
        continue;
      for (const test::ChartLabel &label : labels) {
        INFO(view->objectName().toStdString()
             << ": \"" << label.text.toStdString() << "\" over the "
             << scatter->name().toStdString() << " marker");
        CHECK_FALSE(label.rect.intersects(marker));
      }
    }
  }
}

void checkLabelsInsidePlot(QChartView *view) {
  const QRectF plot = view->chart()->mapRectToScene(view->chart()->plotArea());
  for (const test::ChartLabel &label : test::chartLabels(view)) {
    INFO(view->objectName().toStdString() << ": " << label.text.toStdString());
    CHECK(plot.adjusted(-1, -1, 1, 1).contains(label.rect));
  }
}

double verticalAxisMinimum(QChartView *view) {
  const QList<QAbstractAxis *> axes = view->chart()->axes(Qt::Vertical);
  REQUIRE_FALSE(axes.isEmpty());
  auto *axis = qobject_cast<QValueAxis *>(axes.front());
  REQUIRE(axis != nullptr);
  return axis->min();
}

} // namespace

TEST_CASE("The commitment explorer's cost axis starts at zero, its labels on the plot",
          "[gui][charts]") {
  Window w;
  core::Scenario scenario = w.document().scenario();
  scenario.provisioned.clear();
  scenario.reserved.clear();
  scenario.ratecardOverrides.clear();
  REQUIRE(w.document().replaceScenario(scenario, QStringLiteral("clear commitments")));
  w.document().setSelectedModel(QStringLiteral("amazon.nova-micro-v1:0"));
  // A quote whose model unit serves little: hundreds of units, a steep curve.
  findChildOrFail<QDoubleSpinBox>(&w.window, QStringLiteral("ptQuoteRate"))->setValue(20);
  findChildOrFail<QDoubleSpinBox>(&w.window, QStringLiteral("ptQuoteInputTpm"))->setValue(20000);
  findChildOrFail<QDoubleSpinBox>(&w.window, QStringLiteral("ptQuoteOutputTpm"))->setValue(2000);
  findChildOrFail<QPushButton>(&w.window, QStringLiteral("ptQuoteButton"))->click();
  REQUIRE(w.document().workbench().unitsCurve.has_value());
  REQUIRE(w.document().workbench().unitsCurve->points.size() > 50);
  auto *explorer = findChildOrFail<QChartView>(&w.window, QStringLiteral("commitmentChart"));
  test::settle();
  CHECK(verticalAxisMinimum(explorer) >= 0);
  checkLabelsInsidePlot(explorer);
  checkLabelsClearOfMarkers(explorer);
}

TEST_CASE("Callouts on the workbench charts leave their markers visible", "[gui][charts]") {
  Window w;
  for (const QSize size : {QSize(1600, 1000), QSize(1024, 700)}) {
    w.window.resize(size);
    QTest::qWait(50);
    for (const char *name : {"volumeChart", "commitmentChart", "loadChart"}) {
      INFO(name << " at " << size.width() << "x" << size.height());
      auto *view = findChildOrFail<QChartView>(&w.window, QString::fromLatin1(name));
      checkLabelsClearOfMarkers(view);
      checkLabelsInsidePlot(view);
    }
  }
}

TEST_CASE("A small chart's title leaves the plot its room and hovers the details it leaves out",
          "[gui][charts]") {
  Window w;
  auto *view = findChildOrFail<QChartView>(&w.window, QStringLiteral("forecastChart"));
  test::settle();
  QChart *chart = view->chart();
  // At the window's size the forecast's six detail lines do not all fit.
  REQUIRE(chart->title().contains(QChar(0x2026)));
  // The title and its details take at most a fifth of the chart's height
  // (two detail lines at least), so the plot keeps the rest.
  CHECK(chart->plotArea().top() < chart->size().height() * 0.35);
  // The details left out are the tooltip of the title's area, and only of it.
  QGraphicsItem *hover = nullptr;
  for (QGraphicsItem *item : view->scene()->items())
    if (item->isVisible() && item->toolTip().contains(QStringLiteral("dashed marks")))
      hover = item;
  REQUIRE(hover != nullptr);
  const QRectF area = hover->sceneBoundingRect();
  CHECK(area.bottom() < chart->mapToScene(chart->plotArea().topLeft()).y());
  const QPoint inTitle = view->mapFromScene(QPointF(area.center().x(), area.top() + 10));
  QHelpEvent help(QEvent::ToolTip, inTitle, view->viewport()->mapToGlobal(inTitle));
  QApplication::sendEvent(view->viewport(), &help);
  CHECK(QToolTip::isVisible());
  CHECK(QToolTip::text().contains(QStringLiteral("dashed marks")));
  QToolTip::hideText();
  // Much taller (a fifth of it is room for every line, however narrow the
  // chart and wide the font), every detail is back and nothing is left to hover.
  view->setMinimumHeight(2000);
  CHECK(QTest::qWaitFor([&] { return !chart->title().contains(QChar(0x2026)); }, 5000));
  CHECK(chart->title().contains(QStringLiteral("dashed marks")));
  CHECK_FALSE(hover->isVisible());
}
