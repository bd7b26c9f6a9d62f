#include "ui/aboutdialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QStringList>
#include <QVBoxLayout>

#include <vector>

namespace bwi::ui {

namespace {

struct Component {
  QString name;
  QString license;
  QStringList files; // under :/licenses/
};

std::vector<Component> components() {
  return {
      {QObject::tr("Overview"), QString(), {QStringLiteral("README.txt")}},
      {QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion())),
       QStringLiteral("LGPL-3.0-only"),
       {QStringLiteral("LGPL-3.0.txt"), QStringLiteral("GPL-3.0.txt")}},
      {QStringLiteral("nlohmann-json"),
       QStringLiteral("MIT"),
       {QStringLiteral("nlohmann-json-MIT.txt")}},
      {QStringLiteral("libxlsxwriter"),
       QStringLiteral("BSD-2-Clause, Zlib, MPL-2.0"),
       {QStringLiteral("libxlsxwriter-BSD-2-Clause.txt"), QStringLiteral("MPL-2.0.txt")}},
      {QStringLiteral("zlib"), QStringLiteral("Zlib"), {QStringLiteral("zlib.txt")}},
      {QStringLiteral("simdjson"),
       QStringLiteral("Apache-2.0"),
       {QStringLiteral("simdjson-Apache-2.0.txt")}},
      {QObject::tr("Catch2 (tests only)"),
       QStringLiteral("BSL-1.0"),
       {QStringLiteral("Catch2-BSL-1.0.txt")}},
  };
}

QString licenseText(const QStringList &files) {
  QStringList parts;
  for (const QString &name : files) {
    QFile file(QStringLiteral(":/licenses/") + name);
    // The texts are compiled in; a missing one is a build error worth seeing.
    parts << (file.open(QIODevice::ReadOnly)
                  ? QString::fromUtf8(file.readAll())
                  : QObject::tr("(%1 is missing from this build)").arg(name));
  }
  return parts.join(QStringLiteral("\n\n――――――――――――――――――――――――――――――――――――――――\n\n"));
}

} // namespace

AboutDialog::AboutDialog(const QString &version, const QString &rateCardAsOf,
                         const QString &rateCardRegion, QWidget *parent)
    : QDialog(parent), m_components(new QListWidget(this)),
      m_licenseText(new QPlainTextEdit(this)) {
  setObjectName(QStringLiteral("aboutDialog"));
  setWindowTitle(tr("About Bedrock What-If"));

  auto *title = new QLabel(tr("<b>Bedrock What-If</b> %1").arg(version.toHtmlEscaped()), this);
  title->setObjectName(QStringLiteral("aboutVersion"));
  auto *summary = new QLabel(tr("What-if cost modelling for Amazon Bedrock spend."), this);
  auto *card =
      new QLabel(tr("Rate card: %1 list prices as of %2.").arg(rateCardRegion, rateCardAsOf), this);
  card->setObjectName(QStringLiteral("aboutRateCard"));
  auto *built =
      new QLabel(tr("Built with Qt %1, running on Qt %2.")
                     .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())),
                 this);
  auto *librariesTitle = new QLabel(tr("Libraries and their licenses:"), this);

  m_components->setObjectName(QStringLiteral("aboutComponents"));
  for (const Component &component : components())
    m_components->addItem(component.license.isEmpty()
                              ? component.name
                              : QStringLiteral("%1 — %2").arg(component.name, component.license));
  m_licenseText->setObjectName(QStringLiteral("aboutLicenseText"));
  m_licenseText->setReadOnly(true);
  m_licenseText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  m_licenseText->setLineWrapMode(QPlainTextEdit::NoWrap);
  connect(m_components, &QListWidget::currentRowChanged, this, &AboutDialog::showLicenseOf);
  m_components->setCurrentRow(0);

  auto *licenses = new QHBoxLayout;
  licenses->addWidget(m_components, 2);
  licenses->addWidget(m_licenseText, 5);

  auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

  auto *layout = new QVBoxLayout(this);
  layout->addWidget(title);
  layout->addWidget(summary);
  layout->addWidget(card);
  layout->addWidget(built);
  layout->addSpacing(8);
  layout->addWidget(librariesTitle);
  layout->addLayout(licenses, 1);
  layout->addWidget(buttons);
  resize(900, 560);
}

void AboutDialog::showLicenseOf(int row) {
  const std::vector<Component> all = components();
  if (row < 0 || row >= static_cast<int>(all.size()))
    return;
  m_licenseText->setPlainText(licenseText(all[static_cast<std::size_t>(row)].files));
}

} // namespace bwi::ui
