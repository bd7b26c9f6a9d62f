#include "ui/actuals/actualspanel.h"

#include "core/import/importtally.h"
#include "core/model/calendarmonth.h"
#include "ui/actuals/actualswaterfallview.h"
#include "ui/charts/chartstyle.h"
#include "ui/document/scenariodocument.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace bwi::ui {
namespace {

QString signedUsd(double usd) {
  const QString text = chartstyle::usdExact(usd);
  return usd > 0 ? QStringLiteral("+") + text : text;
}

QString signedPercent(double share) {
  return (share > 0 ? QStringLiteral("+") : QString()) + chartstyle::percent(share);
}

enum Column {
  KeyColumn,
  PlanColumn,
  ActualColumn,
  VarianceColumn,
  ShareColumn,
  VolumeColumn,
  PriceColumn,
  MixColumn,
  CommitmentColumn,
  ColumnCount
};

} // namespace

ActualsPanel::ActualsPanel(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document),
      m_loadButton(new QPushButton(tr("Compare with a &bill…"), this)),
      m_billLabel(new QLabel(this)), m_planStart(new QComboBox(this)), m_month(new QComboBox(this)),
      m_by(new QComboBox(this)), m_exportButton(new QPushButton(tr("Export chart…"), this)),
      m_waterfall(new ActualsWaterfallView(this)), m_table(new QTableWidget(this)),
      m_movers(new QLabel(this)), m_budget(new QLabel(this)) {
  setObjectName(QStringLiteral("actualsPanel"));
  m_loadButton->setObjectName(QStringLiteral("actualsLoadBill"));
  m_loadButton->setToolTip(tr("Read a CUR 2.0 or FOCUS export (CSV or .gz) and set it beside "
                              "this scenario's plan"));
  m_billLabel->setObjectName(QStringLiteral("actualsBill"));
  m_billLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_planStart->setObjectName(QStringLiteral("actualsPlanStart"));
  m_planStart->setToolTip(tr("The bill month of the plan's month 1"));
  m_month->setObjectName(QStringLiteral("actualsMonth"));
  m_by->setObjectName(QStringLiteral("actualsBy"));
  m_by->addItem(tr("By model"), static_cast<int>(core::PlanGrouping::Model));
  m_by->addItem(tr("By team"), static_cast<int>(core::PlanGrouping::Team));
  m_exportButton->setObjectName(QStringLiteral("actualsExport"));
  m_table->setObjectName(QStringLiteral("actualsTable"));
  m_movers->setObjectName(QStringLiteral("actualsMovers"));
  m_budget->setObjectName(QStringLiteral("actualsBudget"));
  for (QLabel *label : {m_movers, m_budget}) {
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  }

  // Two rows, so the controls keep their size in a narrow window.
  auto *billRow = new QHBoxLayout;
  billRow->addWidget(m_loadButton);
  billRow->addWidget(m_billLabel, 1);
  billRow->addWidget(m_exportButton);
  m_billLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  auto *choiceRow = new QHBoxLayout;
  choiceRow->addWidget(new QLabel(tr("Plan starts"), this));
  choiceRow->addWidget(m_planStart);
  choiceRow->addWidget(new QLabel(tr("Month"), this));
  choiceRow->addWidget(m_month);
  choiceRow->addWidget(m_by);
  choiceRow->addStretch(1);
  auto *controls = new QVBoxLayout;
  controls->addLayout(billRow);
  controls->addLayout(choiceRow);

  m_table->setColumnCount(ColumnCount);
  m_table->setHorizontalHeaderLabels({tr("Model"), tr("Plan"), tr("Actual"), tr("Variance"),
                                      tr("Var. %"), tr("Volume"), tr("Price"), tr("Mix"),
                                      tr("Commitment/other")});
  m_table->verticalHeader()->setVisible(false);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_table->horizontalHeader()->setSectionResizeMode(KeyColumn, QHeaderView::Stretch);

  auto *side = new QWidget(this);
  auto *sideLayout = new QVBoxLayout(side);
  sideLayout->setContentsMargins(0, 0, 0, 0);
  sideLayout->addWidget(m_movers);
  sideLayout->addWidget(m_budget);
  sideLayout->addStretch(1);
  side->setMinimumWidth(300);
  auto *top = new QSplitter(Qt::Horizontal, this);
  top->addWidget(m_waterfall);
  top->addWidget(side);
  top->setStretchFactor(0, 3);
  top->setStretchFactor(1, 2);
  auto *body = new QSplitter(Qt::Vertical, this);
  body->addWidget(top);
  body->addWidget(m_table);
  body->setStretchFactor(0, 3);
  body->setStretchFactor(1, 2);

  auto *layout = new QVBoxLayout(this);
  layout->addLayout(controls);
  layout->addWidget(body, 1);

  connect(m_loadButton, &QPushButton::clicked, this, &ActualsPanel::chooseBill);
  connect(m_exportButton, &QPushButton::clicked, this, &ActualsPanel::exportChart);
  for (QComboBox *box : {m_planStart, m_month, m_by})
    connect(box, &QComboBox::activated, this, &ActualsPanel::refresh);
  connect(m_document, &ScenarioDocument::scenarioChanged, this, [this] {
    // A hidden tab costs nothing on a slider move (docs/benchmarks.md); it
    // catches up when shown.
    if (isVisible())
      refresh();
    else
      m_stale = true;
  });
  refresh();
}

