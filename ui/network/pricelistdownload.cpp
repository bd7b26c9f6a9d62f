#include "ui/network/pricelistdownload.h"

#include "core/import/offerindex.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace bwi::ui {
namespace {

QString fromStd(std::string_view text) {
  return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace

PriceListDownload::PriceListDownload(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this)) {
  // The user's proxy, as every other program of the desktop uses it.
  QNetworkProxyFactory::setUseSystemConfiguration(true);
  m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

PriceListDownload::~PriceListDownload() {
  if (m_reply) {
    m_reply->disconnect(this);
    m_reply->abort();
  }
}

QUrl PriceListDownload::indexUrlOf(const QString &source, QString *localRoot) {
  if (localRoot)
    localRoot->clear();
  if (source.isEmpty())
    return QUrl(fromStd(core::kOfferIndexUrl));
  const QFileInfo info(source);
  if (info.isDir()) {
    // A folder laid out like the server: FOLDER/offers/v1.0/aws/index.json.
    if (localRoot)
      *localRoot = info.absoluteFilePath();
    return QUrl::fromLocalFile(info.absoluteFilePath() +
                               QStringLiteral("/offers/v1.0/aws/index.json"));
  }
  QUrl url(source, QUrl::StrictMode);
  const QString scheme = url.scheme().toLower();
  if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) ||
      url.host().isEmpty())
    return {};
  if (!url.path().endsWith(QLatin1String(".json"))) {
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
      path += QLatin1Char('/');
    url.setPath(path + QStringLiteral("offers/v1.0/aws/index.json"));
  }
  return url;
}

void PriceListDownload::start(const Options &options) {
  if (m_running)
    return;
  m_options = options;
  m_documents.clear();
  m_regionsOffered.clear();
  m_notes.clear();
  m_error.clear();
  m_pendingOffers.clear();
  m_pendingFiles.clear();
  m_cancelled = false;
  m_oversize = false;
  m_step = 0;
  m_steps = 7;
  m_running = true;
  m_indexUrl = indexUrlOf(options.source, &m_localRoot);
  if (!m_indexUrl.isValid()) {
    fail(options.source + tr(": not an http(s) URL of the Price List nor a folder"));
    return;
  }
  fetch(m_indexUrl, Stage::Index, QString());
}

void PriceListDownload::cancel() {
  if (!m_running)
    return;
  m_cancelled = true;
  m_running = false;
  if (m_reply) {
    m_reply->disconnect(this);
    m_reply->abort();
    m_reply->deleteLater();
    m_reply = nullptr;
  }
  m_documents.clear();
  m_error = tr("Cancelled.");
  emit finished(false);
}

QUrl PriceListDownload::resolve(const QString &reference) const {
  const QUrl url(reference);
  if (!m_localRoot.isEmpty() && (reference.startsWith(QLatin1Char('/')) || !url.isRelative()))
    return QUrl::fromLocalFile(m_localRoot + (url.isRelative() ? reference : url.path()));
  const QUrl base = m_reply ? m_reply->url() : m_indexUrl;
  return base.resolved(url);
}

void PriceListDownload::fetch(const QUrl &url, Stage stage, const QString &offer) {
  m_stage = stage;
  m_offer = offer;
  ++m_step;
  QNetworkRequest request(url);
  request.setTransferTimeout(m_options.timeoutMs);
  request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                       QNetworkRequest::NoLessSafeRedirectPolicy);
  request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("bedrock-whatif"));
  m_reply = m_network->get(request);
  const QString what = stage == Stage::Index         ? tr("the offer index")
                       : stage == Stage::RegionIndex ? tr("the %1 region index").arg(offer)
                                                     : tr("%1 for %2").arg(offer, m_options.region);
  emit progress(what, 0, -1, m_step, m_steps);
  connect(m_reply, &QNetworkReply::downloadProgress, this,
          [this, what](qint64 received, qint64 total) {
            if (received > m_options.maxBytesPerFile || total > m_options.maxBytesPerFile) {
              m_oversize = true;
              if (m_reply)
                m_reply->abort();
              return;
            }
            emit progress(what, received, total, m_step, m_steps);
          });
  connect(m_reply, &QNetworkReply::finished, this, &PriceListDownload::onFinished);
}

