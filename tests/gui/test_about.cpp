#include "tests/gui/guitestsupport.h"

#include "core/files/scenariofile.h"
#include "ui/aboutdialog.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QTimer>

using namespace bwi;
using test::findChildOrFail;
using test::Window;

TEST_CASE("Help > About shows the version and the rate card's as-of date and region", "[gui]") {
  QApplication::setApplicationVersion(QStringLiteral("9.8.7"));
  Window w;
  const core::RateCard builtin = core::builtinRateCard();
  REQUIRE(w.document().rateCard().asOf == builtin.asOf);

  QAction *about = nullptr;
  for (QAction *action : w.window.menuBar()->findChildren<QAction *>())
    if (action->text() == QStringLiteral("&About Bedrock What-If"))
      about = action;
  REQUIRE(about != nullptr);

  // The dialog is modal: read it from inside its event loop, then close it.
  QString shownVersion, shownCard;
  bool seen = false;
  QTimer::singleShot(0, &w.window, [&] {
    auto *dialog = w.window.findChild<ui::AboutDialog *>(QStringLiteral("aboutDialog"));
    if (dialog == nullptr)
      return;
    seen = true;
    shownVersion = dialog->findChild<QLabel *>(QStringLiteral("aboutVersion"))->text();
    shownCard = dialog->findChild<QLabel *>(QStringLiteral("aboutRateCard"))->text();
    dialog->reject();
  });
  about->trigger();

  REQUIRE(seen);
  CHECK(shownVersion.contains(QStringLiteral("9.8.7")));
  CHECK(shownCard.contains(QString::fromStdString(builtin.asOf)));
  CHECK(shownCard.contains(QString::fromStdString(builtin.region)));
}

TEST_CASE("The About dialog carries each library's license text", "[gui]") {
  ui::AboutDialog dialog(QStringLiteral("1.2.3"), QStringLiteral("2025-10-01"),
                         QStringLiteral("us-east-1"));
  auto *components = findChildOrFail<QListWidget>(&dialog, QStringLiteral("aboutComponents"));
  auto *text = findChildOrFail<QPlainTextEdit>(&dialog, QStringLiteral("aboutLicenseText"));
  REQUIRE(components->count() >= 5);

  // What each row must show: the license's own words, not just its name.
  const std::vector<std::pair<QString, QString>> expected = {
      {QStringLiteral("Qt"), QStringLiteral("GNU LESSER GENERAL PUBLIC LICENSE")},
      {QStringLiteral("nlohmann-json"), QStringLiteral("Niels Lohmann")},
      {QStringLiteral("libxlsxwriter"), QStringLiteral("Mozilla Public License")},
      {QStringLiteral("zlib"), QStringLiteral("Jean-loup Gailly")},
      {QStringLiteral("Catch2"), QStringLiteral("Boost Software License")},
  };
  for (const auto &[component, phrase] : expected) {
    const auto rows = components->findItems(component, Qt::MatchStartsWith);
    INFO(component.toStdString());
    REQUIRE(rows.size() == 1);
    components->setCurrentItem(rows.front());
    CHECK(text->toPlainText().contains(phrase));
    CHECK_FALSE(text->toPlainText().contains(QStringLiteral("is missing from this build")));
  }
}

TEST_CASE("About names simdjson with its license", "[gui]") {
  ui::AboutDialog dialog(QStringLiteral("1.2.3"), QStringLiteral("2025-10-01"),
                         QStringLiteral("us-east-1"));
  auto *components = findChildOrFail<QListWidget>(&dialog, QStringLiteral("aboutComponents"));
  auto *text = findChildOrFail<QPlainTextEdit>(&dialog, QStringLiteral("aboutLicenseText"));
  const auto rows = components->findItems(QStringLiteral("simdjson"), Qt::MatchStartsWith);
  REQUIRE(rows.size() == 1);
  CHECK(rows.front()->text().contains(QStringLiteral("Apache-2.0")));
  components->setCurrentItem(rows.front());
  CHECK(text->toPlainText().contains(QStringLiteral("Apache License")));
  CHECK(text->toPlainText().contains(QStringLiteral("Daniel Lemire")));
}