void ActualsPanel::showEvent(QShowEvent *event) {
  QWidget::showEvent(event);
  if (m_stale)
    refresh();
}

ActualsPanel::~ActualsPanel() {
  if (m_worker) {
    m_control->cancelRequested = true;
    m_worker->wait();
  }
}

void ActualsPanel::chooseBill() {
  const QStringList paths = QFileDialog::getOpenFileNames(
      this, tr("Compare with a bill"), QString(),
      tr("CUR 2.0 or FOCUS exports (*.csv *.csv.gz *.gz);;All files (*)"));
  if (!paths.isEmpty())
    loadBill(paths);
}

void ActualsPanel::loadBill(const QStringList &paths) {
  if (m_worker)
    return;
  std::vector<std::string> files;
  for (const QString &path : paths)
    files.push_back(path.toStdString());
  m_paths = paths;
  m_control = std::make_shared<core::ImportControl>();
  m_result = std::make_shared<core::BillActuals>();
  core::BillReadOptions options;
  // One core stays with the GUI thread, so the window keeps up while the bill is read.
  options.threads = static_cast<unsigned>(std::max(1, QThread::idealThreadCount() - 1));
  // The worker gets its own copies: the document may change while it runs.
  m_worker = QThread::create(
      [files, card = m_document->rateCard(), control = m_control, result = m_result, options] {
        *result = core::readBillActuals(files, card, control.get(), options);
      });
  connect(m_worker, &QThread::finished, this, &ActualsPanel::finishLoad);
  m_loadButton->setEnabled(false);
  m_billLabel->setText(tr("Reading %1…").arg(QFileInfo(paths.front()).fileName()));
  m_worker->start();
}

void ActualsPanel::finishLoad() {
  m_worker->deleteLater();
  m_worker = nullptr;
  m_loadButton->setEnabled(true);
  const core::BillActuals &result = *m_result;
  if (!result.spend) {
    m_billLabel->setText(
        tr("Could not read the bill: %1").arg(QString::fromStdString(result.error)));
    emit billLoaded(false);
    return;
  }
  m_spend = result.spend;
  QString name = QFileInfo(m_paths.front()).fileName();
  if (m_paths.size() > 1)
    name = tr("%1 and %n more", nullptr, static_cast<int>(m_paths.size() - 1)).arg(name);
  m_billLabel->setText(tr("%1 (%2): %3 of Bedrock usage")
                           .arg(name,
                                result.kind == core::ImportKind::Focus ? QStringLiteral("FOCUS")
                                                                       : QStringLiteral("CUR 2.0"),
                                chartstyle::usdExact(result.bedrockCostUsd)));
  m_billLabel->setToolTip(m_paths.join(QLatin1Char('\n')));
  fillMonthChoices();
  refresh();
  emit billLoaded(true);
}

