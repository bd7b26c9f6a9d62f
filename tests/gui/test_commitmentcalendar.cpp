#include "tests/gui/guitestsupport.h"

#include "ui/charts/commitmentcalendarview.h"
#include "ui/export/calendarpage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QScatterSeries>
#include <QSpinBox>
#include <QTabWidget>
#include <QUndoStack>

using namespace bwi;
using test::findChildOrFail;
using test::Window;

namespace {

// The built-in example (docs/cost-model.md §13.6): from 2027-01, PT Nova Pro
// one month, auto-renewing; the reservation on Claude Sonnet 4.5 one month
// with 7 days' notice, idle from 2027-04 (the model retires) to 2027-12:
// 9 × ($14,250 + $4,750) = $171,000.
constexpr const char *kSonnet = "anthropic.claude-sonnet-4-5-20250929-v1:0";

QScatterSeries *scatterNamed(QChartView *view, const QString &name) {
  const auto all = view->chart()->series();
  for (QAbstractSeries *series : all)
    if (series->name() == name)
      if (auto *scatter = qobject_cast<QScatterSeries *>(series))
        return scatter;
  return nullptr;
}

void selectModel(Window &w, const char *id) {
  auto *combo = findChildOrFail<QComboBox>(&w.window, QStringLiteral("commitmentModelCombo"));
  const int index = combo->findData(QString::fromLatin1(id));
  REQUIRE(index >= 0);
  combo->setCurrentIndex(index);
  test::settle();
}

} // namespace

TEST_CASE("The next decision is a key figure with core's date and words", "[gui][calendar]") {
  Window w;
  auto *figure = findChildOrFail<QLabel>(&w.window, QStringLiteral("nextDecisionFigure"));
  const core::CommitmentCalendar &calendar = w.document().workbench().commitmentCalendar;
  REQUIRE(calendar.nextDecision);
  CHECK(figure->text() == QStringLiteral("2027-01-24"));
  const QString toolTip = figure->parentWidget()->toolTip();
  CHECK(toolTip.contains(
      QStringLiteral("renew or cancel Reserved Claude Sonnet 4.5 150K/10K TPM by 2027-01-24")));
  CHECK(toolTip.contains(QStringLiteral("2027-03-24"))); // the end-of-life decision follows

  // Without a calendar the figure counts months.
  REQUIRE(w.document().setValue({core::Field::ForecastStartMonth}, core::FieldValue(),
                                QStringLiteral("no calendar")));
  test::settle();
  CHECK(figure->text() == QStringLiteral("month 0"));
  CHECK(figure->parentWidget()->toolTip().contains(QStringLiteral("month 0")));
  w.document().undoStack()->undo();
  test::settle();
  CHECK(figure->text() == QStringLiteral("2027-01-24"));
}

TEST_CASE("Auto-renew and the notice are edited on the commitment levers, one undo step each",
          "[gui][calendar]") {
  Window w;
  selectModel(w, kSonnet);
  auto *renew = findChildOrFail<QCheckBox>(&w.window, QStringLiteral("autoRenewCheck"));
  auto *notice = findChildOrFail<QSpinBox>(&w.window, QStringLiteral("noticeDaysSpin"));
  auto *figure = findChildOrFail<QLabel>(&w.window, QStringLiteral("nextDecisionFigure"));
  REQUIRE(renew->isVisible());
  CHECK(renew->isChecked());
  CHECK(notice->value() == 7);
  const int steps = w.document().undoStack()->count();

  // 14 days' notice: 2027-01-31 − 14 = 2027-01-17.
  notice->setValue(14);
  test::settle();
  CHECK(w.document().undoStack()->count() == steps + 1);
  CHECK(w.document().scenario().reserved[0].cancelNoticeDays == 14);
  CHECK(figure->text() == QStringLiteral("2027-01-17"));

  // Not renewing: the reservation ends 2027-01-31 and is no longer charged from
  // February, so it is never idle; Nova Pro's deadline (2027-01-31, a renewal)
  // comes before the reservation's end on the same day.
  renew->click();
  test::settle();
  CHECK(w.document().undoStack()->count() == steps + 2);
  CHECK_FALSE(w.document().scenario().reserved[0].autoRenew);
  CHECK_FALSE(notice->isEnabled());
  const core::CommitmentCalendar &calendar = w.document().workbench().commitmentCalendar;
  CHECK(calendar.idleCostUsd == 0.0);
  REQUIRE(calendar.nextDecision);
  CHECK(calendar.nextDecision->kind == core::CommitmentDecisionKind::Renewal);
  CHECK(figure->text() == QStringLiteral("2027-01-31"));

  w.document().undoStack()->undo();
  w.document().undoStack()->undo();
  test::settle();
  CHECK(w.document().scenario().reserved[0].autoRenew);
  CHECK(w.document().scenario().reserved[0].cancelNoticeDays == 7);
  CHECK(renew->isChecked());
  CHECK(notice->value() == 7);
}

