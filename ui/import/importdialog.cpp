#include "ui/import/importdialog.h"

#include "core/common/moneyformat.h"
#include "core/cost/evaluation.h"
#include "core/import/applyimport.h"
#include "core/import/importtext.h"
#include "core/import/reconcile.h"
#include "core/model/modelmapping.h"
#include "ui/document/latestjob.h"
#include "ui/document/scenariodocument.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace bwi::ui {
namespace {

struct KindChoice {
  core::ImportKind kind;
  const char *label;
};

const KindChoice kKinds[] = {
    {core::ImportKind::InvocationLogs,
     QT_TRANSLATE_NOOP("ImportDialog", "Invocation logs (JSON lines, .gz, folders)")},
    {core::ImportKind::CloudWatch,
     QT_TRANSLATE_NOOP("ImportDialog", "CloudWatch metrics (get-metric-data JSON or CSV)")},
    {core::ImportKind::HourlyCsv, QT_TRANSLATE_NOOP("ImportDialog", "Hourly CSV (pre-aggregated)")},
    {core::ImportKind::Cur, QT_TRANSLATE_NOOP("ImportDialog", "Bill: CUR 2.0 CSV")},
    {core::ImportKind::Focus, QT_TRANSLATE_NOOP("ImportDialog", "Bill: FOCUS 1.x CSV")},
    {core::ImportKind::PriceList,
     QT_TRANSLATE_NOOP("ImportDialog", "AWS Price List offers (JSON)")},
};

bool isBill(core::ImportKind kind) {
  return kind == core::ImportKind::Cur || kind == core::ImportKind::Focus;
}

struct GroupingChoice {
  const char *label;
  const char *value; // what goes into the Group by line
};

const GroupingChoice kLogGroupings[] = {
    {QT_TRANSLATE_NOOP("ImportDialog", "IAM role (default)"), ""},
    {QT_TRANSLATE_NOOP("ImportDialog", "requestMetadata.team"), "requestMetadata.team"},
};

// docs/importing.md: CUR 2.0 principals and their cost-allocation tags.
const GroupingChoice kBillGroupings[] = {
    {QT_TRANSLATE_NOOP("ImportDialog", "No grouping"), ""},
    {QT_TRANSLATE_NOOP("ImportDialog", "Principal (role or user)"), "principal"},
    {QT_TRANSLATE_NOOP("ImportDialog", "Principal ARN (sessions apart)"), "principal-arn"},
    {QT_TRANSLATE_NOOP("ImportDialog", "Tag iamPrincipal/team"), "tag:iamPrincipal/team"},
    {QT_TRANSLATE_NOOP("ImportDialog", "Tag iamPrincipal/cost-center"),
     "tag:iamPrincipal/cost-center"},
    {QT_TRANSLATE_NOOP("ImportDialog", "Tag iamPrincipal/project"), "tag:iamPrincipal/project"},
};

bool isTraffic(core::ImportKind kind) {
  return kind == core::ImportKind::InvocationLogs || kind == core::ImportKind::CloudWatch ||
         kind == core::ImportKind::HourlyCsv;
}

} // namespace

