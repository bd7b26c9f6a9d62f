#pragma once

#include <QByteArray>
#include <QStringList>

namespace bwi::ui {

// Every persisted preference, declared once with its key and type.
class AppSettings {
public:
  static QStringList recentFiles();
  static void addRecentFile(const QString &path);

  static QByteArray windowGeometry();
  static void setWindowGeometry(const QByteArray &geometry);
  static QByteArray windowState();
  static void setWindowState(const QByteArray &state);

  static QString lastDirectory();
  static void setLastDirectory(const QString &directory);

  // The region new scenarios are priced for (the last one updated or chosen).
  static QString pricesRegion();
  static void setPricesRegion(const QString &region);

  static constexpr int kMaxRecentFiles = 8;
};

} // namespace bwi::ui
