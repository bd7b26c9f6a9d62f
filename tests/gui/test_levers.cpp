#include "tests/gui/guitestsupport.h"

#include "core/analysis/goalseek.h"
#include "ui/compare/comparepanel.h"
#include "ui/levers/leverslider.h"
#include "ui/ranges/goalseekbox.h"

#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QUndoStack>
#include <QWheelEvent>

using namespace bwi;
using test::findChildOrFail;
using test::Window;

namespace {

const std::string kNovaMicro = "amazon.nova-micro-v1:0";

QScrollArea *leversPanel(Window &w) {
  return findChildOrFail<QScrollArea>(&w.window, QStringLiteral("leversPanel"));
}

// Every widget shown in the levers panel lies inside its viewport's width: nothing is pushed
// off the right edge where no scroll bar reaches.
void checkNothingClippedRight(QScrollArea *panel) {
  QTest::qWait(20);
  const int right = panel->viewport()->width();
  CHECK(panel->widget()->width() <= right);
  const QList<QWidget *> children = panel->widget()->findChildren<QWidget *>();
  for (QWidget *child : children) {
    if (!child->isVisible() || child->width() == 0)
      continue;
    const QPoint topRight = child->mapTo(panel->viewport(), QPoint(child->width() - 1, 0));
    INFO(child->metaObject()->className() << " " << child->objectName().toStdString()
                                          << " ends at x " << topRight.x() << " of " << right);
    CHECK(topRight.x() < right);
  }
}

// Removes every commitment and override, and shows the commitment levers for Nova Micro, whose
// provisioned-throughput price AWS does not publish: the "Quote needed" form.
void showQuoteForm(Window &w) {
  core::Scenario scenario = w.document().scenario();
  scenario.provisioned.clear();
  scenario.reserved.clear();
  scenario.ratecardOverrides.clear();
  REQUIRE(w.document().replaceScenario(scenario, QStringLiteral("nova micro")));
  w.document().setSelectedModel(QString::fromStdString(kNovaMicro));
  QTest::qWait(20);
  REQUIRE(findChildOrFail<QPushButton>(&w.window, QStringLiteral("ptQuoteButton"))->isVisible());
}

// A turn of the mouse wheel over `target`, as the pointer passing over it while scrolling;
// whether `target` took it. (Qt hands a wheel event the widget under the pointer does not take
// to its parents, up to the scroll area, but only a real one from the window system: one sent
// here stops at `target`, so the test checks that it was left for the parents.)
bool wheel(QWidget *target, int steps) {
  const QPointF at(target->width() / 2.0, target->height() / 2.0);
  QWheelEvent event(at, target->mapToGlobal(at), QPoint(), QPoint(0, -120 * steps), Qt::NoButton,
                    Qt::NoModifier, Qt::NoScrollPhase, false);
  QApplication::sendEvent(target, &event);
  return event.isAccepted();
}

void typeInto(QAbstractSpinBox *field, const QString &text) {
  field->setFocus();
  field->selectAll();
  QTest::keyClicks(field, text);
  QTest::keyClick(field, Qt::Key_Return);
}

} // namespace

TEST_CASE("Quote needed wraps inside the levers dock, which keeps its width", "[gui][levers]") {
  Window w;
  auto *dock = findChildOrFail<QDockWidget>(&w.window, QStringLiteral("leversDock"));
  QTest::qWait(20);
  const int before = dock->width();
  showQuoteForm(w);
  CHECK(dock->width() <= before);
  checkNothingClippedRight(leversPanel(w));

  // The same after the optimizer's proposal opens in the workbench (its models need quotes).
  auto *compare = findChildOrFail<ui::ComparePanel>(&w.window, QStringLiteral("comparePanel"));
  w.window.showPanel(compare);
  compare->optimize();
  compare->openInWorkbench();
  w.document().setSelectedModel(QString::fromStdString(kNovaMicro));
  QTest::qWait(20);
  CHECK(dock->width() <= before);
  checkNothingClippedRight(leversPanel(w));
}

