#pragma once

#include <QScrollArea>

namespace bwi::ui {

class ScenarioDocument;

// The column of levers: estate, workload, routing, commitment.
class LeversPanel : public QScrollArea {
  Q_OBJECT

public:
  LeversPanel(ScenarioDocument *document, QWidget *parent = nullptr);

signals:
  void statusMessage(const QString &message);
};

} // namespace bwi::ui
