#include "ui/document/autosave.h"

#include "core/files/scenariofile.h"
#include "core/files/scenariojson.h"
#include "ui/document/scenariodocument.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <algorithm>

namespace bwi::ui {
namespace {

QString scenarioPath() { return Autosave::directory() + QStringLiteral("/autosave.json"); }
QString metaPath() { return Autosave::directory() + QStringLiteral("/autosave.meta.json"); }

} // namespace

Autosave::Autosave(ScenarioDocument *document, int intervalMs, QObject *parent)
    : QObject(parent), m_document(document) {
  m_timer.setInterval(intervalMs);
  connect(&m_timer, &QTimer::timeout, this, &Autosave::saveNow);
  // Saving (or undoing back to the saved state) leaves nothing to recover:
  // drop what this window wrote, never another session's autosave.
  connect(m_document->undoStack(), &QUndoStack::cleanChanged, this, [this](bool clean) {
    if (clean && m_wrote) {
      discard();
      m_wrote = false;
    }
  });
  m_timer.start();
}

int Autosave::configuredIntervalMs() {
  bool ok = false;
  const int fromEnvironment = qEnvironmentVariableIntValue("BWI_AUTOSAVE_INTERVAL_MS", &ok);
  return ok ? std::clamp(fromEnvironment, 100, 3600000) : 60000;
}

QString Autosave::directory() {
  return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
         QStringLiteral("/autosave");
}

bool Autosave::saveNow() {
  if (!m_document->isModified())
    return false;
  QDir().mkpath(directory());
  // The note of which file this is an edit of goes first: the scenario's
  // arrival is what makes a recovery, so a crash between the two writes
  // never pairs it with no note or an older one (the SIGKILL test found
  // recoveries that had lost their file name that way).
  QJsonObject meta;
  meta[QStringLiteral("original")] = m_document->filePath();
  meta[QStringLiteral("saved_at")] = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
  const QByteArray metaText = QJsonDocument(meta).toJson();
  if (!core::writeFileAtomically(
           metaPath().toStdString(),
           std::string_view(metaText.constData(), static_cast<std::size_t>(metaText.size())))
           .ok)
    return false;
  m_wrote = core::saveScenarioFile(m_document->scenario(), scenarioPath().toStdString()).ok;
  return m_wrote;
}

std::optional<Autosave::Recovery> Autosave::pendingRecovery() {
  if (!QFile::exists(scenarioPath()))
    return std::nullopt;
  Recovery recovery;
  recovery.autosavePath = scenarioPath();
  QFile metaFile(metaPath());
  if (metaFile.open(QIODevice::ReadOnly)) {
    const QJsonObject meta = QJsonDocument::fromJson(metaFile.readAll()).object();
    recovery.originalPath = meta.value(QStringLiteral("original")).toString();
    recovery.savedAt =
        QDateTime::fromString(meta.value(QStringLiteral("saved_at")).toString(), Qt::ISODate);
  }
  return recovery;
}

void Autosave::discard() {
  QFile::remove(scenarioPath());
  QFile::remove(metaPath());
}

} // namespace bwi::ui