TEST_CASE("The global volume lever shows the scenario's value beyond its slider's range",
          "[gui][levers]") {
  Window w;
  auto *tabs = findChildOrFail<QTabWidget>(&w.window, QStringLiteral("mainTabs"));
  tabs->setCurrentIndex(1); // Ranges
  auto *goalSeek = findChildOrFail<ui::GoalSeekBox>(&w.window, QStringLiteral("goalSeek"));
  auto *lever = findChildOrFail<QComboBox>(goalSeek, QStringLiteral("goalSeekLever"));
  lever->setCurrentIndex(lever->findData(static_cast<int>(core::ScaledLever::Volume)));
  findChildOrFail<QDoubleSpinBox>(goalSeek, QStringLiteral("goalSeekTarget"))->setValue(5e6);
  goalSeek->find();
  REQUIRE(goalSeek->result().has_value());
  REQUIRE(goalSeek->result()->found);
  REQUIRE(goalSeek->apply());
  const double multiplier = w.document().scenario().globalVolumeMultiplier;
  REQUIRE(multiplier > 10);
  auto *volume = findChildOrFail<ui::LeverSlider>(&w.window, QStringLiteral("globalVolumeLever"));
  CHECK_THAT(volume->value(), Catch::Matchers::WithinRel(multiplier, 1e-3));
  CHECK(volume->slider()->value() == volume->slider()->maximum());

  QTemporaryDir folder;
  const QString path = folder.filePath(QStringLiteral("big.json"));
  REQUIRE(w.window.saveTo(path));
  Window reopened;
  REQUIRE(reopened.window.openFile(path));
  auto *shown =
      findChildOrFail<ui::LeverSlider>(&reopened.window, QStringLiteral("globalVolumeLever"));
  CHECK_THAT(shown->value(), Catch::Matchers::WithinRel(multiplier, 1e-3));
}

TEST_CASE("A sole routed model takes every request and offers no share to type or remove",
          "[gui][levers]") {
  Window w;
  const int workload = w.document().selectedWorkload();
  const auto routes = [&] {
    return w.document().scenario().workloads[static_cast<std::size_t>(workload)].routing;
  };
  while (routes().size() > 1) {
    findChildOrFail<QToolButton>(&w.window, QStringLiteral("removeModel0"))->click();
    QTest::qWait(10);
  }
  const int steps = w.document().undoStack()->count();
  auto *share = findChildOrFail<ui::LeverSlider>(&w.window, QStringLiteral("shareLever0"));
  if (share->field()->isEnabled() && !share->field()->isReadOnly())
    typeInto(share->field(), QStringLiteral("50"));
  CHECK(share->field()->value() == 100.0);
  CHECK(share->slider()->value() == share->slider()->maximum());
  CHECK(routes().front().share == 1.0);
  CHECK(w.document().undoStack()->count() == steps);
  CHECK_FALSE(findChildOrFail<QToolButton>(&w.window, QStringLiteral("removeModel0"))->isEnabled());
}

TEST_CASE("Scrolling the levers with the wheel changes no value", "[gui][levers]") {
  Window w;
  w.window.activateWindow();
  REQUIRE(QTest::qWaitForWindowActive(&w.window));
  QScrollArea *panel = leversPanel(w);
  QScrollBar *scroll = panel->verticalScrollBar();
  REQUIRE(scroll->maximum() > 0);
  const core::Scenario before = w.document().scenario();
  auto *cache = findChildOrFail<ui::LeverSlider>(&w.window, QStringLiteral("cacheHitLever"));
  auto *tier = findChildOrFail<QComboBox>(&w.window, QStringLiteral("serviceTierCombo"));
  panel->setFocus();
  for (QWidget *target : {static_cast<QWidget *>(cache->slider()),
                          static_cast<QWidget *>(cache->field()), static_cast<QWidget *>(tier)}) {
    INFO(target->metaObject()->className());
    CHECK_FALSE(wheel(target, 3)); // left for the panel around it
    CHECK(w.document().scenario() == before);
    CHECK(w.document().undoStack()->count() == 0);
  }
  // Which scrolls.
  const int position = scroll->value();
  CHECK(wheel(panel->viewport(), 3));
  CHECK(scroll->value() > position);
  // With the focus, the wheel is the user's way to change a value.
  cache->slider()->setFocus();
  CHECK(wheel(cache->slider(), 1));
  CHECK(w.document().undoStack()->count() == 1);
}

