#include "ui/document/appsettings.h"

#include <QDir>
#include <QSettings>

namespace bwi::ui {
namespace {

const QString kRecentFiles = QStringLiteral("files/recent");
const QString kLastDirectory = QStringLiteral("files/lastDirectory");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kPricesRegion = QStringLiteral("prices/region");

} // namespace

QStringList AppSettings::recentFiles() { return QSettings().value(kRecentFiles).toStringList(); }

void AppSettings::addRecentFile(const QString &path) {
  QStringList files = recentFiles();
  files.removeAll(path);
  files.prepend(path);
  while (files.size() > kMaxRecentFiles)
    files.removeLast();
  QSettings().setValue(kRecentFiles, files);
}

QByteArray AppSettings::windowGeometry() { return QSettings().value(kGeometry).toByteArray(); }

void AppSettings::setWindowGeometry(const QByteArray &geometry) {
  QSettings().setValue(kGeometry, geometry);
}

QByteArray AppSettings::windowState() { return QSettings().value(kState).toByteArray(); }

void AppSettings::setWindowState(const QByteArray &state) { QSettings().setValue(kState, state); }

QString AppSettings::lastDirectory() {
  return QSettings().value(kLastDirectory, QDir::homePath()).toString();
}

void AppSettings::setLastDirectory(const QString &directory) {
  QSettings().setValue(kLastDirectory, directory);
}

QString AppSettings::pricesRegion() {
  return QSettings().value(kPricesRegion, QStringLiteral("us-east-1")).toString();
}

void AppSettings::setPricesRegion(const QString &region) {
  QSettings().setValue(kPricesRegion, region);
}

} // namespace bwi::ui
