#include "app/texttables.h"

#include "core/common/moneyformat.h"
#include "core/model/ratecardage.h"

#include <algorithm>
#include <cstdio>

namespace bwi::app {
namespace {

using core::formatPercent;
using core::formatUsdExact;
using core::formatUsdPerUnit;

std::string number(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string optionalShare(const std::optional<double> &share) {
  return share ? formatPercent(*share) : "n/a";
}

void costSection(std::string &text, const char *title, const std::vector<core::NamedCost> &costs,
                 double gross) {
  text += std::string("\n") + title + "\n";
  std::size_t width = 10;
  for (const core::NamedCost &cost : costs)
    width = std::max(width, cost.key.size());
  for (const core::NamedCost &cost : costs)
    text += "  " + padRight(cost.key, width) + "  " + padLeft(formatUsdExact(cost.usd), 16) + "  " +
            padLeft(gross > 0 ? formatPercent(cost.usd / gross) : "", 7) + "\n";
}

} // namespace

std::size_t shownWidth(std::string_view text) {
  std::size_t shown = 0;
  for (unsigned char c : text)
    shown += (c & 0xC0) != 0x80; // continuation bytes take no column
  return shown;
}

std::string padRight(const std::string &text, std::size_t width) {
  const std::size_t shown = shownWidth(text);
  return shown >= width ? text : text + std::string(width - shown, ' ');
}

std::string padLeft(const std::string &text, std::size_t width) {
  const std::size_t shown = shownWidth(text);
  return shown >= width ? text : std::string(width - shown, ' ') + text;
}

std::string staleRateCardNotice(const std::string &asOf, const std::string &todayIso) {
  const auto days = core::daysBetween(asOf, todayIso).value_or(0);
  return "Note: the rate card is " + std::to_string(days) + " days old (as of " + asOf +
         "); refresh it against the AWS price list (quarterly is the rule).";
}

std::string evaluationTable(const core::Evaluation &evaluation, const core::LoadedScenario &loaded,
                            const std::string &todayIso) {
  const core::RateCard &card = loaded.card;
  std::string text;
  text += "Scenario: " + loaded.scenario.name + "\n";
  text += "Month " + std::to_string(evaluation.month) +
          (evaluation.calendarMonth ? " (" + *evaluation.calendarMonth + ")" : "") +
          "; rate card as of " + card.asOf + (card.region.empty() ? "" : " (" + card.region + ")") +
          (loaded.scenario.ratecardOverrides.empty() ? "; list prices"
                                                     : "; with negotiated overrides") +
          "\n";
  if (core::isStale(card.asOf, todayIso))
    text += staleRateCardNotice(card.asOf, todayIso) + "\n";

  text += "\nMonthly cost\n";
  if (const std::string note = core::unpricedNote(evaluation); !note.empty())
    text += "  ! " + note + " (map them to a card model or type a price)\n";
  text += "  Gross                     " + padLeft(formatUsdExact(evaluation.grossUsd), 18) + "\n";
  text +=
      "  Private-pricing discount  " + padLeft(formatUsdExact(-evaluation.discountUsd), 18) + "\n";
  text += "  Net                       " + padLeft(formatUsdExact(evaluation.netUsd), 18) + "\n";
  text += "  Commit retired            " +
          padLeft(formatUsdExact(evaluation.commitRetiredUsd), 18) + "\n";
  // Over priced requests only (docs/cost-model.md §21).
  if (evaluation.pricedRequests() > 0)
    text += "  Net per 1,000 requests    " +
            padLeft(formatUsdExact(evaluation.netUsd / evaluation.pricedRequests() * 1000), 18) +
            "\n";
  text += "  Requests                  " + padLeft(number(evaluation.requests, 0), 18) + "\n";
  text += "  Tokens in / out (M)       " +
          padLeft(number(evaluation.tokens.input / 1e6, 1) + " / " +
                      number(evaluation.tokens.output / 1e6, 1),
                  18) +
          "\n";

  const double gross = evaluation.grossUsd;
  std::vector<core::NamedCost> modes = {{"on demand", evaluation.byMode.onDemand},
                                        {"batch", evaluation.byMode.batch},
                                        {"provisioned", evaluation.byMode.provisioned},
                                        {"reserved", evaluation.byMode.reserved}};
  if (!evaluation.meters.empty())
    modes.push_back({"meters", evaluation.byMode.meters});
  costSection(text, "By mode (gross)", modes, gross);
  costSection(text, "By model (gross)", evaluation.byModel, gross);
  costSection(text, "By workload (gross)", evaluation.byWorkload, gross);
  costSection(text, "By team (gross)", evaluation.byTeam, gross);

  if (!evaluation.provisioned.empty()) {
    text += "\nProvisioned throughput (overflow assumes the application falls back to on "
            "demand when PT throttles)\n";
    for (const core::ProvisionedResult &pt : evaluation.provisioned) {
      text += "  " + pt.modelId + ": " + std::to_string(pt.modelUnits) + " MU " +
              std::string(core::toString(pt.term)) + "\n";
      text += "    charge " + formatUsdExact(pt.costUsd) + ", overflow " +
              formatUsdExact(pt.overflowUsd) + ", utilization " + formatPercent(pt.utilization) +
              ", break-even utilization " + optionalShare(pt.breakEvenUtilization) + "\n";
      text += "    break-even volume multiplier " +
              (pt.breakEvenVolumeMultiplier ? number(*pt.breakEvenVolumeMultiplier, 3) + "x"
                                            : std::string("none in 0.01x-100x")) +
              "; floor " + std::to_string(pt.floorModelUnits) + " MU, optimal " +
              std::to_string(pt.optimalModelUnits) + " MU\n";
    }
  }
  if (!evaluation.reserved.empty()) {
    text += "\nReserved tier\n";
    for (const core::ReservedResult &reserved : evaluation.reserved) {
      text += "  " + reserved.modelId + ": " + number(reserved.inputTpm, 0) + " input / " +
              number(reserved.outputTpm, 0) + " output TPM " +
              std::string(core::toString(reserved.term)) + "\n";
      text += "    charge " + formatUsdExact(reserved.costUsd) + ", spill-over " +
              formatUsdExact(reserved.overflowUsd) + ", utilization in " +
              optionalShare(reserved.utilizationInput) + " / out " +
              optionalShare(reserved.utilizationOutput) + "\n";
      text += "    optimal " + number(reserved.optimalInputTpm, 0) + " / " +
              number(reserved.optimalOutputTpm, 0) + " TPM; floor " +
              number(reserved.floorInputTpm, 0) + " / " + number(reserved.floorOutputTpm, 0) +
              " TPM\n";
    }
  }
  if (!evaluation.sizing.empty()) {
    text += "\nProvisioned-throughput sizing (model units; prices and capacities are quotes)\n";
    text += "  " + padRight("model", 44) + padLeft("mean", 9) + padLeft("peak", 9) +
            padLeft("floor", 7) + padLeft("optimal", 9) + "\n";
    for (const core::SizingResult &sizing : evaluation.sizing)
      text += "  " + padRight(sizing.modelId, 44) + padLeft(number(sizing.meanLoadMu, 2), 9) +
              padLeft(number(sizing.peakLoadMu, 2), 9) +
              padLeft(std::to_string(sizing.floorModelUnits), 7) +
              padLeft(std::to_string(sizing.optimalModelUnits), 9) + "\n";
  }
  if (!evaluation.meters.empty()) {
    text += "\nMeters: the bill beyond tokens (gross; * a rate typed into the scenario, ~ an "
            "estimate)\n";
    for (const core::MeterResult &meter : evaluation.meters)
      text += "  " + padRight(meter.workloadId + " " + meter.name, 58) +
              padLeft(number(meter.quantity, meter.quantity < 100 ? 3 : 0), 16) + " " +
              padRight(meter.unit, 14) + " x " +
              (meter.typedRate  ? "*"
               : meter.estimate ? "~"
                                : " ") +
              padLeft(formatUsdPerUnit(meter.usdPerUnit), 10) + " =" +
              padLeft(formatUsdExact(meter.costUsd), 14) + "\n";
  }
  if (!evaluation.unitCosts.empty()) {
    text += "\nUnit costs (net: the workload's show-back and meters after the discount)\n";
    for (const core::UnitCost &unit : evaluation.unitCosts) {
      text += "  " + unit.workloadId + ": " +
              (unit.costPerUnitUsd ? formatUsdPerUnit(*unit.costPerUnitUsd) + " per " + unit.unit
                                   : "no " + unit.unit + "s") +
              " (" + number(unit.units, 0) + " " + unit.unit + "s, " +
              formatUsdExact(unit.costUsd) + ")";
      if (unit.targetUsd)
        text += "; target " + formatUsdPerUnit(*unit.targetUsd) + " +/- " +
                formatPercent(unit.tolerance, 0) +
                (unit.status ? ": " + std::string(core::toString(*unit.status)) : std::string());
      text += "\n";
    }
  }
  if (!evaluation.longContext.empty()) {
    text += "\nBilled at long-context prices (mean input per call above the model's threshold)\n";
    for (const std::string &pair : evaluation.longContext)
      text += "  " + pair + "\n";
  }
  if (!evaluation.warnings.empty()) {
    text += "\nWarnings\n";
    for (const std::string &warning : evaluation.warnings)
      text += "  - " + warning + "\n";
  }
  return text;
}

std::string forecastTable(const core::Forecast &forecast, const core::LoadedScenario &loaded,
                          const std::string &unpricedNote) {
  std::string text =
      "Forecast: " + loaded.scenario.name + " (rate card as of " + loaded.card.asOf + ")\n\n";
  if (!unpricedNote.empty())
    text += "! " + unpricedNote + " in month 0 (map them to a card model or type a price)\n\n";
  const bool fan = !forecast.months.empty() && forecast.months.front().netP10Usd.has_value();
  text += padLeft("month", 7) + padLeft("gross", 16) + padLeft("discount", 14) +
          padLeft("net", 16) + padLeft("commit retired", 16);
  if (fan)
    text += padLeft("net p10", 16) + padLeft("net p50", 16) + padLeft("net p90", 16);
  text += "\n";
  for (const core::ForecastMonth &month : forecast.months) {
    text += padLeft(month.calendarMonth ? *month.calendarMonth : std::to_string(month.month), 7) +
            padLeft(formatUsdExact(month.grossUsd), 16) +
            padLeft(formatUsdExact(month.discountUsd), 14) +
            padLeft(formatUsdExact(month.netUsd), 16) +
            padLeft(formatUsdExact(month.commitRetiredUsd), 16);
    if (fan)
      text += padLeft(formatUsdExact(*month.netP10Usd), 16) +
              padLeft(formatUsdExact(*month.netP50Usd), 16) +
              padLeft(formatUsdExact(*month.netP90Usd), 16);
    text += "\n";
  }
  text += "\nCommit retired over the forecast: " + formatUsdExact(forecast.commitRetiredUsd);
  if (forecast.commitRetiredShare)
    text += " (" + formatPercent(*forecast.commitRetiredShare) + " of the annual commit)";
  text += "\n";
  if (!forecast.events.empty()) {
    text += "\nPrice events\n";
    for (const core::CalendarEvent &event : forecast.events)
      text += "  " + event.calendarMonth + "  " + event.label + "\n";
  }
  for (const core::CommitmentRisk &risk : forecast.commitmentRisks)
    text += "\nIdle commitment: " + risk.modelId + " retires in " + risk.endOfLife +
            "; its commitment is still charged for " + std::to_string(risk.idleMonths.size()) +
            " month(s), " + formatUsdExact(risk.idleCostUsd) + " gross\n";
  return text;
}

std::string commitmentCalendarTable(const core::CommitmentCalendar &calendar) {
  if (calendar.entries.empty())
    return {};
  std::string text = "\nCommitment calendar";
  text += calendar.startMonth ? " (month 0 is " + *calendar.startMonth + ")\n"
                              : " (in month indices: the scenario has no forecast.start_month)\n";
  for (const core::CommitmentCalendarEntry &entry : calendar.entries) {
    text += "  " + entry.label + ", " + entry.term + ", from " +
            core::calendarMonthName(calendar, entry.startMonth);
    if (entry.termEndMonth) {
      text += "; term ends " +
              (entry.termEndDate
                   ? *entry.termEndDate
                   : "with " + core::calendarMonthName(calendar, *entry.termEndMonth - 1));
      text += entry.autoRenew
                  ? "; auto-renews (" + std::to_string(entry.renewalMonths.size()) +
                        " renewal(s) in the forecast), cancel by " + entry.cancelBy->text
                  : "; does not renew";
    } else {
      text += "; no term (delete in any hour)";
    }
    text += "\n";
    for (const core::CalendarEvent &event : entry.events)
      text += "    " + event.calendarMonth + "  " + event.label + "\n";
    if (!entry.idleMonths.empty())
      text += "    idle " + core::calendarMonthName(calendar, entry.idleMonths.front()) + " to " +
              core::calendarMonthName(calendar, entry.idleMonths.back()) + ": " +
              formatUsdExact(entry.idleCostUsd) + " gross\n";
  }
  if (calendar.nextDecision)
    text += "Next decision: " + calendar.nextDecision->text + "\n  " +
            calendar.nextDecision->detail + "\n";
  return text;
}

} // namespace bwi::app