TEST_CASE("The commitment calendar draws core's bars, deadlines and idle dollars",
          "[gui][calendar]") {
  Window w;
  auto *tabs = findChildOrFail<QTabWidget>(&w.window, QStringLiteral("mainTabs"));
  auto *view = findChildOrFail<ui::CommitmentCalendarView>(
      &w.window, QStringLiteral("commitmentCalendarChart"));
  tabs->setCurrentWidget(view);
  for (const QSize size : {QSize(1024, 700), QSize(1600, 1000)}) {
    w.window.resize(size);
    test::settle();
    INFO("window " << size.width() << "x" << size.height());
    // The idle months' dollars are on the chart, whole.
    bool idleLabel = false;
    for (const test::ChartLabel &label : test::chartLabels(view))
      idleLabel = idleLabel || label.text == QStringLiteral("idle $171,000.00");
    CHECK(idleLabel);
    // One marker for the next decision, at 7 days before the end of 2027-01:
    // the end of the 24th of 31 days.
    QScatterSeries *next = scatterNamed(view, QStringLiteral("Next decision"));
    REQUIRE(next != nullptr);
    REQUIRE(next->count() == 1);
    CHECK(next->at(0).x() == Approx(24.0 / 31));
    QScatterSeries *deadlines = scatterNamed(view, QStringLiteral("Cancellation deadline"));
    REQUIRE(deadlines != nullptr);
    CHECK(deadlines->count() == 2); // Nova Pro's renewal, the reservation's end-of-life deadline
  }

  // Redrawn on every edit: no commitments, no bars.
  core::Scenario bare = w.document().scenario();
  bare.provisioned.clear();
  bare.reserved.clear();
  w.document().replaceScenario(bare, QStringLiteral("no commitments"));
  test::settle();
  QScatterSeries *next = scatterNamed(view, QStringLiteral("Next decision"));
  REQUIRE(next != nullptr);
  CHECK(next->count() == 0);
  CHECK(findChildOrFail<QLabel>(&w.window, QStringLiteral("nextDecisionFigure"))->text() ==
        QStringLiteral("–"));
}

TEST_CASE("The pack's calendar table lists each commitment with its dates and idle dollars",
          "[gui][calendar]") {
  Window w;
  const QString html = ui::calendarTableHtml(w.document().workbench().commitmentCalendar);
  QTextDocument doc;
  doc.setHtml(html);
  const QString plain = doc.toPlainText();
  CHECK(plain.contains(QStringLiteral("Next decision: renew or cancel Reserved Claude Sonnet 4.5 "
                                      "150K/10K TPM by 2027-01-24.")));
  CHECK(plain.contains(QStringLiteral("2027-01-24 (7 days' notice)")));
  CHECK(plain.contains(QStringLiteral("2027-04 → Claude Sonnet 4.6")));
  CHECK(plain.contains(QStringLiteral("2027-04 to 2027-12 (9)")));
  CHECK(plain.contains(QStringLiteral("$171,000.00")));
  CHECK(ui::hasCalendarPage(w.document().workbench()));
}