QString PriceListDownload::describe(QNetworkReply *reply) const {
  const QString url = reply->url().toDisplayString();
  const QString host = reply->url().host();
  const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
  QString text;
  switch (reply->error()) {
  case QNetworkReply::HostNotFoundError:
    text = tr("cannot find the host %1: offline, or DNS cannot resolve it").arg(host);
    break;
  case QNetworkReply::ConnectionRefusedError:
    text = tr("%1 refused the connection").arg(host);
    break;
  case QNetworkReply::TimeoutError:
  case QNetworkReply::OperationCanceledError:
    text = tr("timed out: no data for %1 s").arg(m_options.timeoutMs / 1000.0);
    break;
  case QNetworkReply::RemoteHostClosedError:
    text = tr("the connection closed before the whole file came (a download cut short)");
    break;
  case QNetworkReply::ProxyConnectionRefusedError:
  case QNetworkReply::ProxyConnectionClosedError:
  case QNetworkReply::ProxyNotFoundError:
  case QNetworkReply::ProxyTimeoutError:
  case QNetworkReply::ProxyAuthenticationRequiredError:
    text = tr("the system proxy failed (%1): check the proxy settings").arg(reply->errorString());
    break;
  default:
    if (status >= 400) {
      const QString reason =
          reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
      text =
          tr("HTTP %1%2").arg(status).arg(reason.isEmpty() ? QString() : QLatin1Char(' ') + reason);
    } else if (reply->url().isLocalFile() && !QFileInfo::exists(reply->url().toLocalFile())) {
      text = tr("no such file");
    } else {
      text = reply->errorString();
    }
  }
  return url + QStringLiteral(": ") + text;
}

void PriceListDownload::fail(const QString &message) {
  m_error = message;
  m_running = false;
  m_documents.clear();
  emit finished(false);
}

void PriceListDownload::onFinished() {
  QNetworkReply *reply = m_reply;
  if (!reply || m_cancelled)
    return;
  reply->deleteLater();
  const QString url = reply->url().toDisplayString();
  if (m_oversize) {
    m_reply = nullptr;
    fail(url + tr(": larger than %1 MB; not taken").arg(m_options.maxBytesPerFile / (1024 * 1024)));
    return;
  }
  if (reply->error() != QNetworkReply::NoError) {
    const QString message = describe(reply);
    m_reply = nullptr;
    fail(message);
    return;
  }
  const QByteArray body = reply->readAll();
  // A body shorter than its Content-Length is a download cut short (with
  // Content-Encoding the length is of the compressed bytes, which Qt inflated).
  const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
  if (length.isValid() && reply->rawHeader("Content-Encoding").isEmpty() &&
      body.size() < length.toLongLong()) {
    m_reply = nullptr;
    fail(url + tr(": the connection closed after %1 of %2 bytes (a download cut short)")
                   .arg(body.size())
                   .arg(length.toLongLong()));
    return;
  }
  std::string bytes = body.toStdString();
  std::string error;
  switch (m_stage) {
  case Stage::Index: {
    const auto index = core::readOfferIndex(std::move(bytes), error);
    if (!index)
      break;
    for (std::string_view offer : core::kBedrockOffers) {
      const auto found = index->regionIndexUrls.find(std::string(offer));
      if (found == index->regionIndexUrls.end())
        m_notes << tr("The offer index lists no %1 offer.").arg(fromStd(offer));
      else
        m_pendingOffers << fromStd(offer) + QLatin1Char('\n') +
                               resolve(QString::fromStdString(found->second)).toString();
    }
    m_steps = 1 + 2 * static_cast<int>(m_pendingOffers.size());
    break;
  }
  case Stage::RegionIndex: {
    const auto regions = core::readRegionIndex(std::move(bytes), error);
    if (!regions)
      break;
    for (const auto &[region, file] : *regions)
      if (!m_regionsOffered.contains(QString::fromStdString(region)))
        m_regionsOffered << QString::fromStdString(region);
    m_regionsOffered.sort();
    const auto found = regions->find(m_options.region.toStdString());
    if (found == regions->end()) {
      m_notes << tr("%1 has no file for %2.").arg(m_offer, m_options.region);
      --m_steps;
    } else {
      m_pendingFiles << m_offer + QLatin1Char('\n') +
                            resolve(QString::fromStdString(found->second)).toString();
    }
    break;
  }
  case Stage::Offer:
    m_documents.push_back({url.toStdString(), std::move(bytes), std::string(), false});
    break;
  }
  m_reply = nullptr;
  if (!error.empty()) {
    fail(url + QStringLiteral(": ") + QString::fromStdString(error));
    return;
  }
  next();
}

void PriceListDownload::next() {
  const auto take = [](QStringList &list, QString &offer) {
    const QString entry = list.takeFirst();
    offer = entry.section(QLatin1Char('\n'), 0, 0);
    return QUrl(entry.section(QLatin1Char('\n'), 1));
  };
  QString offer;
  if (!m_pendingOffers.isEmpty()) {
    const QUrl url = take(m_pendingOffers, offer);
    fetch(url, Stage::RegionIndex, offer);
    return;
  }
  if (!m_pendingFiles.isEmpty()) {
    const QUrl url = take(m_pendingFiles, offer);
    fetch(url, Stage::Offer, offer);
    return;
  }
  if (m_documents.empty()) {
    fail(m_indexUrl.toDisplayString() +
         tr(": no Bedrock offer has a file for %1; the offers have files for %2")
             .arg(m_options.region, m_regionsOffered.join(QStringLiteral(", "))));
    return;
  }
  m_running = false;
  emit finished(true);
}

} // namespace bwi::ui