// The bill's months; the plan's start from a year before the bill's first
// month to its last (the bill's first month by default).
void ActualsPanel::fillMonthChoices() {
  std::set<int> months;
  bool keyed = false;
  for (const core::ActualLine &line : m_spend->lines) {
    if (const auto index = core::parseCalendarMonth(line.month))
      months.insert(*index);
    keyed = keyed || !line.key.empty();
  }
  m_planStart->clear();
  m_month->clear();
  if (months.empty())
    return;
  for (int month = *months.begin() - 12; month <= *months.rbegin(); ++month) {
    const QString name = QString::fromStdString(core::formatCalendarMonth(month));
    m_planStart->addItem(name, name);
  }
  m_planStart->setCurrentIndex(12);
  for (int month : months) {
    const QString name = QString::fromStdString(core::formatCalendarMonth(month));
    m_month->addItem(name, name);
  }
  m_month->setCurrentIndex(m_month->count() - 1);
  // By team needs a bill grouped by a principal or tag.
  if (auto *model = qobject_cast<QStandardItemModel *>(m_by->model())) {
    model->item(1)->setEnabled(keyed);
    model->item(1)->setToolTip(keyed ? QString()
                                     : tr("This bill carries no team key (principal or tag)"));
  }
  if (!keyed)
    m_by->setCurrentIndex(0);
}

void ActualsPanel::refresh() {
  m_stale = false;
  m_figures.reset();
  if (!m_spend) {
    showEmpty(tr("Plan vs actual"),
              tr("Load a CUR 2.0 or FOCUS bill (\"Compare with a bill…\") to set what the estate "
                 "spent beside this scenario's plan: the variance by volume, price, mix and "
                 "commitments, the top movers and the budget's run-out."));
    return;
  }
  core::PlanVsActualOptions options;
  options.planStart = m_planStart->currentData().toString().toStdString();
  options.month = m_month->currentData().toString().toStdString();
  options.by = static_cast<core::PlanGrouping>(m_by->currentData().toInt());
  options.forecast = &m_document->workbench().forecast;
  if (!m_document->figuresProblem().isEmpty()) {
    showEmpty(tr("Plan vs actual"), m_document->figuresProblem());
    return;
  }
  const core::PlanVsActualResult result =
      core::planVsActual(m_document->prepared(), *m_spend, options);
  if (!result.value) {
    showEmpty(tr("Plan vs actual"), QString::fromStdString(result.error));
    return;
  }
  m_figures = result.value;
  showFigures(*m_figures);
}

void ActualsPanel::showEmpty(const QString &title, const QString &message) {
  m_waterfall->showMessage(title, message);
  m_table->setRowCount(0);
  m_movers->clear();
  m_budget->clear();
  m_exportButton->setEnabled(false);
}

