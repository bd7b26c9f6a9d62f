#include "tests/gui/guitestsupport.h"

#include "core/common/moneyformat.h"
#include "core/cost/preparedscenario.h"
#include "core/forecast/forecast.h"
#include "ui/charts/forecastchartview.h"
#include "ui/ranges/rangespanel.h"

#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QStatusBar>
#include <QUndoStack>

using namespace bwi;
using test::findChildOrFail;
using test::Window;

namespace {

// The built-in example on a calendar from 2027-01: Claude Sonnet 4.5 retires
// in 2027-04 while the example's reservation on it runs on.
constexpr const char *kStart = "2027-01";

// The example has that calendar itself; these tests start from none and set it.
void withoutCalendar(Window &w) {
  REQUIRE(w.document().setValue({core::Field::ForecastStartMonth}, core::FieldValue(),
                                QStringLiteral("no calendar")));
  test::settle();
}

core::Forecast coreForecast(ui::ScenarioDocument &document) {
  const auto prepared = core::prepareScenario(document.scenario(), document.rateCard());
  core::ForecastOptions options;
  options.monteCarlo = false; // the events and risks do not depend on the fan
  return core::forecast(prepared, 1.0, options);
}

ui::ForecastChartView *forecastChart(Window &w, const char *name = "forecastChart") {
  auto *chart = findChildOrFail<ui::ForecastChartView>(&w.window, QString::fromLatin1(name));
  REQUIRE(chart->isVisible());
  return chart;
}

// The scene x of forecast month `month` on the chart's net line.
qreal monthX(ui::ForecastChartView *chart, int month) {
  QLineSeries *net = nullptr;
  const auto all = chart->chart()->series();
  for (QAbstractSeries *series : all)
    if (series->name() == QStringLiteral("Net") && qobject_cast<QLineSeries *>(series))
      net = static_cast<QLineSeries *>(series);
  REQUIRE(net != nullptr);
  const QPointF at = chart->chart()->mapToPosition(QPointF(month, 0), net);
  return chart->chart()->mapToScene(at).x();
}

// Every mark sits at its event's month and its label is readable: no label
// on another, none on a point of the net line.
void checkMarks(ui::ForecastChartView *chart, const std::vector<core::CalendarEvent> &events,
                bool someLabelled = true) {
  const auto marks = chart->eventMarks();
  REQUIRE(marks.size() == static_cast<qsizetype>(events.size()));
  int labelled = 0;
  for (qsizetype i = 0; i < marks.size(); ++i) {
    const core::CalendarEvent &event = events[static_cast<std::size_t>(i)];
    INFO("event " << event.label);
    CHECK(marks[i].month == event.month);
    CHECK(std::abs(marks[i].lineX - monthX(chart, event.month)) < 0.5);
    if (marks[i].label.isEmpty())
      continue;
    ++labelled;
    CHECK(marks[i].label.startsWith(QString::fromStdString(event.calendarMonth) + ": "));
    for (qsizetype j = i + 1; j < marks.size(); ++j)
      if (!marks[j].label.isEmpty())
        CHECK_FALSE(marks[i].labelRect.intersects(marks[j].labelRect));
  }
  if (someLabelled)
    CHECK(labelled >= 1);
  for (const auto &label : marks)
    if (!label.label.isEmpty())
      for (const auto &month : chart->chart()->series())
        if (auto *line = qobject_cast<QLineSeries *>(month); line && line->isVisible())
          for (const QPointF &point : line->points()) {
            const QPointF at =
                chart->chart()->mapToScene(chart->chart()->mapToPosition(point, line));
            CHECK_FALSE(label.labelRect.contains(at));
          }
}

} // namespace

