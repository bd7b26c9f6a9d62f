#pragma once

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QWidget;

namespace bwi::ui {

class LeverSlider;
class NumberField;
class ScenarioDocument;

// The commitment on one model: provisioned-throughput units and term, or a
// Reserved-tier reservation (input and output TPM, term). Where the rate
// card has no price or capacity (AWS publishes none), it asks for the
// account team's quote first and keeps it as a rate-card override. The quote
// form starts from what the card has for the model (0 where it has nothing)
// whenever another model or another scenario is shown. Under a commitment
// with a term, its renewal: auto-renew and the cancellation notice in days
// (docs/cost-model.md §13.6), each change one undo step.
class CommitmentLevers : public QGroupBox {
  Q_OBJECT

public:
  CommitmentLevers(ScenarioDocument *document, QWidget *parent = nullptr);

signals:
  void statusMessage(const QString &message);

private:
  void refresh();
  void refreshRenewal(const std::string &modelId);
  void prefillQuote(const std::string &modelId);
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
  NumberField *m_quoteRate;
  NumberField *m_quoteInputTpm;
  NumberField *m_quoteOutputTpm;
  QWidget *m_reservedBox;
  LeverSlider *m_inputTpm;
  LeverSlider *m_outputTpm;
  QComboBox *m_reservedTerm;
  QWidget *m_reservedQuote;
  NumberField *m_quoteInputPrice;
  NumberField *m_quoteOutputPrice;
  QWidget *m_renewalBox;
  QCheckBox *m_autoRenew;
  QSpinBox *m_noticeDays;
  // The model and the document generation the quote form was filled for.
  std::string m_quoteModel;
  int m_quoteGeneration = -1;
};

} // namespace bwi::ui
