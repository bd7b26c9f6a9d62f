#pragma once

#include <catch2/catch.hpp>

#include "ui/document/scenariodocument.h"
#include "ui/mainwindow.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QGraphicsRectItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QList>
#include <QObject>
#include <QRectF>
#include <QString>
#include <QTest>
#include <QTextDocument>

#include <algorithm>
#include <cmath>

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
    // The offscreen platform's screen is 800x600, and the window bounds its
    // first size to the screen: tests lay out at the size the app opens at
    // on a desktop.
    window.resize(1560, 960);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
  }
  ui::ScenarioDocument &document() { return *window.document(); }
};

// Lets the window finish what it deferred to the event loop (a refresh on a timer, then the
// relayout that refresh queued): a single qWait may return right after a long timer slot,
// before the events that slot posted.
inline void settle() {
  for (int round = 0; round < 4; ++round) {
    QTest::qWait(5);
    QCoreApplication::processEvents();
  }
}

// A value label drawn on a chart (ChartAnnotations): its text and its box, in scene coordinates.
struct ChartLabel {
  QString text;
  QRectF rect;
};

inline QList<ChartLabel> chartLabels(QChartView *view) {
  QList<ChartLabel> labels;
  const QList<QGraphicsItem *> items = view->scene()->items();
  for (QGraphicsItem *item : items) {
    auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item);
    auto *box = text ? dynamic_cast<QGraphicsRectItem *>(text->parentItem()) : nullptr;
    if (box && box->isVisible())
      labels.append({text->text(), box->mapRectToScene(box->rect())});
  }
  return labels;
}

// One row of a horizontal bar chart as Qt Charts drew it: the union of its bars' rectangles
// (zero-length bars included, so every category has a row), in scene coordinates.
struct BarRow {
  qreal top = 0;
  qreal bottom = 0;
  qreal left = 0;
  qreal right = 0; // where the longest bar of the row ends
};

// The rows of a horizontal bar chart, top first: Qt's own bar items (class "Bar") grouped by
// their vertical centre.
inline QList<BarRow> barRows(QChartView *view) {
  QList<QRectF> bars;
  const QList<QGraphicsItem *> items = view->scene()->items();
  for (QGraphicsItem *item : items) {
    auto *rect = dynamic_cast<QGraphicsRectItem *>(item);
    auto *object = dynamic_cast<QObject *>(item);
    if (rect && object &&
        QString::fromLatin1(object->metaObject()->className()) == QStringLiteral("Bar") &&
        rect->isVisible())
      bars.append(rect->mapRectToScene(rect->rect()));
  }
  std::sort(bars.begin(), bars.end(),
            [](const QRectF &a, const QRectF &b) { return a.center().y() < b.center().y(); });
  QList<BarRow> rows;
  for (const QRectF &bar : bars) {
    if (!rows.isEmpty() &&
        std::fabs((rows.last().top + rows.last().bottom) / 2 - bar.center().y()) < 1.0) {
      rows.last().left = std::min(rows.last().left, bar.left());
      rows.last().right = std::max(rows.last().right, bar.right());
      continue;
    }
    rows.append({bar.top(), bar.bottom(), bar.left(), bar.right()});
  }
  return rows;
}

// Whether any text Qt Charts drew on the chart (axis labels and titles, the chart's title) was
// cut short with an ellipsis; returns the first such text, or an empty string.
inline QString elidedChartText(QChartView *view) {
  const QList<QGraphicsItem *> items = view->scene()->items();
  for (QGraphicsItem *item : items)
    if (auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible()) {
      const QString plain = text->toPlainText();
      if (plain.endsWith(QStringLiteral("..."))) // Qt's own ellipsis, not a "…" of ours
        return plain +
               QStringLiteral(" [at %1,%2]").arg(text->scenePos().x()).arg(text->scenePos().y());
    }
  return {};
}

// The categories of the chart's bar-category axes that Qt Charts did not draw (it hides a
// label that would overlap its neighbour), as plain text; empty when every one is drawn.
inline QStringList hiddenCategoryLabels(QChartView *view) {
  QStringList drawn;
  const QList<QGraphicsItem *> items = view->scene()->items();
  for (QGraphicsItem *item : items)
    if (auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible())
      drawn.append(text->toPlainText().simplified());
  QStringList hidden;
  for (QAbstractAxis *axis : view->chart()->axes())
    if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis); categories && axis->isVisible())
      for (const QString &category : categories->categories()) {
        QTextDocument document;
        document.setHtml(category);
        const QString plain = document.toPlainText().simplified();
        if (!drawn.contains(plain))
          hidden.append(plain);
      }
  return hidden;
}

} // namespace bwi::test
