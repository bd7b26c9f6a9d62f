#pragma once

#include "core/model/ratecard.h"
#include "core/model/scenario.h"
#include "core/report/workbenchfigures.h"
#include "ui/export/chartexport.h"

#include <QDate>
#include <QString>

namespace bwi::ui {

// The meeting pack: one vector PDF a procurement lead can take into the
// room: a title page with the headline figures, a one-page summary (cost,
// where it goes, what to do about each commitment), every chart, the
// workloads, the assumptions and the rate-card excerpt with sources, each
// page numbered and traced to the scenario and its dated rate card.
ExportResult writeMeetingPack(const core::Scenario &scenario, const core::RateCard &card,
                              const core::WorkbenchFigures &workbench, const QString &path,
                              const QDate &today);

} // namespace bwi::ui
