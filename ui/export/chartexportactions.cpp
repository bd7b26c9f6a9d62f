#include "ui/export/chartexportactions.h"

#include "ui/document/appsettings.h"
#include "ui/document/scenariodocument.h"

#include <QAction>
#include <QClipboard>
#include <QDate>
#include <QEvent>
#include <QFileDialog>
#include <QGuiApplication>
#include <QMenu>
#include <QMessageBox>
#include <QStyle>
#include <QToolButton>
#include <QWidget>

namespace bwi::ui {
namespace {

const QSize kExportSize(1200, 675);

// The export button in a chart's top right corner: the context menu's
// actions for those who do not think of right-clicking.
class CornerButton : public QToolButton {
public:
  explicit CornerButton(QWidget *chart) : QToolButton(chart) {
    setObjectName(QStringLiteral("chartExportButton"));
    setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    setAutoRaise(true);
    setPopupMode(QToolButton::InstantPopup);
    setToolTip(QObject::tr("Export or copy this chart"));
    chart->installEventFilter(this);
    place();
  }

protected:
  bool eventFilter(QObject *watched, QEvent *event) override {
    if (watched == parentWidget() && event->type() == QEvent::Resize)
      place();
    return QToolButton::eventFilter(watched, event);
  }

private:
  void place() {
    adjustSize();
    move(parentWidget()->width() - width() - 4, 4);
    raise();
  }
};

} // namespace

void exportChartWithDialog(QWidget *parent, ChartKind kind, const ChartSource &source,
                           const QString &footer) {
  const QString suggestion = AppSettings::lastDirectory() + QLatin1Char('/') + chartKindName(kind) +
                             QStringLiteral(".png");
  const QString path = QFileDialog::getSaveFileName(
      parent, QObject::tr("Export chart"), suggestion,
      QObject::tr("PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)"));
  if (path.isEmpty())
    return;
  const ExportResult result = exportChart(kind, source, footer, path, kExportSize);
  if (!result.ok)
    QMessageBox::warning(parent, QObject::tr("Cannot export chart"), result.message);
}

ExportResult copyChartToClipboard(ChartKind kind, const ChartSource &source,
                                  const QString &footer) {
  if (!source.refusal.isEmpty())
    return {false, source.refusal};
  QGuiApplication::clipboard()->setImage(renderChartImage(kind, source, footer, kExportSize));
  return {true, {}};
}

void addChartContextMenu(QWidget *chart, ChartKind kind, std::function<ChartSource()> source,
                         std::function<QString()> footer) {
  chart->setContextMenuPolicy(Qt::ActionsContextMenu);
  auto *exportAction = new QAction(QObject::tr("Export chart…"), chart);
  exportAction->setToolTip(QObject::tr("Save this chart as PNG, SVG or PDF, with a footer naming "
                                       "the scenario and the rate card's date."));
  QObject::connect(exportAction, &QAction::triggered, chart, [chart, kind, source, footer] {
    exportChartWithDialog(chart, kind, source(), footer());
  });
  auto *copyAction = new QAction(QObject::tr("Copy chart"), chart);
  QObject::connect(copyAction, &QAction::triggered, chart, [chart, kind, source, footer] {
    const ExportResult result = copyChartToClipboard(kind, source(), footer());
    if (!result.ok)
      QMessageBox::warning(chart, QObject::tr("Cannot copy chart"), result.message);
  });
  chart->addAction(exportAction);
  chart->addAction(copyAction);
  chart->setToolTip(QObject::tr("Right-click to export or copy this chart."));
  auto *button = new CornerButton(chart);
  auto *menu = new QMenu(button);
  menu->addAction(exportAction);
  menu->addAction(copyAction);
  button->setMenu(menu);
}

void addWorkbenchChartMenu(QWidget *chart, ChartKind kind, const ScenarioDocument *document,
                           std::function<void(ChartSource &)> more) {
  addChartContextMenu(
      chart, kind,
      [document, more] {
        ChartSource source(document->workbench());
        source.refusal = document->figuresProblem();
        if (more)
          more(source);
        return source;
      },
      [document] {
        return exportFooter(document->scenario(), document->rateCard(), QDate::currentDate(),
                            core::unpricedNote(document->workbench().evaluation));
      });
}

} // namespace bwi::ui
