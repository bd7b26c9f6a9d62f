// Build-time tool: renders the application's SVG icon to the bitmaps each
// platform wants, so no bitmap is kept in the repository and no image tool
// is needed to build:
//   rendericons SVG OUTDIR NAME
// writes OUTDIR/hicolor/<N>x<N>/apps/NAME.png for the freedesktop sizes,
// OUTDIR/NAME.ico (Windows: PNG-compressed entries, 16-256 px) and
// OUTDIR/NAME.icns (macOS: PNG entries, 16-1024 px).
#include <QBuffer>
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QtEndian>

#include <cstdio>
#include <utility>
#include <vector>

namespace {

QByteArray renderPng(QSvgRenderer &renderer, int pixels) {
  QImage image(pixels, pixels, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::transparent);
  QPainter painter(&image);
  painter.setRenderHint(QPainter::Antialiasing);
  renderer.render(&painter, QRectF(0, 0, pixels, pixels));
  painter.end();
  QByteArray png;
  QBuffer buffer(&png);
  buffer.open(QIODevice::WriteOnly);
  image.save(&buffer, "PNG");
  return png;
}

bool writeFile(const QString &path, const QByteArray &bytes) {
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
    std::fprintf(stderr, "rendericons: cannot write %s: %s\n", qPrintable(path),
                 qPrintable(file.errorString()));
    return false;
  }
  return true;
}

void appendLittleEndian16(QByteArray &out, quint16 value) {
  const quint16 le = qToLittleEndian(value);
  out.append(reinterpret_cast<const char *>(&le), 2);
}
void appendLittleEndian32(QByteArray &out, quint32 value) {
  const quint32 le = qToLittleEndian(value);
  out.append(reinterpret_cast<const char *>(&le), 4);
}
void appendBigEndian32(QByteArray &out, quint32 value) {
  const quint32 be = qToBigEndian(value);
  out.append(reinterpret_cast<const char *>(&be), 4);
}

// ICO: a 6-byte header, one 16-byte directory entry per image, then the
// images; Windows Vista and later read PNG data in an entry.
QByteArray icoFile(const std::vector<std::pair<int, QByteArray>> &pngs) {
  QByteArray out;
  appendLittleEndian16(out, 0); // reserved
  appendLittleEndian16(out, 1); // type: icon
  appendLittleEndian16(out, static_cast<quint16>(pngs.size()));
  quint32 offset = 6 + 16 * static_cast<quint32>(pngs.size());
  for (const auto &[pixels, png] : pngs) {
    out.append(static_cast<char>(pixels >= 256 ? 0 : pixels)); // 0 means 256
    out.append(static_cast<char>(pixels >= 256 ? 0 : pixels));
    out.append(char(0));           // palette size
    out.append(char(0));           // reserved
    appendLittleEndian16(out, 1);  // colour planes
    appendLittleEndian16(out, 32); // bits per pixel
    appendLittleEndian32(out, static_cast<quint32>(png.size()));
    appendLittleEndian32(out, offset);
    offset += static_cast<quint32>(png.size());
  }
  for (const auto &entry : pngs)
    out.append(entry.second);
  return out;
}

// ICNS: 'icns' and the file length, then per image a four-letter type, the
// entry length (header included) and PNG data.
QByteArray icnsFile(const std::vector<std::pair<QByteArray, QByteArray>> &typedPngs) {
  QByteArray body;
  for (const auto &[type, png] : typedPngs) {
    body.append(type);
    appendBigEndian32(body, static_cast<quint32>(png.size() + 8));
    body.append(png);
  }
  QByteArray out("icns");
  appendBigEndian32(out, static_cast<quint32>(body.size() + 8));
  out.append(body);
  return out;
}

} // namespace

int main(int argc, char **argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
    qputenv("QT_QPA_PLATFORM", "offscreen"); // a build machine may have no display
  QGuiApplication application(argc, argv);
  if (argc != 4) {
    std::fprintf(stderr, "usage: rendericons SVG OUTDIR NAME\n");
    return 2;
  }
  const QString svgPath = QString::fromLocal8Bit(argv[1]);
  const QDir outDir(QString::fromLocal8Bit(argv[2]));
  const QString name = QString::fromLocal8Bit(argv[3]);
  QSvgRenderer renderer(svgPath);
  if (!renderer.isValid()) {
    std::fprintf(stderr, "rendericons: %s is not a valid SVG file\n", qPrintable(svgPath));
    return 1;
  }

  for (int pixels : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
    const QString folder = QStringLiteral("hicolor/%1x%1/apps").arg(pixels);
    if (!outDir.mkpath(folder) ||
        !writeFile(outDir.filePath(folder + QLatin1Char('/') + name + QStringLiteral(".png")),
                   renderPng(renderer, pixels)))
      return 1;
  }

  std::vector<std::pair<int, QByteArray>> icoImages;
  for (int pixels : {16, 24, 32, 48, 64, 256})
    icoImages.emplace_back(pixels, renderPng(renderer, pixels));
  if (!writeFile(outDir.filePath(name + QStringLiteral(".ico")), icoFile(icoImages)))
    return 1;

  // The retina types (ic11-ic14, ic10) hold twice the pixels of their points.
  const std::vector<std::pair<const char *, int>> icnsTypes = {
      {"icp4", 16},  {"ic11", 32},  {"icp5", 32},  {"ic12", 64},  {"ic07", 128},
      {"ic13", 256}, {"ic08", 256}, {"ic14", 512}, {"ic09", 512}, {"ic10", 1024}};
  std::vector<std::pair<QByteArray, QByteArray>> icnsImages;
  for (const auto &[type, pixels] : icnsTypes)
    icnsImages.emplace_back(QByteArray(type), renderPng(renderer, pixels));
  if (!writeFile(outDir.filePath(name + QStringLiteral(".icns")), icnsFile(icnsImages)))
    return 1;
  return 0;
}
