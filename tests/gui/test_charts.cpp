#include "tests/gui/guitestsupport.h"

#include <QAbstractAxis>
#include <QChart>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QScatterSeries>
#include <QTabWidget>
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