void ActualsPanel::showFigures(const core::PlanVsActual &figures) {
  const core::PlanVsActualMonth &month = figures.months[figures.selected];
  m_waterfall->showMonth(month, QString::fromStdString(m_document->scenario().name));
  m_exportButton->setEnabled(true);

  m_table->horizontalHeaderItem(KeyColumn)->setText(
      figures.by == core::PlanGrouping::Team ? tr("Team") : tr("Model"));
  m_table->setRowCount(static_cast<int>(month.rows.size()) + 1);
  const auto setRow = [this](int row, const QString &key, double plan, double actual,
                             const core::VarianceEffects &effects, bool total) {
    const auto cell = [&](int column, const QString &text, bool number = true) {
      auto *item = new QTableWidgetItem(text);
      if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      if (total) {
        QFont font = item->font();
        font.setBold(true);
        item->setFont(font);
      }
      m_table->setItem(row, column, item);
    };
    cell(KeyColumn, key, false);
    cell(PlanColumn, chartstyle::usdExact(plan));
    cell(ActualColumn, chartstyle::usdExact(actual));
    cell(VarianceColumn, signedUsd(actual - plan));
    cell(ShareColumn, plan > 0 ? signedPercent((actual - plan) / plan) : tr("new"));
    cell(VolumeColumn, signedUsd(effects.volumeUsd));
    cell(PriceColumn, signedUsd(effects.priceUsd));
    cell(MixColumn, signedUsd(effects.mixUsd));
    cell(CommitmentColumn, signedUsd(effects.commitmentUsd));
  };
  int row = 0;
  for (const core::PlanVsActualRow &each : month.rows)
    setRow(row++, QString::fromStdString(each.key), each.planUsd, each.actualUsd, each.effects,
           false);
  setRow(row, tr("Total"), month.planUsd, month.actualUsd, month.effects, true);

  QString movers = tr("<b>Top movers, %1 → %2</b>")
                       .arg(figures.moversFrom.empty() ? QStringLiteral("—")
                                                       : QString::fromStdString(figures.moversFrom),
                            QString::fromStdString(month.month));
  if (figures.moversFrom.empty())
    movers += tr("<br>None: the bill has no charges in the month before.");
  else if (figures.movers.empty())
    movers += tr("<br>None: nothing changed.");
  else
    movers += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\">");
  for (const core::Mover &mover : figures.movers)
    movers += QStringLiteral("<tr><td colspan=\"3\">%1</td></tr><tr><td>&nbsp;&nbsp;%2 → "
                             "%3</td><td align=\"right\">&nbsp;%4</td><td "
                             "align=\"right\">&nbsp;%5</td></tr>")
                  .arg(QString::fromStdString(mover.key).toHtmlEscaped(),
                       chartstyle::usdExact(mover.fromUsd), chartstyle::usdExact(mover.toUsd),
                       signedUsd(mover.changeUsd()),
                       mover.changeShare ? signedPercent(*mover.changeShare) : tr("new"));
  if (!figures.movers.empty())
    movers += QStringLiteral("</table>");
  m_movers->setText(movers);

  QString budget;
  if (!figures.budget) {
    budget = tr("<b>Budget</b><br>The scenario sets no monthly budget (forecast.budget_usd).");
  } else {
    const core::BudgetRunOut &run = *figures.budget;
    budget = tr("<b>Budget</b>: %1 a month, %2 over %n month(s) from %3", nullptr,
                static_cast<int>(run.points.size()))
                 .arg(chartstyle::usdExact(run.monthlyBudgetUsd),
                      chartstyle::usdExact(run.horizonBudgetUsd),
                      QString::fromStdString(figures.planStart));
    if (run.runOutMonth)
      budget += tr("<br><b>Runs out in %1</b>").arg(QString::fromStdString(*run.runOutMonth));
    else
      budget += tr("<br>Does not run out within the forecast");
    budget += tr("<table cellspacing=\"0\" cellpadding=\"1\"><tr><th align=\"left\">Month</th>"
                 "<th align=\"right\">&nbsp;Net</th><th align=\"right\">&nbsp;Cumulative</th>"
                 "<th align=\"right\">&nbsp;Budget</th></tr>");
    for (const core::BudgetPoint &point : run.points) {
      const bool over = point.cumulativeUsd > run.horizonBudgetUsd;
      budget +=
          QStringLiteral("<tr><td>%1%2</td><td align=\"right\">&nbsp;%3</td><td "
                         "align=\"right\">&nbsp;%4%5%6</td><td align=\"right\">&nbsp;%7</td></tr>")
              .arg(QString::fromStdString(point.month),
                   point.actual ? QString() : tr(" (forecast)"),
                   chartstyle::usdExact(point.spendUsd), over ? QStringLiteral("<b>") : QString(),
                   chartstyle::usdExact(point.cumulativeUsd),
                   over ? QStringLiteral("</b>") : QString(),
                   chartstyle::usdExact(point.budgetCumulativeUsd));
    }
    budget += tr("</table>Net: the bill less its share of discounts, then the forecast.");
  }
  for (const std::string &note : figures.notes)
    budget += QStringLiteral("<br><i>%1</i>").arg(QString::fromStdString(note).toHtmlEscaped());
  m_budget->setText(budget);
}

void ActualsPanel::exportChart() {
  QString path = QFileDialog::getSaveFileName(
      this, tr("Export chart"), QStringLiteral("plan-vs-actual.png"), tr("PNG images (*.png)"));
  if (path.isEmpty())
    return;
  if (!path.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive))
    path += QStringLiteral(".png");
  if (!m_waterfall->grab().save(path, "PNG"))
    m_billLabel->setText(tr("Could not write %1").arg(path));
}

} // namespace bwi::ui
