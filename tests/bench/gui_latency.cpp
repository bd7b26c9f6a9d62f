// The workbench's budgets, measured on the real window: from a slider's
// value change to the repainted window (every visible chart updated), on
// the built-in example and on the 200-workload estate. Run under Xvfb:
//   xvfb-run -a -s "-screen 0 1600x1000x24" build/release/tests/bench/bwi_gui_bench
#include <catch2/catch.hpp>

#include "tests/catchrun.h"

#include "core/analysis/commitmentplanner.h"
#include "core/analysis/optimizedproposal.h"
#include "core/analysis/scenariocomparison.h"
#include "core/analysis/tornado.h"
#include "core/files/scenariofile.h"
#include "tests/bench/largeestate.h"
#include "ui/document/fanjob.h"
#include "ui/document/latestjob.h"
#include "ui/document/scenariodocument.h"
#include "ui/export/chartexport.h"
#include "ui/import/importdialog.h"
#include "ui/levers/leverslider.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace bwi;

namespace {

struct Latency {
  double medianMs;
  double p95Ms;
  double maxMs;
};

// Moves the global volume slider `moves` times back and forth; each sample
// is the value change plus a synchronous repaint of the whole window.
Latency measureSliderLatency(ui::MainWindow &window, int moves) {
  auto *lever = window.findChild<ui::LeverSlider *>(QStringLiteral("globalVolumeLever"));
  REQUIRE(lever != nullptr);
  QSlider *slider = lever->slider();
  std::vector<double> samples;
  slider->setSliderDown(true); // a drag: the undo steps merge
  for (int i = 0; i < moves; ++i) {
    const int position = 300 + (i % 40) * 10;
    QElapsedTimer timer;
    timer.start();
    slider->setValue(position);
    window.repaint();
    samples.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
  }
  slider->setSliderDown(false);
  std::sort(samples.begin(), samples.end());
  return {samples[samples.size() / 2], samples[samples.size() * 95 / 100], samples.back()};
}

} // namespace

TEST_CASE("Slider to repainted window", "[bench][gui]") {
  ui::MainWindow window;
  window.setInteractive(false);
  window.resize(1600, 1000);
  window.show();
  REQUIRE(QTest::qWaitForWindowExposed(&window));
  window.repaint();

  const Latency example = measureSliderLatency(window, 200);
  std::printf("example estate: slider->repaint median %.2f ms, p95 %.2f ms, max %.2f ms "
              "(budget: median < 16, p95 < 33)\n",
              example.medianMs, example.p95Ms, example.maxMs);

  QTemporaryDir folder;
  const QString path = folder.filePath(QStringLiteral("large.json"));
  REQUIRE(core::saveScenarioFile(bench::makeLargeEstate().scenario, path.toStdString()).ok);
  REQUIRE(window.openFile(path));
  window.repaint();
  const Latency large = measureSliderLatency(window, 60);
  std::printf("200-workload estate: slider->repaint median %.2f ms, p95 %.2f ms, max %.2f ms "
              "(budget: median < 50)\n",
              large.medianMs, large.p95Ms, large.maxMs);
}

// The Monte Carlo fan (10,000 trials x 12 months of the built-in example,
// off the GUI thread): a drag of the volume slider at about 60 moves a
// second, then the time from its last move until the forecast chart is
// redrawn with the fan of the final scenario. Budget: 0.5 s.
TEST_CASE("Slider drag to the redrawn Monte Carlo fan", "[bench][gui][ranges]") {
  ui::MainWindow window;
  window.setInteractive(false);
  window.resize(1600, 1000);
  window.show();
  REQUIRE(QTest::qWaitForWindowExposed(&window));
  ui::FanJob *fan = window.document()->fanJob();
  REQUIRE(fan->monteCarlo());
  REQUIRE(QTest::qWaitFor([fan] { return !fan->computing(); }, 30000));
  auto *lever = window.findChild<ui::LeverSlider *>(QStringLiteral("globalVolumeLever"));
  REQUIRE(lever != nullptr);
  QSlider *slider = lever->slider();
  std::vector<double> samples;
  const int cancelledBefore = fan->job().cancelledRuns();
  for (int drag = 0; drag < 12; ++drag) {
    slider->setSliderDown(true);
    for (int step = 0; step < 20; ++step) {
      slider->setValue(300 + ((drag * 20 + step) % 40) * 10);
      QCoreApplication::processEvents();
      QThread::msleep(16);
    }
    slider->setValue(slider->value() + 5); // the last move
    QElapsedTimer timer;
    timer.start();
    slider->setSliderDown(false);
    while (fan->computing())
      QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    window.repaint();
    samples.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
  }
  std::sort(samples.begin(), samples.end());
  std::printf("Monte Carlo fan, last slider move to redrawn chart: median %.0f ms, max %.0f ms "
              "over %zu drags of 21 moves, %d runs cancelled (budget: 500 ms)\n",
              samples[samples.size() / 2], samples.back(), samples.size(),
              fan->job().cancelledRuns() - cancelledBefore);
}