TEST_CASE("The forecast chart marks core's price events at their months and redraws on edits",
          "[gui][events]") {
  Window w;
  // The Ranges tab's forecast: the Charts tab's small one (seven charts share the tab)
  // leaves labels that do not fit to the marks' tooltips.
  auto *panel = findChildOrFail<ui::RangesPanel>(&w.window, QStringLiteral("rangesPanel"));
  w.window.showPanel(panel);
  ui::ForecastChartView *chart = forecastChart(w, "fanChart");
  withoutCalendar(w);
  CHECK(chart->eventMarks().isEmpty()); // no calendar: core lists no events

  REQUIRE(w.document().setValue({core::Field::ForecastStartMonth}, std::string(kStart),
                                QStringLiteral("calendar")));
  test::settle();
  const core::Forecast expected = coreForecast(w.document());
  REQUIRE_FALSE(expected.events.empty());
  const bool retires = std::any_of(expected.events.begin(), expected.events.end(), [](auto &e) {
    return e.kind == core::CalendarEventKind::EndOfLife && e.calendarMonth == "2027-04";
  });
  CHECK(retires);
  checkMarks(chart, expected.events);
  const auto marks = chart->eventMarks();
  // The retirement is labelled on the chart (shortened to fit: the successor is in its tooltip).
  const bool retirementLabelled = std::any_of(marks.begin(), marks.end(), [&](const auto &mark) {
    return mark.label.contains(QStringLiteral("retires"));
  });
  for (const auto &mark : marks)
    UNSCOPED_INFO("mark label: " << mark.label.toStdString());
  CHECK(retirementLabelled);

  // A later start moves every mark to core's new months.
  REQUIRE(w.document().setValue({core::Field::ForecastStartMonth}, std::string("2026-11"),
                                QStringLiteral("earlier")));
  test::settle();
  const core::Forecast moved = coreForecast(w.document());
  REQUIRE_FALSE(moved.events.empty());
  CHECK(moved.events.front().month != expected.events.front().month);
  checkMarks(chart, moved.events);

  // A narrow chart still keeps its labels apart (shortened or left to the tooltip).
  w.window.resize(700, 700);
  test::settle();
  checkMarks(chart, moved.events, false);

  REQUIRE(w.document().setValue({core::Field::ForecastStartMonth}, core::FieldValue(),
                                QStringLiteral("no calendar")));
  test::settle();
  CHECK(chart->eventMarks().isEmpty());
}

TEST_CASE("A commitment its model outlives is flagged with core's idle cost", "[gui][events]") {
  Window w;
  auto *flag = findChildOrFail<QLabel>(&w.window, QStringLiteral("commitmentRisks"));
  CHECK(flag->isVisible()); // the example's own calendar
  withoutCalendar(w);
  CHECK_FALSE(flag->isVisible());

  REQUIRE(w.document().setValue({core::Field::ForecastStartMonth}, std::string(kStart),
                                QStringLiteral("calendar")));
  test::settle();
  const core::Forecast expected = coreForecast(w.document());
  REQUIRE_FALSE(expected.commitmentRisks.empty());
  CHECK(flag->isVisible());
  for (const core::CommitmentRisk &risk : expected.commitmentRisks) {
    INFO(flag->text().toStdString());
    CHECK(risk.idleCostUsd > 0);
    CHECK(flag->text().contains(QString::fromStdString(core::formatUsdExact(risk.idleCostUsd))));
    CHECK(
        flag->text().contains(QStringLiteral("(%1)").arg(QString::fromStdString(risk.endOfLife))));
    CHECK(flag->text().contains(QStringLiteral("idle %1 months").arg(risk.idleMonths.size())));
  }

  w.document().undoStack()->undo();
  test::settle();
  CHECK_FALSE(flag->isVisible());
}

TEST_CASE("The forecast start month is edited on the Ranges tab in one undo step",
          "[gui][events]") {
  Window w;
  withoutCalendar(w);
  auto *panel = findChildOrFail<ui::RangesPanel>(&w.window, QStringLiteral("rangesPanel"));
  w.window.showPanel(panel);
  auto *field = findChildOrFail<QLineEdit>(panel, QStringLiteral("forecastStartField"));
  ui::ForecastChartView *fan = forecastChart(w, "fanChart");
  CHECK(field->text().isEmpty());
  QUndoStack *stack = w.document().undoStack();
  const int steps = stack->count();

  field->setFocus();
  QTest::keyClicks(field, QString::fromLatin1(kStart));
  QTest::keyClick(field, Qt::Key_Return);
  test::settle();
  CHECK(stack->count() == steps + 1);
  REQUIRE(w.document().scenario().forecast.startMonth == std::optional<std::string>(kStart));
  checkMarks(fan, coreForecast(w.document()).events);
  CHECK_FALSE(fan->eventMarks().isEmpty());

  // A month that is no month is refused: no step, the field shows the scenario's.
  field->selectAll();
  QTest::keyClicks(field, QStringLiteral("2027-13"));
  QTest::keyClick(field, Qt::Key_Return);
  test::settle();
  CHECK(stack->count() == steps + 1);
  CHECK(field->text() == QString::fromLatin1(kStart));
  // ... and the status bar says why, and which month stays.
  const QString message = w.window.statusBar()->currentMessage();
  INFO(message.toStdString());
  CHECK(message.contains(QStringLiteral("2027-13")));
  CHECK(message.contains(QString::fromLatin1(kStart)));

  stack->undo();
  test::settle();
  CHECK_FALSE(w.document().scenario().forecast.startMonth.has_value());
  CHECK(field->text().isEmpty());
  CHECK(fan->eventMarks().isEmpty());
  stack->redo();
  test::settle();
  CHECK(field->text() == QString::fromLatin1(kStart));
  checkMarks(fan, coreForecast(w.document()).events);
}
