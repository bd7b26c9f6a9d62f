#include "ui/ratecard/ratecardview.h"

#include "core/model/ratecardage.h"
#include "ui/document/scenariodocument.h"
#include "ui/ratecard/ratecardmodel.h"
#include "ui/ratecard/regionbar.h"
#include "ui/tables/tablecells.h"

#include <QAction>
#include <QCheckBox>
#include <QDate>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace bwi::ui {
namespace {

int maxColumnWidth(int column) {
  switch (column) {
  case RateCardModel::IdColumn:
    return 250;
  case RateCardModel::NameColumn:
    return 200;
  case RateCardModel::SourceColumn:
    return 260;
  default:
    return 130;
  }
}

QString sourceText(const core::RateCardSource &source) {
  switch (source.kind) {
  case core::RateCardSource::Kind::Builtin:
    return RateCardView::tr("built-in card");
  case core::RateCardSource::Kind::Path:
    return QString::fromStdString(source.path);
  case core::RateCardSource::Kind::Inline:
    return RateCardView::tr("card inside the scenario");
  }
  return {};
}

} // namespace

RateCardView::RateCardView(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_model(new RateCardModel(document, this)),
      m_proxy(new QSortFilterProxyModel(this)), m_summary(new QLabel(this)),
      m_staleBanner(new QLabel(this)), m_quoteNote(new QLabel(this)), m_filter(new QLineEdit(this)),
      m_perThousand(new QCheckBox(tr("Token prices per 1K tokens"), this)),
      m_table(new QTableView(this)) {
  m_summary->setObjectName(QStringLiteral("rateCardSummary"));
  m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

  m_staleBanner->setObjectName(QStringLiteral("staleBanner"));
  m_staleBanner->setWordWrap(true);
  m_staleBanner->setStyleSheet(QStringLiteral(
      "QLabel#staleBanner { background: #fff3b0; color: #4a3b00; border: 1px solid #e0c200; "
      "border-radius: 3px; padding: 6px; }"));

  m_quoteNote->setObjectName(QStringLiteral("quoteNote"));
  m_quoteNote->setWordWrap(true);
  m_quoteNote->setText(
      tr("AWS publishes no Provisioned Throughput (PT) or Reserved-tier prices: they must be "
         "quoted by your account team. Type a quote into a cell to add it to this scenario as "
         "a negotiated override (shown bold and shaded); clear the cell to remove it. "
         "\u2248 marks an estimate, grey a figure that does not exist."));

  m_filter->setObjectName(QStringLiteral("rateCardFilter"));
  m_filter->setPlaceholderText(tr("Filter by id, name or provider"));
  m_filter->setClearButtonEnabled(true);
  m_filter->setToolTip(tr("Show only the models whose id, name or provider contains this text."));
  auto *filterLabel = new QLabel(tr("Filter:"), this);
  filterLabel->setBuddy(m_filter);

  m_perThousand->setObjectName(QStringLiteral("perThousandToggle"));
  m_perThousand->setToolTip(tr("Show on-demand, batch and cache prices per 1,000 tokens instead "
                               "of per 1,000,000 (display only; the scenario stores per 1M)."));

  m_proxy->setSourceModel(m_model);
  m_proxy->setFilterRole(SearchRole);
  m_proxy->setFilterKeyColumn(RateCardModel::IdColumn);
  m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
  m_proxy->setSortRole(SortRole);

  m_table->setObjectName(QStringLiteral("rateCardTable"));
  m_table->setModel(m_proxy);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
  setUpEditableTable(m_table);
  m_table->horizontalHeader()->setHighlightSections(false);
  m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // the card's order
  m_table->setSortingEnabled(true);

  // Delete on a price cell removes its override (the model says so when there is none).
  auto *clearAction = new QAction(tr("Remove override"), m_table);
  clearAction->setShortcut(QKeySequence::Delete);
  clearAction->setShortcutContext(Qt::WidgetShortcut);
  m_table->addAction(clearAction);

  auto *controls = new QHBoxLayout;
  controls->addWidget(filterLabel);
  controls->addWidget(m_filter, 1);
  controls->addSpacing(12);
  controls->addWidget(m_perThousand);
  auto *layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(m_summary);
  layout->addWidget(new RegionBar(m_document, this));
  layout->addWidget(m_staleBanner);
  layout->addWidget(m_quoteNote);
  layout->addLayout(controls);
  layout->addWidget(m_table, 1);
  setFocusProxy(m_filter);

  connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
  connect(m_perThousand, &QCheckBox::toggled, m_model, &RateCardModel::setPerThousand);
  connect(m_model, &RateCardModel::statusMessage, this, &RateCardView::statusMessage);
  connect(clearAction, &QAction::triggered, this, [this] {
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid() && (current.flags() & Qt::ItemIsEditable))
      m_proxy->setData(current, QString(), Qt::EditRole);
  });
  connect(m_document, &ScenarioDocument::scenarioChanged, this, &RateCardView::refreshHeader);

  refreshHeader();
  fitColumns();
}

void RateCardView::fitColumns() {
  m_table->resizeColumnsToContents();
  QHeaderView *header = m_table->horizontalHeader();
  for (int column = 0; column < RateCardModel::ColumnCount; ++column)
    header->resizeSection(column, std::min(header->sectionSize(column), maxColumnWidth(column)));
}

void RateCardView::refreshHeader() {
  const core::RateCard &card = m_document->rateCard();
  int overrides = 0;
  std::set<std::string> models;
  for (const core::RateOverride &entry : m_document->scenario().ratecardOverrides)
    if (std::holds_alternative<double>(entry.value)) {
      ++overrides;
      models.insert(entry.modelId);
    }
  const int modelCount = static_cast<int>(card.models.size());
  QString text = tr("Rate card as of %1 \u00b7 %2 \u00b7 %3 \u00b7 %4 models")
                     .arg(QString::fromStdString(card.asOf), QString::fromStdString(card.region),
                          sourceText(m_document->scenario().ratecard))
                     .arg(modelCount);
  text += overrides == 0 ? tr(" \u00b7 list prices")
                         : tr(" \u00b7 list prices with %1 negotiated overrides on %2 models")
                               .arg(overrides)
                               .arg(static_cast<int>(models.size()));
  m_summary->setText(text);

  const std::string today = QDate::currentDate().toString(Qt::ISODate).toStdString();
  const std::optional<int> days = core::daysBetween(card.asOf, today);
  const bool stale = core::isStale(card.asOf, today);
  if (stale && days)
    m_staleBanner->setText(tr("This rate card is %1 days old (as of %2). Bedrock prices change "
                              "often: refresh it against the AWS Price List (quarterly).")
                               .arg(*days)
                               .arg(QString::fromStdString(card.asOf)));
  m_staleBanner->setVisible(stale);
}

} // namespace bwi::ui