TEST_CASE("One chart to PNG, SVG and PDF", "[bench][gui][export]") {
  ui::MainWindow window;
  const core::WorkbenchFigures &workbench = window.document()->workbench();
  // The waterfall and compare charts: the example against the optimizer's proposal.
  const core::Scenario &scenario = window.document()->scenario();
  const core::RateCard &card = window.document()->rateCard();
  const core::OptimizedProposal proposal = core::proposeOptimized(scenario, card, 0);
  const core::Comparison comparison = core::compareScenarios(
      {{"example", scenario, card}, {"optimized", proposal.scenario, card}}, 0);
  const core::Tornado tornado = core::tornado(scenario, card);
  const auto plan = core::planCommitments(window.document()->prepared());
  REQUIRE(plan.has_value());
  QTemporaryDir folder;
  for (const auto kind : {ui::ChartKind::Forecast, ui::ChartKind::Waterfall, ui::ChartKind::Compare,
                          ui::ChartKind::Tornado, ui::ChartKind::Planner})
    for (const char *format : {"png", "svg", "pdf"}) {
      ui::ChartSource source =
          ui::isComparisonChart(kind) ? ui::ChartSource(comparison) : ui::ChartSource(workbench);
      source.tornado = &tornado;
      source.plan = &*plan;
      std::vector<double> samples;
      for (int i = 0; i < 10; ++i) {
        QElapsedTimer timer;
        timer.start();
        const auto result =
            ui::exportChart(kind, source, QStringLiteral("footer"),
                            folder.filePath(QStringLiteral("chart.%1").arg(QLatin1String(format))),
                            QSize(1200, 675));
        samples.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        REQUIRE(result.ok);
      }
      std::sort(samples.begin(), samples.end());
      std::printf("%s chart to %s: median %.1f ms, max %.1f ms (budget 200 ms)\n",
                  ui::chartKindName(kind).toUtf8().constData(), format, samples[samples.size() / 2],
                  samples.back());
    }
}

// The import dialog on a large invocation-log file (BWI_IMPORT_FILE, or a
// generated 200 MB one): the longest gap of a 10 ms timer on the GUI thread
// while the import runs, how often the progress bar moved, and the time
// from Cancel to the dialog's report.
TEST_CASE("Import dialog: responsiveness, progress and cancel", "[bench][gui][import]") {
  QTemporaryDir folder;
  QString path = qEnvironmentVariable("BWI_IMPORT_FILE");
  if (path.isEmpty()) {
    path = folder.filePath(QStringLiteral("logs.jsonl"));
    QFile sample(QStringLiteral(BWI_SOURCE_DIR "/tests/data/import/invocation-logs.jsonl"));
    REQUIRE(sample.open(QIODevice::ReadOnly));
    const QByteArray records = sample.readAll();
    QFile out(path);
    REQUIRE(out.open(QIODevice::WriteOnly));
    while (out.size() < 200LL * 1024 * 1024)
      out.write(records);
  }
  ui::MainWindow window;
  window.show();
  for (bool cancel : {false, true}) {
    ui::ImportDialog dialog(window.document(), &window);
    dialog.setRequest(core::ImportKind::InvocationLogs, {path});
    auto *progress = dialog.findChild<QProgressBar *>(QStringLiteral("importProgress"));
    REQUIRE(progress != nullptr);
    QElapsedTimer clock;
    double longestGapMs = 0, last = 0;
    int progressMoves = 0, lastProgress = -1;
    QTimer probe;
    probe.setInterval(10);
    QObject::connect(&probe, &QTimer::timeout, &probe, [&] {
      const double now = static_cast<double>(clock.nsecsElapsed()) / 1e6;
      longestGapMs = std::max(longestGapMs, now - last);
      last = now;
      if (progress->value() != lastProgress) {
        lastProgress = progress->value();
        ++progressMoves;
      }
    });
    bool finished = false;
    QObject::connect(&dialog, &ui::ImportDialog::importFinished, &dialog, [&] { finished = true; });
    clock.start();
    probe.start();
    dialog.start();
    double cancelledAtMs = 0;
    while (!finished) {
      QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
      if (cancel && cancelledAtMs == 0 && clock.elapsed() > 300) {
        cancelledAtMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        dialog.findChild<QPushButton *>(QStringLiteral("importCancel"))->click();
      }
    }
    const double totalMs = static_cast<double>(clock.nsecsElapsed()) / 1e6;
    probe.stop();
    if (cancel)
      std::printf("import dialog, cancel after 300 ms: report %.1f ms after Cancel; longest GUI "
                  "gap %.1f ms\n",
                  totalMs - cancelledAtMs, longestGapMs);
    else
      std::printf("import dialog, %s: %.0f ms, progress bar moved %d times, longest GUI gap "
                  "%.1f ms\n",
                  qPrintable(QFileInfo(path).fileName()), totalMs, progressMoves, longestGapMs);
  }
}

int main(int argc, char **argv) {
  QStandardPaths::setTestModeEnabled(true);
  QApplication application(argc, argv);
  return bwi::test::runCatch(argc, argv);
}