namespace {

// The controls of the levers panel a wheel turn could change, shown ones only.
QList<QWidget *> wheelControls(QScrollArea *panel) {
  QList<QWidget *> controls;
  const QList<QWidget *> children = panel->widget()->findChildren<QWidget *>();
  for (QWidget *child : children)
    if (child->isVisible() &&
        (qobject_cast<QComboBox *>(child) || qobject_cast<QAbstractSpinBox *>(child) ||
         (qobject_cast<QAbstractSlider *>(child) && !qobject_cast<QScrollBar *>(child))))
      controls.append(child);
  return controls;
}

} // namespace

TEST_CASE("Every combo box, spin box and slider of the levers dock leaves the wheel to the "
          "panel, rows added later too",
          "[gui][levers][wheel]") {
  Window w;
  w.window.activateWindow();
  REQUIRE(QTest::qWaitForWindowActive(&w.window));
  QScrollArea *panel = leversPanel(w);
  // The workload with an exception path, so that its target combo and rate are shown.
  const auto &workloads = w.document().scenario().workloads;
  const auto escalating = std::find_if(workloads.begin(), workloads.end(),
                                       [](const core::Workload &each) { return each.escalation; });
  REQUIRE(escalating != workloads.end());
  w.document().setSelectedWorkload(static_cast<int>(escalating - workloads.begin()));
  // A routing row that did not exist when the panel was built.
  findChildOrFail<QPushButton>(&w.window, QStringLiteral("addModelButton"))->click();
  QTest::qWait(20);
  REQUIRE(w.document().undoStack()->count() == 1);
  const core::Scenario before = w.document().scenario();
  panel->setFocus();
  const QList<QWidget *> controls = wheelControls(panel);
  QStringList names;
  for (QWidget *control : controls)
    names.append(control->objectName());
  INFO(names.join(QStringLiteral(", ")).toStdString());
  // The two seen to change under a scrolling wheel, and the row added above.
  CHECK(names.contains(QStringLiteral("serviceTierCombo")));
  CHECK(names.contains(QStringLiteral("escalationTargetCombo")));
  CHECK(panel->findChild<QWidget *>(QStringLiteral("shareLever1")) != nullptr);
  CHECK(controls.size() > 20);
  for (QWidget *control : controls) {
    INFO(control->metaObject()->className() << " " << control->objectName().toStdString());
    CHECK(control->focusPolicy() != Qt::WheelFocus); // a wheel turn does not take the focus
    for (int steps : {3, -3})
      CHECK_FALSE(wheel(control, steps)); // left for the panel around it
    CHECK(w.document().scenario() == before);
  }
  CHECK(w.document().undoStack()->count() == 1);
  // With the focus, the wheel changes the target: the user's choice.
  auto *target = findChildOrFail<QComboBox>(&w.window, QStringLiteral("escalationTargetCombo"));
  target->setFocus();
  CHECK(wheel(target, 1));
  CHECK(w.document().undoStack()->count() == 2);
}

TEST_CASE("Levers follow the scenario after every workload is deleted, undone, or a new file",
          "[gui][levers]") {
  Window w;
  auto *requests = findChildOrFail<ui::LeverSlider>(&w.window, QStringLiteral("requestsLever"));
  auto *table = findChildOrFail<QTableView>(&w.window, QStringLiteral("workloadsTable"));
  auto *remove = findChildOrFail<QPushButton>(&w.window, QStringLiteral("deleteWorkloadButton"));
  while (!w.document().scenario().workloads.empty()) {
    table->selectRow(0);
    remove->click();
  }
  QTest::qWait(10);
  CHECK_FALSE(requests->isEnabled());
  CHECK_FALSE(requests->field()->text().contains(QRegularExpression(QStringLiteral("\\d"))));

  // With no workload the commitment explorer says so; it asks for no quote.
  auto *explorer = findChildOrFail<QChartView>(&w.window, QStringLiteral("commitmentChart"));
  QString message;
  for (QGraphicsItem *item : explorer->scene()->items())
    if (auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible())
      message += text->toPlainText() + QLatin1Char('\n');
  INFO(message.toStdString());
  CHECK(message.contains(QStringLiteral("workload")));
  CHECK_FALSE(message.contains(QStringLiteral("quote")));

  while (w.document().undoStack()->canUndo())
    w.document().undoStack()->undo();
  QTest::qWait(10);
  REQUIRE(w.document().selectedWorkload() >= 0);
  const auto &workload =
      w.document().scenario().workloads[static_cast<std::size_t>(w.document().selectedWorkload())];
  CHECK(requests->isEnabled());
  CHECK(requests->value() == workload.requestsPerMonth);
  CHECK(findChildOrFail<QComboBox>(&w.window, QStringLiteral("workloadCombo"))->currentIndex() ==
        w.document().selectedWorkload());

  // File > New: no workload, so no lever shows the last one's figures.
  w.document().newScenario();
  QTest::qWait(10);
  for (ui::LeverSlider *lever : w.window.findChildren<ui::LeverSlider *>()) {
    if (!lever->isVisible() || lever->objectName() == QStringLiteral("globalVolumeLever") ||
        lever->objectName() == QStringLiteral("discountLever") ||
        lever->objectName() == QStringLiteral("annualCommitLever"))
      continue;
    INFO(lever->objectName().toStdString() << " shows " << lever->field()->text().toStdString());
    CHECK_FALSE(lever->isEnabled());
    CHECK_FALSE(lever->field()->text().contains(QRegularExpression(QStringLiteral("\\d"))));
  }
}

