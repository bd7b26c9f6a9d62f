// Prints the MIME type Qt's database gives each file, as KDE's file manager
// sees it: mimeprobe FILE... -> "FILE TYPE" lines.
#include <QCoreApplication>
#include <QMimeDatabase>

#include <cstdio>

int main(int argc, char **argv) {
  QCoreApplication application(argc, argv);
  const QMimeDatabase database;
  for (int i = 1; i < argc; ++i) {
    const QString path = QString::fromLocal8Bit(argv[i]);
    std::printf("%s %s\n", argv[i], qPrintable(database.mimeTypeForFile(path).name()));
  }
  return 0;
}
