#include "tests/gui/guitestsupport.h"

#include "ui/document/latestjob.h"
#include "ui/export/meetingpack.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

using namespace bwi;
using test::Window;

namespace {

// The text of pages `first` … `last` of a PDF, by poppler's pdftotext (the
// machine's, as the command-line tests use pdfinfo); empty without it.
QString pdfText(const QString &path, int first, int last) {
  const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
  if (tool.isEmpty())
    return {};
  QProcess process;
  process.start(tool, {QStringLiteral("-f"), QString::number(first), QStringLiteral("-l"),
                       QString::number(last), path, QStringLiteral("-")});
  REQUIRE(process.waitForFinished(30000));
  return QString::fromUtf8(process.readAllStandardOutput()).simplified();
}

} // namespace

TEST_CASE("The meeting pack's first page is the one-pager: decision, budget, unit cost, movers",
          "[gui][export][pack]") {
  Window w;
  QTemporaryDir folder;
  const QString path = folder.filePath(QStringLiteral("pack.pdf"));
  QSignalSpy written(&w.window, &ui::MainWindow::meetingPackWritten);
  // The GUI thread keeps turning while the planner runs: a 10 ms timer's longest gap is
  // measured, as the benchmarks do, and reported rather than asserted.
  QElapsedTimer clock;
  qint64 last = 0, longestGap = 0;
  QTimer ticker;
  QObject::connect(&ticker, &QTimer::timeout, [&] {
    longestGap = std::max(longestGap, clock.elapsed() - last);
    last = clock.elapsed();
  });
  ticker.start(10);
  clock.start();
  w.window.exportMeetingPackTo(path);
  // The figures are computed off the GUI thread: the call returns before the file exists.
  CHECK(w.window.meetingPackJob().running());
  CHECK_FALSE(QFile::exists(path));
  REQUIRE(written.wait(60000));
  ticker.stop();
  WARN("longest gap of a 10 ms timer while the pack was made: " << longestGap << " ms");
  CHECK(written.first().at(0).toBool());
  REQUIRE(QFile::exists(path));
  CHECK(w.window.lastMessage().isEmpty());

  // The first page's own text, as the pack writes it.
  const core::WorkbenchFigures &workbench = w.document().workbench();
  const auto figures =
      ui::computePackFigures(w.document().scenario(), w.document().rateCard(), workbench);
  REQUIRE(figures);
  const QString html = ui::onePagerHtml(figures->onePager);
  CHECK(html.contains(QStringLiteral("The decision asked for")));
  CHECK(html.contains(QStringLiteral("Commit amazon.nova-pro-v1:0 to 3 MU on a six-month term")));
  CHECK(html.contains(QStringLiteral("Spend against the budget")));
  CHECK(html.contains(QStringLiteral("Cost per unit against target")));
  CHECK(html.contains(QStringLiteral("per ticket")));
  CHECK(html.contains(QStringLiteral("Top movers")));

  const QString first = pdfText(path, 1, 1);
  if (first.isEmpty()) {
    WARN("pdftotext is not installed: the PDF's text is not checked");
    return;
  }
  INFO(first.toStdString());
  CHECK(first.contains(QStringLiteral("Example estate (illustrative)")));
  CHECK(first.contains(QStringLiteral("The decision asked for")));
  CHECK(first.contains(QStringLiteral("six-month term")));
  CHECK(first.contains(QStringLiteral("Spend against the budget")));
  CHECK(first.contains(QStringLiteral("$250,000.00")));
  CHECK(first.contains(QStringLiteral("per ticket")));
  CHECK(first.contains(QStringLiteral("Top movers")));
  CHECK(first.contains(QStringLiteral("Support assistant (RAG)")));
  CHECK(first.contains(QStringLiteral("The forecast against the budget")));
  CHECK(first.contains(QStringLiteral("page 1 of")));
  // The detail pages name the bill beyond tokens: Guardrails and the knowledge base's vector store.
  const QString all = pdfText(path, 2, 99);
  CHECK(all.contains(QStringLiteral("Guardrails")));
  CHECK(all.contains(QStringLiteral("OpenSearch Serverless")));
}

TEST_CASE("Cancelling the meeting pack writes nothing", "[gui][export][pack]") {
  Window w;
  QTemporaryDir folder;
  const QString path = folder.filePath(QStringLiteral("pack.pdf"));
  QSignalSpy written(&w.window, &ui::MainWindow::meetingPackWritten);
  w.window.exportMeetingPackTo(path);
  auto *progress = w.window.findChild<QProgressDialog *>();
  REQUIRE(progress);
  // As the user does: the dialog's Cancel button (QProgressDialog::cancel() alone
  // does not emit canceled()).
  auto *cancel = progress->findChild<QPushButton *>();
  REQUIRE(cancel);
  cancel->click();
  CHECK_FALSE(w.window.meetingPackJob().running());
  QTest::qWait(300);
  CHECK(written.isEmpty());
  CHECK_FALSE(QFile::exists(path));
}
