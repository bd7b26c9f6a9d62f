#pragma once

#include <catch2/catch.hpp>

#include <QObject>
#include <QString>

namespace bwi::test {

// The child of `root` with this object name, or a failed test that says which.
template <typename T> T *findChildOrFail(QObject *root, const QString &objectName) {
  T *child = root->findChild<T *>(objectName);
  INFO("no " << objectName.toStdString() << " under " << root->objectName().toStdString());
  REQUIRE(child != nullptr);
  return child;
}

} // namespace bwi::test
