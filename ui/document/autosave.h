#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

namespace bwi::ui {

class ScenarioDocument;

// Writes the open scenario to the user's data folder once a minute while it
// has unsaved changes, so a crash loses at most the last minute; the next
// start offers it back.
class Autosave : public QObject {
  Q_OBJECT

public:
  struct Recovery {
    QString autosavePath;
    QString originalPath; // the file it was an edit of; empty for an unsaved scenario
    QDateTime savedAt;
  };

  Autosave(ScenarioDocument *document, int intervalMs = 60000, QObject *parent = nullptr);

  // The folder autosaves go to (QStandardPaths::AppDataLocation/autosave).
  static QString directory();
  // 60 s, or BWI_AUTOSAVE_INTERVAL_MS (100 ms to 1 hour) when set: tests of
  // crash recovery need not wait a minute.
  static int configuredIntervalMs();
  static std::optional<Recovery> pendingRecovery();
  static void discard();

  // Writes now if there are unsaved changes; returns whether a file was written.
  bool saveNow();

private:
  ScenarioDocument *m_document;
  QTimer m_timer;
  bool m_wrote = false;
};

} // namespace bwi::ui