ImportDialog::ImportDialog(ScenarioDocument *document, QWidget *parent)
    : QDialog(parent), m_document(document), m_kind(new QComboBox(this)),
      m_files(new QLineEdit(this)), m_groupBy(new QLineEdit(this)),
      m_groupByChoice(new QComboBox(this)), m_progress(new QProgressBar(this)),
      m_status(new QLabel(this)), m_report(new QPlainTextEdit(this)),
      m_keyTable(new QTableWidget(this)), m_startButton(new QPushButton(tr("&Import"), this)),
      m_cancelButton(new QPushButton(tr("Close"), this)),
      m_acceptButton(new QPushButton(tr("&Use in the Scenario"), this)),
      m_mapButton(new QPushButton(tr("&Map Models Without a Price…"), this)),
      m_unpriced(new QLabel(this)), m_progressTimer(new QTimer(this)) {
  m_mapButton->setObjectName(QStringLiteral("importMapUnpriced"));
  m_mapButton->hide();
  m_unpriced->setObjectName(QStringLiteral("importUnpriced"));
  m_unpriced->setWordWrap(true);
  m_unpriced->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  m_unpriced->setStyleSheet(QStringLiteral("color: #B23A00; font-weight: bold;"));
  m_unpriced->hide();
  setWindowTitle(tr("Import Measured Data"));
  setObjectName(QStringLiteral("importDialog"));
  m_kind->setObjectName(QStringLiteral("importKind"));
  m_files->setObjectName(QStringLiteral("importFiles"));
  m_groupBy->setObjectName(QStringLiteral("importGroupBy"));
  m_groupByChoice->setObjectName(QStringLiteral("importGroupByChoice"));
  m_keyTable->setObjectName(QStringLiteral("importKeyTable"));
  m_progress->setObjectName(QStringLiteral("importProgress"));
  m_status->setObjectName(QStringLiteral("importStatus"));
  m_report->setObjectName(QStringLiteral("importReport"));
  m_startButton->setObjectName(QStringLiteral("importStart"));
  m_cancelButton->setObjectName(QStringLiteral("importCancel"));
  m_acceptButton->setObjectName(QStringLiteral("importAccept"));
  for (const KindChoice &choice : kKinds)
    m_kind->addItem(tr(choice.label), static_cast<int>(choice.kind));
  m_files->setPlaceholderText(tr("Files or folders; several separated by ;"));
  m_groupBy->setPlaceholderText(tr("requestMetadata.team (empty: the IAM role)"));
  // A long message (a path, the header expected) wraps inside the dialog rather than
  // widening it; the report below keeps it whole.
  m_status->setWordWrap(true);
  m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_report->setReadOnly(true);
  m_report->setLineWrapMode(QPlainTextEdit::NoWrap);
  m_report->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  m_keyTable->setColumnCount(4);
  m_keyTable->setHorizontalHeaderLabels({tr("Month"), tr("Key"), tr("Bedrock cost"), tr("Share")});
  m_keyTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
  m_keyTable->verticalHeader()->hide();
  m_keyTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_keyTable->hide();
  m_progress->setRange(0, 1000);
  m_progress->setValue(0);
  m_acceptButton->setEnabled(false);

  auto *browseButton = new QPushButton(tr("&Browse…"), this);
  auto *filesRow = new QHBoxLayout;
  filesRow->addWidget(m_files, 1);
  filesRow->addWidget(browseButton);
  auto *form = new QFormLayout;
  form->addRow(tr("&Kind:"), m_kind);
  form->addRow(tr("&Files:"), filesRow);
  auto *groupRow = new QHBoxLayout;
  groupRow->addWidget(m_groupByChoice);
  groupRow->addWidget(m_groupBy, 1);
  form->addRow(tr("&Group by:"), groupRow);
  auto *buttons = new QDialogButtonBox(this);
  buttons->addButton(m_startButton, QDialogButtonBox::ActionRole);
  buttons->addButton(m_mapButton, QDialogButtonBox::ActionRole);
  buttons->addButton(m_acceptButton, QDialogButtonBox::AcceptRole);
  buttons->addButton(m_cancelButton, QDialogButtonBox::RejectRole);
  auto *layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(m_progress);
  layout->addWidget(m_status);
  layout->addWidget(m_unpriced);
  layout->addWidget(m_report, 2);
  layout->addWidget(m_keyTable, 1);
  layout->addWidget(buttons);
  resize(960, 560);

  m_progressTimer->setInterval(50);
  connect(m_progressTimer, &QTimer::timeout, this, &ImportDialog::updateProgress);
  connect(browseButton, &QPushButton::clicked, this, &ImportDialog::browse);
  connect(m_startButton, &QPushButton::clicked, this, &ImportDialog::start);
  connect(m_cancelButton, &QPushButton::clicked, this, &ImportDialog::cancelOrClose);
  connect(m_acceptButton, &QPushButton::clicked, this, &ImportDialog::accept);
  connect(m_mapButton, &QPushButton::clicked, this, &ImportDialog::mapUnpriced);
  connect(m_kind, &QComboBox::currentIndexChanged, this, &ImportDialog::updateForm);
  connect(m_groupByChoice, &QComboBox::activated, this,
          [this] { m_groupBy->setText(m_groupByChoice->currentData().toString()); });
  updateForm();
}

ImportDialog::~ImportDialog() {
  if (m_worker) {
    m_control->cancelRequested = true;
    m_worker->wait();
  }
}

void ImportDialog::setRequest(core::ImportKind kind, const QStringList &paths,
                              const QString &groupBy) {
  m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(kind)));
  m_files->setText(paths.join(QLatin1Char(';')));
  m_groupBy->setText(groupBy);
}

bool ImportDialog::isRunning() const { return m_worker != nullptr; }

void ImportDialog::updateForm() {
  const auto kind = static_cast<core::ImportKind>(m_kind->currentData().toInt());
  const bool groups = kind == core::ImportKind::InvocationLogs || isBill(kind);
  m_groupBy->setEnabled(groups);
  m_groupByChoice->setEnabled(groups);
  m_groupByChoice->clear();
  m_groupBy->clear(); // a log's path means nothing to a bill
  if (kind == core::ImportKind::InvocationLogs)
    for (const GroupingChoice &choice : kLogGroupings)
      m_groupByChoice->addItem(tr(choice.label), QString::fromUtf8(choice.value));
  else if (isBill(kind))
    for (const GroupingChoice &choice : kBillGroupings)
      m_groupByChoice->addItem(tr(choice.label), QString::fromUtf8(choice.value));
  m_groupBy->setPlaceholderText(isBill(kind)
                                    ? tr("principal, principal-arn or tag:KEY (empty: none)")
                                    : tr("requestMetadata.team (empty: the IAM role)"));
  m_acceptButton->setText(kind == core::ImportKind::PriceList ? tr("&Accept the Rate Card")
                                                              : tr("&Use in the Scenario"));
}

