#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace bwi::ui {

class RateCardModel;
class ScenarioDocument;

// The rate-card panel: what the card is and how old, a filter, the per-1K
// toggle and the table of every model's prices, where typing a price adds a
// negotiated override to the scenario.
class RateCardView : public QWidget {
  Q_OBJECT

public:
  explicit RateCardView(ScenarioDocument *document, QWidget *parent = nullptr);

  QTableView *tableView() const { return m_table; }
  RateCardModel *model() const { return m_model; }
  QSortFilterProxyModel *proxyModel() const { return m_proxy; }

signals:
  void statusMessage(const QString &message);

private:
  void refreshHeader();
  void fitColumns();

  ScenarioDocument *m_document;
  RateCardModel *m_model;
  QSortFilterProxyModel *m_proxy;
  QLabel *m_summary;
  QLabel *m_staleBanner;
  QLabel *m_quoteNote;
  QLineEdit *m_filter;
  QCheckBox *m_perThousand;
  QTableView *m_table;
};

} // namespace bwi::ui
