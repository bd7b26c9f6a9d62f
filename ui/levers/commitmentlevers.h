#pragma once

#include <QGroupBox>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QWidget;

namespace bwi::ui {

class LeverSlider;
class ScenarioDocument;

// The commitment on one model: provisioned-throughput units and term, or a
// Reserved-tier reservation (input and output TPM, term). Where the rate
// card has no price or capacity (AWS publishes none), it asks for the
// account team's quote first and keeps it as a rate-card override.
class CommitmentLevers : public QGroupBox {
  Q_OBJECT

public:
  CommitmentLevers(ScenarioDocument *document, QWidget *parent = nullptr);

signals:
  void statusMessage(const QString &message);

private:
  void refresh();
  void enterPtQuote();
  void enterReservedQuote();
  std::string modelId() const;

  ScenarioDocument *m_document;
  QComboBox *m_model;
  QLabel *m_status;
  QWidget *m_ptBox;
  LeverSlider *m_units;
  QComboBox *m_ptTerm;
  QWidget *m_ptQuote;
  QDoubleSpinBox *m_quoteRate;
  QDoubleSpinBox *m_quoteInputTpm;
  QDoubleSpinBox *m_quoteOutputTpm;
  QWidget *m_reservedBox;
  LeverSlider *m_inputTpm;
  LeverSlider *m_outputTpm;
  QComboBox *m_reservedTerm;
  QWidget *m_reservedQuote;
  QDoubleSpinBox *m_quoteInputPrice;
  QDoubleSpinBox *m_quoteOutputPrice;
};

} // namespace bwi::ui