void ImportDialog::browse() {
  const QStringList files = QFileDialog::getOpenFileNames(this, tr("Import Measured Data"));
  if (!files.isEmpty())
    m_files->setText(files.join(QLatin1Char(';')));
}

void ImportDialog::start() {
  if (m_worker)
    return;
  core::ImportRequest request;
  request.kind = static_cast<core::ImportKind>(m_kind->currentData().toInt());
  for (const QString &path : m_files->text().split(QLatin1Char(';'), Qt::SkipEmptyParts))
    request.paths.push_back(path.trimmed().toStdString());
  if (request.paths.empty()) {
    m_status->setText(tr("Choose the files or folders to import."));
    return;
  }
  request.threads = static_cast<unsigned>(backgroundThreads());
  if ((request.kind == core::ImportKind::InvocationLogs || isBill(request.kind)) &&
      !m_groupBy->text().trimmed().isEmpty())
    request.groupBy = m_groupBy->text().trimmed().toStdString();
  m_control = std::make_shared<core::ImportControl>();
  m_outcome = std::make_shared<core::ImportOutcome>();
  // The worker gets its own copies: the document may change while it runs.
  m_worker = QThread::create(
      [request, card = m_document->rateCard(), control = m_control, outcome = m_outcome] {
        *outcome = core::runImport(request, card, control.get());
      });
  connect(m_worker, &QThread::finished, this, &ImportDialog::finish);
  m_startButton->setEnabled(false);
  m_acceptButton->setEnabled(false);
  m_cancelButton->setText(tr("Cancel"));
  m_progress->setValue(0);
  m_status->setText(tr("Reading…"));
  m_report->clear();
  m_keyTable->hide();
  m_unpricedRequests.clear();
  m_mappings.clear();
  showUnpriced();
  m_progressTimer->start();
  m_worker->start();
}

void ImportDialog::updateProgress() {
  const std::uint64_t total = m_control->bytesTotal.load();
  if (total == 0) {
    m_progress->setRange(0, 0); // the kind reports no progress: a busy bar
    return;
  }
  m_progress->setRange(0, 1000);
  m_progress->setValue(static_cast<int>(1000.0 * static_cast<double>(m_control->bytesDone.load()) /
                                        static_cast<double>(total)));
}

void ImportDialog::cancelOrClose() {
  if (m_worker) {
    m_control->cancelRequested = true;
    m_status->setText(tr("Cancelling…"));
    return;
  }
  reject();
}

void ImportDialog::finish() {
  m_worker->deleteLater();
  m_worker = nullptr;
  m_progressTimer->stop();
  m_progress->setRange(0, 1000);
  m_startButton->setEnabled(true);
  m_cancelButton->setText(tr("Close"));
  const core::ImportOutcome &outcome = *m_outcome;
  if (outcome.failure) {
    m_progress->setValue(0);
    const QString message = toQString(outcome.failure->message);
    m_status->setText(outcome.failure->cancelled ? tr("Cancelled; the scenario is unchanged.")
                                                 : tr("Not imported: %1").arg(message));
    if (!outcome.failure->cancelled)
      m_report->setPlainText(tr("Not imported; the scenario is unchanged.\n\n%1").arg(message));
    emit importFinished();
    return;
  }
  m_progress->setValue(1000);
  std::string report;
  switch (outcome.kind) {
  case core::ImportKind::Cur:
  case core::ImportKind::Focus: {
    report = core::billImportText(outcome.bill);
    showKeyTotals();
    const core::Evaluation evaluation = core::evaluate(m_document->prepared(), 0);
    if (const auto result = core::reconcile(m_document->scenario(), evaluation, outcome.bill, "")) {
      report += '\n'; // appended apart: GCC 12 -O3 misreads "\n" + std::string&& (-Wrestrict)
      report += core::reconciliationText(*result, m_document->scenario().name,
                                         m_files->text().toStdString(), {});
    }
    break;
  }
  case core::ImportKind::PriceList:
    report = core::priceListImportText(outcome.priceList);
    break;
  default:
    report = core::usageImportText(outcome.usage, outcome.sizing);
    break;
  }
  m_report->setPlainText(QString::fromStdString(report));
  const bool bill =
      outcome.kind == core::ImportKind::Cur || outcome.kind == core::ImportKind::Focus;
  const bool acceptable = outcome.kind == core::ImportKind::PriceList ||
                          (isTraffic(outcome.kind) && !outcome.usage.groups.empty()) ||
                          (bill && !outcome.bill.groups.empty());
  m_acceptButton->setEnabled(acceptable);
  m_status->setText(acceptable ? tr("Read. Accept to change the scenario (one undo step).")
                               : tr("Read."));
  if (isTraffic(outcome.kind))
    for (const core::UsageGroup &group : outcome.usage.groups)
      if (!m_document->rateCard().find(group.model))
        m_unpricedRequests[group.model] += group.totals.requests;
  showUnpriced();
  emit importFinished();
}

