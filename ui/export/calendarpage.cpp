#include "ui/export/calendarpage.h"

#include "core/common/moneyformat.h"
#include "ui/export/chartexport.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>

namespace bwi::ui {
namespace {

// The chart's share of the page; the table takes the rest.
constexpr double kChartShare = 0.58;

QString text(const std::string &value) { return QString::fromStdString(value).toHtmlEscaped(); }

QString cell(const QString &value, bool right = false) {
  return right ? QStringLiteral("<td align=\"right\">%1</td>").arg(value)
               : QStringLiteral("<td>%1</td>").arg(value);
}

} // namespace

bool hasCalendarPage(const core::WorkbenchFigures &workbench) {
  return !workbench.commitmentCalendar.entries.empty();
}

QString calendarTableHtml(const core::CommitmentCalendar &calendar) {
  QString html;
  if (calendar.nextDecision)
    html += QObject::tr("<p><b>Next decision: %1.</b> %2</p>")
                .arg(text(calendar.nextDecision->text), text(calendar.nextDecision->detail));
  if (!calendar.startMonth)
    html += QObject::tr("<p>The scenario has no forecast start month: months are counted from "
                        "month 0 and deadlines have no calendar date.</p>");
  html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">");
  html += QObject::tr("<thead><tr><th>Commitment</th><th>Term</th><th>Starts</th>"
                      "<th>Term ends</th><th>Renewal</th><th>Cancel by</th>"
                      "<th>Model end of life</th><th>Idle months</th><th>Idle cost (gross)</th>"
                      "</tr></thead>");
  for (const core::CommitmentCalendarEntry &entry : calendar.entries) {
    html += QStringLiteral("<tr>");
    html += cell(text(entry.label));
    html += cell(entry.termMonths == 0 ? QObject::tr("none (hourly)")
                                       : QObject::tr("%n month(s)", "", entry.termMonths));
    html += cell(text(core::calendarMonthName(calendar, entry.startMonth)));
    html += cell(entry.termEndDate ? text(*entry.termEndDate)
                 : entry.termEndMonth
                     ? QObject::tr("end of %1")
                           .arg(text(core::calendarMonthName(calendar, *entry.termEndMonth - 1)))
                     : QStringLiteral("–"));
    html += cell(entry.termMonths == 0 ? QObject::tr("runs until deleted")
                 : entry.autoRenew     ? QObject::tr("auto-renews (%n in the forecast)", "",
                                                     static_cast<int>(entry.renewalMonths.size()))
                                       : QObject::tr("does not renew"));
    html += cell(entry.cancelBy
                     ? text(entry.cancelBy->text) +
                           (entry.cancelNoticeDays > 0
                                ? QObject::tr(" (%1 days' notice)").arg(entry.cancelNoticeDays)
                                : QString())
                     : QStringLiteral("–"));
    html +=
        cell(entry.endOfLife.empty()
                 ? QObject::tr("none announced")
                 : text(entry.endOfLife) + (entry.successor.empty()
                                                ? QString()
                                                : QStringLiteral(" → ") + text(entry.successor)));
    html += cell(entry.idleMonths.empty()
                     ? QStringLiteral("–")
                     : QObject::tr("%1 to %2 (%3)")
                           .arg(text(core::calendarMonthName(calendar, entry.idleMonths.front())),
                                text(core::calendarMonthName(calendar, entry.idleMonths.back())))
                           .arg(entry.idleMonths.size()));
    html += cell(text(core::formatUsdExact(entry.idleCostUsd)), true);
    html += QStringLiteral("</tr>");
  }
  html += QObject::tr("<tr><td colspan=\"8\"><b>Total idle after end of life</b></td>"
                      "<td align=\"right\"><b>%1</b></td></tr>")
              .arg(text(core::formatUsdExact(calendar.idleCostUsd)));
  html += QStringLiteral("</table>");
  html += QObject::tr("<p>Idle cost: what a commitment is charged in the forecast's months after "
                      "its model retires, as the forecast's commitment risks count it. AWS renews "
                      "a commitment at the end of each term unless it is cancelled; a "
                      "cancellation cannot be undone.</p>");
  return html;
}

void drawCalendarPage(QPainter &painter, QPaintDevice &device, const QRectF &content,
                      const core::WorkbenchFigures &workbench) {
  const QRectF chartRect(content.left(), content.top(), content.width(),
                         content.height() * kChartShare);
  drawChart(painter, ChartKind::Calendar, workbench, chartRect);
  QTextDocument table;
  table.documentLayout()->setPaintDevice(&device);
  QFont font = QApplication::font();
  font.setPointSizeF(8.5);
  table.setDefaultFont(font);
  table.setDefaultStyleSheet(
      QStringLiteral("th { background: #e8eef3; } th, td { font-size: 8pt; }"));
  table.setHtml(calendarTableHtml(workbench.commitmentCalendar));
  const QRectF tableRect(content.left(), chartRect.bottom() + 8, content.width(),
                         content.bottom() - chartRect.bottom() - 8);
  table.setTextWidth(tableRect.width());
  painter.save();
  painter.translate(tableRect.topLeft());
  table.drawContents(&painter, QRectF(QPointF(0, 0), tableRect.size()));
  painter.restore();
}

} // namespace bwi::ui
