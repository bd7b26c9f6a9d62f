#include "guimain.h"

#include "mainwindow.h"

#include <QApplication>
#include <QIcon>
#include <QTimer>

#include <cstdio>

namespace bwi::app {

int runWorkbench(int argc, char **argv, const QString &scenarioPath) {
#if defined(Q_OS_LINUX)
  // Without a display Qt would abort; say what to do instead.
  if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
      qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
    std::fprintf(stderr, "bedrock-whatif: no display to open the window on; the sub-commands "
                         "(evaluate, forecast, curve, validate) run without one: see --help\n");
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
  QTimer::singleShot(0, &window, [&window, scenarioPath] {
    if (!scenarioPath.isEmpty())
      window.openFile(scenarioPath);
    else
      window.offerRecovery();
  });
  return QApplication::exec();
}

} // namespace bwi::app