void ImportDialog::showKeyTotals() {
  const core::BillImport &bill = m_outcome->bill;
  if (!bill.groupBy) {
    m_keyTable->hide();
    return;
  }
  const std::vector<core::BillKeyTotal> totals = core::billKeyTotals(bill);
  m_keyTable->setRowCount(static_cast<int>(totals.size()));
  for (int row = 0; row < static_cast<int>(totals.size()); ++row) {
    const core::BillKeyTotal &total = totals[static_cast<std::size_t>(row)];
    const QStringList cells{QString::fromStdString(total.month),
                            total.key ? QString::fromStdString(*total.key) : tr("(none)"),
                            QString::fromStdString(core::formatUsdExact(total.costUsd)),
                            QString::fromStdString(core::formatPercent(total.share))};
    for (int column = 0; column < cells.size(); ++column) {
      auto *item = new QTableWidgetItem(cells[column]);
      if (column >= 2)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      m_keyTable->setItem(row, column, item);
    }
  }
  m_keyTable->resizeColumnToContents(0);
  m_keyTable->resizeColumnToContents(2);
  m_keyTable->resizeColumnToContents(3);
  m_keyTable->show();
}

void ImportDialog::showUnpriced() {
  m_mapButton->setVisible(!m_unpricedRequests.empty());
  m_unpriced->setVisible(!m_unpricedRequests.empty());
  QStringList lines;
  for (const auto &[model, requests] : m_unpricedRequests) {
    const auto mapped = m_mappings.find(model);
    lines.append(mapped == m_mappings.end()
                     ? tr("%1: %2 requests, no price (kept and flagged, left out of the totals)")
                           .arg(toQString(model),
                                toQString(core::formatCount(static_cast<double>(requests))))
                     : tr("%1: %2 requests, mapped to %3")
                           .arg(toQString(model),
                                toQString(core::formatCount(static_cast<double>(requests))),
                                toQString(mapped->second)));
  }
  m_unpriced->setText(tr("Models the rate card lacks:\n%1").arg(lines.join(QLatin1Char('\n'))));
}

void ImportDialog::mapUnpriced() {
  QStringList choices{tr("(keep without a price)")};
  for (const core::ModelRates &model : m_document->rateCard().models)
    choices.append(toQString(model.id));
  for (const auto &[model, requests] : m_unpricedRequests) {
    bool ok = false;
    const auto mapped = m_mappings.find(model);
    const int current = mapped == m_mappings.end()
                            ? 0
                            : static_cast<int>(choices.indexOf(toQString(mapped->second)));
    const QString choice = QInputDialog::getItem(
        this, tr("Map %1").arg(toQString(model)),
        tr("%1 is not in the rate card (%2 requests). Map its traffic to a card model, or keep "
           "it without a price:")
            .arg(toQString(model), toQString(core::formatCount(static_cast<double>(requests)))),
        choices, std::max(current, 0), false, &ok);
    if (!ok)
      break;
    if (choice == choices.front())
      m_mappings.erase(model);
    else
      m_mappings[model] = choice.toStdString();
  }
  showUnpriced();
}

void ImportDialog::accept() {
  if (!m_outcome || m_outcome->failure || m_worker)
    return;
  core::AppliedImport applied =
      core::applyImport(m_document->scenario(), m_document->rateCard(), *m_outcome);
  // The mappings chosen here travel with the import: one undo step.
  for (const auto &[from, to] : m_mappings)
    applied.scenario = core::withModelMapped(applied.scenario, {from, to});
  const core::Scenario &next = applied.scenario;
  const QString undoText = applied.change == core::ImportChange::RateCard
                               ? tr("Rate card from the price list")
                               : tr("Workloads from the import");
  if (const core::ValidationIssues issues = m_document->check(next); !issues.empty()) {
    m_status->setText(
        tr("Not used: %1")
            .arg(QString::fromStdString(core::formatIssues("the result", issues)).trimmed()));
    return;
  }
  m_document->replaceScenario(next, undoText);
  QDialog::accept();
}

} // namespace bwi::ui
