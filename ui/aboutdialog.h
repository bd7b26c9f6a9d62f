#pragma once

#include <QDialog>
#include <QString>

class QListWidget;
class QPlainTextEdit;

namespace bwi::ui {

// Help > About: the version, the rate card in use (region and as-of date),
// and each library the program is built from with its license text (compiled
// in from resources/licenses/, so every platform's build carries them).
class AboutDialog : public QDialog {
  Q_OBJECT

public:
  AboutDialog(const QString &version, const QString &rateCardAsOf, const QString &rateCardRegion,
              QWidget *parent = nullptr);

private:
  void showLicenseOf(int row);

  QListWidget *m_components;
  QPlainTextEdit *m_licenseText;
};

} // namespace bwi::ui
