#pragma once

#include "core/analysis/goalseek.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;

namespace bwi::ui {

class NumberField;
class ScenarioDocument;

// Goal seek in one row (two in a narrow window): a target (monthly net cost, cost per 1,000
// requests or PT utilization), one lever, Find, and core's answer, or its
// clear statement that no value in the lever's range meets the target.
// Apply sets the lever to the value found, one undo step.
class GoalSeekBox : public QWidget {
  Q_OBJECT

public:
  explicit GoalSeekBox(ScenarioDocument *document, QWidget *parent = nullptr);

  void find();
  bool apply(); // false when there is nothing found to apply
  const std::optional<core::GoalSeekResult> &result() const { return m_result; }

private:
  core::GoalMetric chosenMetric() const; // not metric(): QWidget::metric is virtual
  core::ScaledLever lever() const;
  void showMetricUnit();
  void forgetResult();

  ScenarioDocument *m_document;
  QComboBox *m_metric;
  NumberField *m_target;
  QComboBox *m_lever;
  QPushButton *m_find;
  QPushButton *m_apply;
  QLabel *m_answer;
  std::optional<core::GoalSeekResult> m_result;
  std::optional<core::GoalSeekRequest> m_request; // what m_result answers
};

} // namespace bwi::ui
