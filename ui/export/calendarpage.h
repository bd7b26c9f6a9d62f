#pragma once

#include "core/report/workbenchfigures.h"

#include <QRectF>
#include <QString>

class QPaintDevice;
class QPainter;

namespace bwi::ui {

// Whether the meeting pack has a commitment-calendar page: the scenario
// commits on at least one model.
bool hasCalendarPage(const core::WorkbenchFigures &workbench);

// The meeting pack's commitment-calendar page (docs/cost-model.md §13.6):
// the calendar chart over the upper part of `content`, under it the next
// decision and a table of every commitment with its dates, renewal, its
// model's end of life and the dollars it is charged idle after it.
void drawCalendarPage(QPainter &painter, QPaintDevice &device, const QRectF &content,
                      const core::WorkbenchFigures &workbench);

// The table under the chart, as HTML (tested on its own).
QString calendarTableHtml(const core::CommitmentCalendar &calendar);

} // namespace bwi::ui
