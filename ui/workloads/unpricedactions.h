#pragma once

#include "core/model/modelmapping.h"

#include <QDialog>
#include <QString>

#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QCheckBox;
class QMenu;
class QWidget;

namespace bwi::ui {

class ScenarioDocument;

// Fixing traffic on a model without a price in one step (docs/cost-model.md
// §21), the same from the key-figures flag, the routing editor and the
// Workloads tab: "Map to…" moves every workload's share on it to a card
// model; "Type a price…" adds a ratecard_overrides entry. Each is one undo step.

// Asks for the card model; false when cancelled or refused.
bool mapUnpricedModel(QWidget *parent, ScenarioDocument *document, const QString &modelId);
// Asks for the prices; false when cancelled or refused.
bool typeUnpricedPrice(QWidget *parent, ScenarioDocument *document, const QString &modelId);
// The two steps applied directly (what the dialogs do once answered).
bool applyModelMapping(ScenarioDocument *document, const QString &from, const QString &to);
bool applyTypedPrice(ScenarioDocument *document, const QString &modelId,
                     const core::TypedPrice &price);
// "Map MODEL to…" and "Type a price for MODEL…" for every unpriced model
// the scenario routes to, added to `menu`; the number of such models.
int addUnpricedActions(QMenu *menu, QWidget *parent, ScenarioDocument *document);

// The form of "Type a price…": input and output USD per 1M tokens,
// optionally batch and cache prices.
class TypedPriceDialog : public QDialog {
  Q_OBJECT

public:
  TypedPriceDialog(const QString &modelId, QWidget *parent = nullptr);
  core::TypedPrice price() const;

private:
  QDoubleSpinBox *m_input;
  QDoubleSpinBox *m_output;
  QCheckBox *m_hasBatch;
  QDoubleSpinBox *m_batchInput;
  QDoubleSpinBox *m_batchOutput;
  QCheckBox *m_hasCache;
  QDoubleSpinBox *m_cacheRead;
  QDoubleSpinBox *m_cacheWrite;
};

} // namespace bwi::ui
