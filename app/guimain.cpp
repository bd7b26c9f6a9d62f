#include "app/guimain.h"

#include "app/subcommands.h"
#include "core/model/scenariofields.h"
#include "ui/document/scenariodocument.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QIcon>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

namespace bwi::app {
namespace {

// BWI_TEST_SCRIPT: steps, separated by ';', run once the window is up, in
// place of the recovery offer, so a test can drive the real program from
// outside (tests/gui/crash_recovery.py; docs/crash-safety.md):
//   recover      take the autosaved scenario back, as answering "Yes" would
//   volume=X     set the global volume multiplier to X, one undo step as the slider makes
//   print        print "global_volume_multiplier=X modified=0|1 file=PATH" on stdout
//   quit         leave at once (no save, no autosave clean-up: as a crash would)
void runTestScript(ui::MainWindow &window, const QString &script) {
  window.setInteractive(false);
  for (const QString &step : script.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
    const QString command = step.section(QLatin1Char('='), 0, 0).trimmed();
    const QString argument = step.section(QLatin1Char('='), 1).trimmed();
    ui::ScenarioDocument *document = window.document();
    if (command == QLatin1String("recover")) {
      window.offerRecovery();
    } else if (command == QLatin1String("volume")) {
      bool ok = false;
      const double value = argument.toDouble(&ok);
      if (!ok || !document->setValue({core::Field::GlobalVolumeMultiplier}, value,
                                     QStringLiteral("Change global volume")))
        std::fprintf(stderr, "BWI_TEST_SCRIPT: cannot set volume=%s\n", qPrintable(argument));
    } else if (command == QLatin1String("print")) {
      std::printf("global_volume_multiplier=%.17g modified=%d file=%s\n",
                  document->scenario().globalVolumeMultiplier, document->isModified() ? 1 : 0,
                  qPrintable(document->filePath()));
      std::fflush(stdout);
    } else if (command == QLatin1String("quit")) {
      std::_Exit(0);
    } else {
      std::fprintf(stderr, "BWI_TEST_SCRIPT: unknown step \"%s\"\n", qPrintable(step));
    }
  }
}

} // namespace

int runWorkbench(int argc, char **argv, const QString &scenarioPath) {
#if defined(Q_OS_LINUX)
  // Without a display Qt would abort; say what to do instead.
  if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
      qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
    std::fprintf(stderr,
                 "bedrock-whatif: no display to open the window on; every sub-command runs "
                 "without one (%s): run `bedrock-whatif --help`\n",
                 subCommandNames().c_str());
    return 2;
  }
#endif
  QApplication application(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("BedrockWhatIf"));
  QApplication::setApplicationName(QStringLiteral("bedrock-whatif"));
  QApplication::setApplicationDisplayName(QStringLiteral("Bedrock What-If"));
  QApplication::setApplicationVersion(QStringLiteral(BWI_VERSION));
  // The installed desktop entry and icon are named by the application ID;
  // Wayland compositors find the window's entry by this name.
  QGuiApplication::setDesktopFileName(QStringLiteral(BWI_APP_ID));
  QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral(BWI_APP_ID)));

  ui::MainWindow window;
  window.show();
  // For measuring start-up (docs/benchmarks.md): paint once, then quit.
  if (qEnvironmentVariableIsSet("BWI_QUIT_AFTER_FIRST_PAINT")) {
    QTimer::singleShot(0, &window, [&window] {
      window.repaint();
      QApplication::quit();
    });
    return QApplication::exec();
  }
  // After the first paint: a broken file or a recovery question is a dialog
  // over the window, not instead of it.
  const QString testScript = qEnvironmentVariable("BWI_TEST_SCRIPT");
  QTimer::singleShot(0, &window, [&window, scenarioPath, testScript] {
    if (!scenarioPath.isEmpty())
      window.openFile(scenarioPath);
    else if (testScript.isEmpty())
      window.offerRecovery();
    if (!testScript.isEmpty())
      runTestScript(window, testScript);
  });
  return QApplication::exec();
}

} // namespace bwi::app
