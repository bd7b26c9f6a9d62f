#pragma once

#include "core/import/pricelist.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <vector>

class QNetworkAccessManager;
class QNetworkReply;

namespace bwi::ui {

// Downloads one region's Bedrock offer files from AWS's public Price List
// (no credentials): the offer index, each Bedrock offer's region index, then
// the region's file of each offer (docs/price-list.md). HTTPS through the
// system proxy, gzip, redirects, a size cap and a timeout without data; one
// clear message naming the URL when anything fails. Shared by
// `bedrock-whatif ratecard update` and the "Update prices…" dialog; nothing
// is written anywhere: the caller saves the card it builds.
class PriceListDownload : public QObject {
  Q_OBJECT

public:
  struct Options {
    // The offer index URL, a server's base URL (…/offers/v1.0/aws/index.json
    // is added), or a folder laid out like the server; empty: AWS.
    QString source;
    QString region = QStringLiteral("us-east-1");
    int timeoutMs = 30000;                        // without any data
    qint64 maxBytesPerFile = 512LL * 1024 * 1024; // the largest file taken
  };

  explicit PriceListDownload(QObject *parent = nullptr);
  ~PriceListDownload() override;

  void start(const Options &options);
  // Stops at once; finished(false) follows with cancelled() true.
  void cancel();
  bool isRunning() const { return m_running; }
  bool cancelled() const { return m_cancelled; }

  // After finished(true): the region's offer files, named by their URL.
  const std::vector<core::PriceListDocument> &documents() const { return m_documents; }
  // Every region some Bedrock offer has a file for (after the region indexes).
  QStringList regionsOffered() const { return m_regionsOffered; }
  // What went wrong, naming the URL (after finished(false)).
  QString errorMessage() const { return m_error; }
  // Offers without a file for the region, and the like.
  QStringList notes() const { return m_notes; }

  // The offer index URL a --source names.
  static QUrl indexUrlOf(const QString &source, QString *localRoot);

signals:
  // `step` of `steps` (index, region indexes, offer files); bytes of the current file.
  void progress(const QString &what, qint64 received, qint64 total, int step, int steps);
  void finished(bool ok);

private:
  enum class Stage { Index, RegionIndex, Offer };
  void fetch(const QUrl &url, Stage stage, const QString &offer);
  void onFinished();
  void fail(const QString &message);
  void next();
  QUrl resolve(const QString &reference) const;
  QString describe(QNetworkReply *reply) const;

  QNetworkAccessManager *m_network;
  QPointer<QNetworkReply> m_reply;
  Options m_options;
  QUrl m_indexUrl;
  QString m_localRoot;
  Stage m_stage = Stage::Index;
  QString m_offer;
  QStringList m_pendingOffers;
  QStringList m_pendingFiles; // "OFFER\nURL"
  std::vector<core::PriceListDocument> m_documents;
  QStringList m_regionsOffered;
  QStringList m_notes;
  QString m_error;
  int m_step = 0;
  int m_steps = 7;
  bool m_running = false;
  bool m_cancelled = false;
  bool m_oversize = false;
};

} // namespace bwi::ui
