#pragma once

#include <catch2/catch.hpp>

#include "ui/document/scenariodocument.h"
#include "ui/mainwindow.h"

#include <QObject>
#include <QString>
#include <QTest>

namespace bwi::test {

// The child of `root` with this object name, or a failed test that says which.
template <typename T> T *findChildOrFail(QObject *root, const QString &objectName) {
  T *child = root->findChild<T *>(objectName);
  INFO("no " << objectName.toStdString() << " under " << root->objectName().toStdString());
  REQUIRE(child != nullptr);
  return child;
}

// The real main window, shown, with dialogs turned into lastMessage().
struct Window {
  ui::MainWindow window;
  Window() {
    window.setInteractive(false);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
  }
  ui::ScenarioDocument &document() { return *window.document(); }
};

} // namespace bwi::test
