#pragma once

#include <QFrame>

class QLabel;

namespace bwi::ui {

class ScenarioDocument;

// The strip of key figures above the charts, redrawn on every change.
class KeyFiguresStrip : public QFrame {
  Q_OBJECT

public:
  KeyFiguresStrip(ScenarioDocument *document, QWidget *parent = nullptr);

private:
  QLabel *addFigure(const QString &objectName, const QString &caption, const QString &toolTip,
                    QLabel **captionLabel = nullptr);
  void refresh();
  void refreshUnitCost();

  ScenarioDocument *m_document;
  QLabel *m_net;
  QLabel *m_change;
  QLabel *m_perRequest;
  QLabel *m_perToken;
  QLabel *m_utilization;
  QLabel *m_commit;
  QLabel *m_unitCost;
  QLabel *m_unitCaption;
};

} // namespace bwi::ui
