#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace bwi::ui {

class FlowLayout;
class ScenarioDocument;

// The strip of key figures above the charts, redrawn on every change; in a
// narrow window the figures take two rows rather than being cut short. Under
// them, when core billed something other than the scenario asks (a service
// tier or batch the model does not offer), what and why; and a commitment
// its model outlives no longer (core's commitment risks, docs/cost-model.md
// §13.2), with what it costs idle, where a procurement lead sees it. Above
// them all, when traffic runs on models without a price, a flag saying how
// much the totals leave out, whose menu maps or prices each model.
class KeyFiguresStrip : public QFrame {
  Q_OBJECT

public:
  KeyFiguresStrip(ScenarioDocument *document, QWidget *parent = nullptr);

private:
  QLabel *addFigure(const QString &objectName, const QString &caption, const QString &toolTip,
                    QLabel **captionLabel = nullptr);
  void refresh();
  void refreshUnitCost();
  void refreshNextDecision();

  ScenarioDocument *m_document;
  FlowLayout *m_figures;
  QLabel *m_net;
  QLabel *m_change;
  QLabel *m_perRequest;
  QLabel *m_perToken;
  QLabel *m_utilization;
  QLabel *m_commit;
  QLabel *m_unitCost;
  QLabel *m_unitCaption;
  QLabel *m_nextDecision; // the commitment calendar's (docs/cost-model.md §13.6)
  QLabel *m_nextDecisionCaption;
  QLabel *m_warnings;
  // Traffic on models without a price (docs/cost-model.md §21): the count,
  // and a menu of the two fixes.
  QPushButton *m_unpriced;
  QLabel *m_risks; // commitments charged after their model's end of life
};

} // namespace bwi::ui
