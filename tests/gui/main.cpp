// GUI tests: Catch2 with a QApplication, run offscreen.
#include "tests/catchrun.h"

#include <QApplication>
#include <QStandardPaths>

int main(int argc, char **argv) {
  qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen")
                                                                  : qgetenv("QT_QPA_PLATFORM"));
  // Settings and autosaves of tests go to throw-away folders, not the user's.
  QStandardPaths::setTestModeEnabled(true);
  QApplication application(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("BedrockWhatIfTests"));
  QApplication::setApplicationName(QStringLiteral("bedrock-whatif-tests"));
  return bwi::test::runCatch(argc, argv);
}
