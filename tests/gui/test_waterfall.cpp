#include "tests/gui/guitestsupport.h"

#include "core/analysis/scenariocomparison.h"
#include "core/common/moneyformat.h"
#include "ui/charts/comparechartview.h"
#include "ui/charts/waterfallchartview.h"
#include "ui/compare/comparepanel.h"
#include "ui/compare/comparisonset.h"

#include <QTabWidget>
#include <QUndoStack>

using namespace bwi;
using test::BarRow;
using test::ChartLabel;
using test::findChildOrFail;
using test::Window;

namespace {

ui::ComparePanel *showComparePanel(Window &w) {
  auto *tabs = findChildOrFail<QTabWidget>(&w.window, QStringLiteral("mainTabs"));
  auto *panel = findChildOrFail<ui::ComparePanel>(&w.window, QStringLiteral("comparePanel"));
  w.window.showPanel(panel);
  REQUIRE(tabs->currentWidget()->isAncestorOf(panel));
  test::settle();
  return panel;
}

QString usdShort(double usd) { return QString::fromStdString(core::formatUsdShort(usd)); }
QString signedUsd(double usd) {
  return (usd > 0 ? QStringLiteral("+") : QString()) + usdShort(usd);
}

// Each row's label: on the row (its centre within the bars' height), starting where the row's
// longest bar ends, and reading the row's own figure. `expected` is top first.
void checkLabelsOnBars(QChartView *view, const QStringList &expected) {
  test::settle(); // whatever the window defers (a relayout) has run
  const QList<BarRow> rows = test::barRows(view);
  const QList<ChartLabel> labels = test::chartLabels(view);
  REQUIRE(rows.size() == expected.size());
  CHECK(labels.size() == expected.size());
  for (const ChartLabel &label : labels) {
    const qreal y = label.rect.center().y();
    const auto row = std::find_if(rows.begin(), rows.end(), [y](const BarRow &r) {
      return y >= r.top - 0.5 && y <= r.bottom + 0.5;
    });
    INFO("label \"" << label.text.toStdString() << "\" at y " << y << ", x " << label.rect.left());
    REQUIRE(row != rows.end());
    const qsizetype index = row - rows.begin();
    INFO("row " << index << " expects " << expected[index].toStdString() << "; its bars end at x "
                << row->right);
    CHECK(label.text.startsWith(expected[index]));
    CHECK(label.rect.left() >= row->right - 1.0);
    CHECK(label.rect.left() <= row->right + 20.0);
  }
}

void checkWaterfall(ui::ComparePanel *panel) {
  auto *view = findChildOrFail<ui::WaterfallChartView>(panel, QStringLiteral("waterfallChart"));
  ui::ComparisonSet *set = panel->comparisonSet();
  const core::Comparison &comparison = set->comparison();
  const int position = static_cast<int>(set->columnOrder().indexOf(panel->waterfallColumn())) - 1;
  REQUIRE(position >= 0);
  const core::LeverAttribution &attribution =
      comparison.attributions.at(static_cast<std::size_t>(position));
  QStringList expected = {usdShort(attribution.baselineNetUsd)};
  for (const core::LeverBar &bar : attribution.bars)
    expected.append(signedUsd(bar.deltaUsd));
  expected.append(usdShort(attribution.comparedNetUsd));
  checkLabelsOnBars(view, expected);
}

void checkSideBySide(ui::ComparePanel *panel) {
  auto *view = findChildOrFail<ui::CompareChartView>(panel, QStringLiteral("compareChart"));
  const core::Comparison &comparison = panel->comparisonSet()->comparison();
  QStringList expected;
  for (const core::FigureRow &row : comparison.rows)
    if (row.key == "net_usd")
      for (const auto &value : row.values)
        expected.append(usdShort(value.value_or(0)));
  checkLabelsOnBars(view, expected);
}

} // namespace

TEST_CASE("Waterfall labels stay on their bars as the compared scenario changes",
          "[gui][compare][waterfall]") {
  Window w;
  ui::ComparePanel *panel = showComparePanel(w);
  panel->optimize();
  test::settle();
  SECTION("another scenario file: the waterfall switches to it") {
    QString error;
    REQUIRE(panel->addFile(
        QStringLiteral(BWI_SOURCE_DIR "/tests/data/compare/example-trimmed.json"), &error));
    checkWaterfall(panel);
    checkSideBySide(panel);
    // Back to the proposal: fewer levers move, the same chart.
    panel->setWaterfallColumn(1);
    checkWaterfall(panel);
  }
  SECTION("a copy of the workbench with a larger volume") {
    REQUIRE(w.document().setValue({core::Field::GlobalVolumeMultiplier}, 8.0,
                                  QStringLiteral("volume")));
    panel->comparisonSet()->addCopy();
    panel->setWaterfallColumn(panel->comparisonSet()->count() - 1);
    checkWaterfall(panel);
    checkSideBySide(panel);
  }
  SECTION("open in the workbench, then undo") {
    panel->openInWorkbench();
    test::settle();
    checkSideBySide(panel);
    w.document().undoStack()->undo();
    test::settle();
    checkWaterfall(panel);
    checkSideBySide(panel);
  }
}

TEST_CASE("Side-by-side labels stay on their bars after a scenario is removed",
          "[gui][compare][waterfall]") {
  Window w;
  ui::ComparePanel *panel = showComparePanel(w);
  panel->optimize();
  panel->comparisonSet()->addCopy();
  QString error;
  REQUIRE(panel->addFile(QStringLiteral(BWI_SOURCE_DIR "/tests/data/compare/example-trimmed.json"),
                         &error));
  test::settle();
  checkSideBySide(panel);
  REQUIRE(panel->comparisonSet()->count() == 4);
  panel->comparisonSet()->remove(3); // the file, the longest bar
  test::settle();
  REQUIRE(panel->comparisonSet()->count() == 3);
  checkSideBySide(panel);
  checkWaterfall(panel);
  panel->comparisonSet()->remove(1);
  test::settle();
  checkSideBySide(panel);
}