TEST_CASE("The quote form starts from the card's figures, not an earlier scenario's",
          "[gui][levers]") {
  Window w;
  showQuoteForm(w);
  auto *rate = findChildOrFail<QDoubleSpinBox>(&w.window, QStringLiteral("ptQuoteRate"));
  rate->setValue(7.5);
  findChildOrFail<QDoubleSpinBox>(&w.window, QStringLiteral("ptQuoteInputTpm"))->setValue(1e6);
  w.document().loadExample();
  showQuoteForm(w);
  CHECK(rate->value() == 0);
  CHECK(findChildOrFail<QDoubleSpinBox>(&w.window, QStringLiteral("ptQuoteInputTpm"))->value() ==
        0);
}

TEST_CASE("A number a field cannot take is refused with a message, not cut short",
          "[gui][levers]") {
  Window w;
  auto *small = findChildOrFail<QDoubleSpinBox>(&w.window, QStringLiteral("smallShareBox"));
  const double before = small->value();
  typeInto(small, QStringLiteral("99999999"));
  CHECK(small->value() == before);
  const QString message = w.window.statusBar()->currentMessage();
  INFO(message.toStdString());
  CHECK(message.contains(QStringLiteral("99999999")));
  CHECK(message.contains(QStringLiteral("100")));

  auto *requests = findChildOrFail<ui::LeverSlider>(&w.window, QStringLiteral("requestsLever"));
  const double requestsBefore = requests->value();
  typeInto(requests->field(), QStringLiteral("abc"));
  CHECK(requests->value() == requestsBefore);
  CHECK(w.window.statusBar()->currentMessage().contains(QStringLiteral("abc")));
  CHECK(w.document().undoStack()->count() == 0);
}

TEST_CASE("The commitment term reads as words", "[gui][levers]") {
  Window w;
  auto *term = findChildOrFail<QComboBox>(&w.window, QStringLiteral("ptTermCombo"));
  REQUIRE(term->count() > 0);
  for (int i = 0; i < term->count(); ++i) {
    INFO(term->itemText(i).toStdString());
    CHECK_FALSE(term->itemText(i).contains(QLatin1Char('_')));
  }
}

TEST_CASE("With no workload the routing mix offers nothing to press", "[gui][levers]") {
  Window w;
  auto *table = findChildOrFail<QTableView>(&w.window, QStringLiteral("workloadsTable"));
  auto *remove = findChildOrFail<QPushButton>(&w.window, QStringLiteral("deleteWorkloadButton"));
  auto *addModel = findChildOrFail<QPushButton>(&w.window, QStringLiteral("addModelButton"));
  auto *byTier = findChildOrFail<QPushButton>(&w.window, QStringLiteral("routeByTierButton"));
  REQUIRE(addModel->isEnabled());
  while (!w.document().scenario().workloads.empty()) {
    table->selectRow(0);
    remove->click();
  }
  QTest::qWait(10);
  CHECK_FALSE(addModel->isEnabled());
  CHECK_FALSE(byTier->isEnabled());
  CHECK_FALSE(findChildOrFail<QComboBox>(&w.window, QStringLiteral("addModelCombo"))->isEnabled());

  w.document().undoStack()->undo();
  QTest::qWait(10);
  REQUIRE(w.document().scenario().workloads.size() == 1);
  CHECK(addModel->isEnabled());
  CHECK(byTier->isEnabled());
}
