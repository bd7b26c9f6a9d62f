#include "core/import/importtext.h"

#include "core/common/moneyformat.h"
#include "core/import/isotime.h"
#include "core/import/usagetype.h"

#include <cstdio>
#include <map>
#include <set>
#include <sstream>

namespace bwi::core {
namespace {

std::string padded(std::string text, std::size_t width, bool right = false) {
  if (text.size() < width)
    text.insert(right ? 0 : text.size(), width - text.size(), ' ');
  return text;
}

std::string whole(double value) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.0f", value);
  return buffer;
}

void tallyText(const ImportTally &tally, std::ostringstream &out) {
  out << "Read " << tally.lines << " records from " << tally.files << " file"
      << (tally.files == 1 ? "" : "s") << "; skipped " << tally.skipped.count << ".\n";
}

void skippedText(const ImportTally &tally, std::ostringstream &out) {
  if (!tally.skipped.first.empty()) {
    out << "\nSkipped"
        << (tally.skipped.count > tally.skipped.first.size() ? " (the first 20)" : "") << ":\n";
    for (const SkippedLine &line : tally.skipped.first)
      out << "  " << line.file << ":" << line.line << ": " << line.reason << "\n";
  }
  for (const std::string &warning : tally.warnings)
    out << "Warning: " << warning << "\n";
}

std::string groupName(const UsageGroup &group) {
  return group.key.value_or("-") + " / " + group.model +
         (group.tier == "standard" ? "" : " (" + group.tier + ")");
}

std::string countsText(const std::map<std::string, std::uint64_t> &counts) {
  std::string text;
  for (const auto &[name, count] : counts)
    text += (text.empty() ? "" : ", ") + name + " " + std::to_string(count);
  return text;
}

// What the table has no columns for: models the card lacks, inference
// profiles and regions, streaming, and guardrails.
void usageNotes(const std::vector<UsageGroup> &groups, std::ostringstream &out) {
  std::map<std::string, TokenCounts> unknown;
  for (const UsageGroup &group : groups)
    if (!group.known)
      unknown[group.model] += group.totals;
  if (!unknown.empty()) {
    out << "\nNot in the rate card (kept here; a scenario leaves them out until the card prices "
           "them):\n";
    for (const auto &[model, totals] : unknown)
      out << "  " << model << ": " << totals.requests
          << (totals.requests == 1 ? " request, " : " requests, ") << totals.input << " input and "
          << totals.output << " output tokens\n";
  }
  bool header = false;
  for (const UsageGroup &group : groups) {
    const bool notInRegion =
        group.requestsByScope.size() > 1 ||
        (group.requestsByScope.size() == 1 && group.requestsByScope.begin()->first != "in-region");
    if (!notInRegion && group.requestsByRegion.empty() && !group.streamingRequests)
      continue;
    if (!header)
      out << "\nInference profiles (requests by scope; by the region that served them):\n";
    header = true;
    out << "  " << groupName(group) << ": " << countsText(group.requestsByScope);
    if (!group.requestsByRegion.empty())
      out << "; served in " << countsText(group.requestsByRegion);
    if (group.streamingRequests)
      out << "; " << group.streamingRequests << " streamed";
    out << "\n";
  }
  header = false;
  for (const UsageGroup &group : groups) {
    std::map<std::string, std::uint64_t> units;
    for (std::size_t policy = 0; policy < kGuardrailPolicies; ++policy)
      if (group.guardrailUnits[policy])
        units[std::string(guardrailPolicyName(static_cast<GuardrailPolicy>(policy)))] =
            group.guardrailUnits[policy];
    if (units.empty() && !group.guardrailInterventions)
      continue;
    if (!header)
      out << "\nGuardrails (text units of up to 1,000 characters, by policy; interventions "
             "count as requests):\n";
    header = true;
    out << "  " << groupName(group) << ": "
        << (units.empty() ? "no units logged" : countsText(units)) << "; "
        << group.guardrailInterventions << " of " << group.totals.requests
        << (group.totals.requests == 1 ? " request" : " requests")
        << " stopped or masked by a guardrail\n";
  }
}

void usageText(const UsageImport &imported, std::ostringstream &out) {
  tallyText(imported.tally, out);
  out << "\n"
      << padded("KEY", 20) << "  " << padded("MODEL", 48) << "  " << padded("TIER", 9) << "  "
      << padded("REQUESTS", 12, true) << "  " << padded("INPUT", 15, true) << "  "
      << padded("OUTPUT", 15, true) << "  " << padded("CACHE READ", 15, true) << "  "
      << padded("CACHE WRITE", 15, true) << "  " << padded("HOURS", 6, true) << "  FIRST → LAST\n";
  for (const UsageGroup &group : imported.groups)
    out << padded(group.key.value_or("-"), 20) << "  " << padded(group.model, 48) << "  "
        << padded(group.tier, 9) << "  " << padded(std::to_string(group.totals.requests), 12, true)
        << "  " << padded(std::to_string(group.totals.input), 15, true) << "  "
        << padded(std::to_string(group.totals.output), 15, true) << "  "
        << padded(std::to_string(group.totals.cacheRead), 15, true) << "  "
        << padded(std::to_string(group.totals.cacheWrite), 15, true) << "  "
        << padded(std::to_string(group.hourly.size()), 6, true) << "  "
        << isoFromSeconds(group.firstSeconds) << " → " << isoFromSeconds(group.lastSeconds) << "\n";
  usageNotes(imported.groups, out);
  skippedText(imported.tally, out);
}

void sizingText(const std::vector<MeasuredSizing> &sizings, std::ostringstream &out) {
  if (sizings.empty())
    return;
  out << "\nSizing over the imported hours (floor at p"
      << whole(sizings.front().floorPercentile * 100) << " of the hourly load):\n";
  for (const MeasuredSizing &sizing : sizings) {
    out << "  " << sizing.model << ": input " << whole(sizing.inputTpmAtFloor)
        << " TPM at the floor, " << whole(sizing.peakInputTpm) << " peak; output "
        << whole(sizing.outputTpmAtFloor) << " TPM at the floor, " << whole(sizing.peakOutputTpm)
        << " peak";
    if (sizing.floorModelUnits)
      out << "; floor " << *sizing.floorModelUnits << " MU, optimum " << *sizing.optimalModelUnits
          << " MU";
    if (sizing.inputOutputRatio)
      out << "; " << whole(*sizing.inputOutputRatio) << " input tokens per output token";
    if (!sizing.note.empty())
      out << " (" << sizing.note << ")";
    out << "\n";
  }
}

void billText(const BillImport &bill, std::ostringstream &out) {
  tallyText(bill.tally, out);
  if (bill.groups.empty() && bill.contents) {
    // No Bedrock row at all: the warning says what the files hold instead.
    out << "\n";
    skippedText(bill.tally, out);
    return;
  }
  const bool keyed = bill.groupBy.has_value();
  out << "\n" << padded("MONTH", 7) << "  ";
  if (keyed)
    out << padded("KEY", 24) << "  ";
  out << padded("MODEL", 48) << "  " << padded("USAGE", 11) << "  " << padded("TIER", 9) << "  "
      << padded("COST", 18, true) << "  " << padded("TOKENS", 18, true) << "\n";
  for (const BillGroup &group : bill.groups) {
    out << padded(group.month, 7) << "  ";
    if (keyed)
      out << padded(group.key.value_or("-"), 24) << "  ";
    out << padded(group.model, 48) << "  " << padded(group.usage, 11) << "  "
        << padded(group.tier, 9) << "  " << padded(formatUsdExact(group.costUsd), 18, true) << "  "
        << padded(whole(group.tokens), 18, true) << "\n";
  }
  if (keyed) {
    // Show-back: each key's spend per month, the costliest first.
    out << "\nBy " << *bill.groupBy << ":\n";
    for (const BillKeyTotal &total : billKeyTotals(bill))
      out << "  " << padded(total.month, 7) << "  " << padded(total.key.value_or("(none)"), 40)
          << "  " << padded(formatUsdExact(total.costUsd), 18, true) << "  "
          << padded(formatPercent(total.share), 8, true) << "\n";
  }
  std::set<std::string> unknown;
  for (const BillGroup &group : bill.groups)
    if (!group.known && isTokenUsage(group.usage))
      unknown.insert(group.model);
  if (!unknown.empty()) {
    out << "\nNot in the rate card (kept here; a scenario leaves them out until the card prices "
           "them):";
    for (const std::string &model : unknown)
      out << " " << model << (model == *unknown.rbegin() ? "" : ",");
    out << "\n";
  }
  out << "\nBedrock usage charges: " << formatUsdExact(bill.bedrockCostUsd)
      << "\nDiscounts on Bedrock:  " << formatUsdExact(bill.discountUsd) << "\n";
  skippedText(bill.tally, out);
}

void priceListText(const PriceListImport &imported, std::ostringstream &out) {
  tallyText(imported.tally, out);
  out << "Price list for " << imported.region << " published " << imported.publicationDate;
  if (!imported.offers.empty()) {
    out << " (";
    for (std::size_t i = 0; i < imported.offers.size(); ++i)
      out << (i ? ", " : "") << imported.offers[i];
    out << ")";
  }
  out << "; the new card is as of " << imported.card.asOf << " with " << imported.card.models.size()
      << " models.\n";
  if (imported.regions.size() > 1) {
    out << "The files also price";
    for (const std::string &region : imported.regions)
      if (region != imported.region)
        out << " " << region;
    out << " (--region picks one).\n";
  }
  if (imported.changes.empty())
    out << "No price differs from the current card.\n";
  for (const PriceChange &change : imported.changes) {
    if (change.change == "changed")
      out << "  changed  " << change.model << " " << change.field << ": "
          << formatFieldValue(change.field, change.oldValue) << " → "
          << formatFieldValue(change.field, change.newValue) << "\n";
    else
      out << "  " << padded(change.change, 7) << "  " << change.model << ": " << change.note
          << "\n";
  }
  if (!imported.leftOut.empty()) {
    out << "Left out (no card field holds them):";
    bool first = true;
    for (const auto &[why, count] : imported.leftOut) {
      out << (first ? " " : "; ") << count << " row" << (count == 1 ? "" : "s") << " of " << why;
      first = false;
    }
    out << ".\n";
  }
  skippedText(imported.tally, out);
}

} // namespace

std::string usageImportText(const UsageImport &imported,
                            const std::vector<MeasuredSizing> &sizings) {
  std::ostringstream out;
  usageText(imported, out);
  sizingText(sizings, out);
  return out.str();
}

std::string billImportText(const BillImport &bill) {
  std::ostringstream out;
  billText(bill, out);
  return out.str();
}

std::string priceListImportText(const PriceListImport &imported) {
  std::ostringstream out;
  priceListText(imported, out);
  return out.str();
}

std::string reconciliationText(const Reconciliation &result, const std::string &scenarioName,
                               const std::string &billName, const ImportTally &billTally) {
  std::ostringstream out;
  out << "Scenario " << scenarioName << " (month 0) against the bill for " << result.month << " ("
      << billName << "), gross:\n\n"
      << padded("MODEL", 48) << "  " << padded("SCENARIO", 16, true) << "  "
      << padded("ACTUAL", 16, true) << "  " << padded("VARIANCE", 16, true) << "\n";
  for (const ReconcileRow &row : result.rows)
    out << padded(row.model, 48) << "  " << padded(formatUsdExact(row.scenarioUsd), 16, true)
        << "  " << padded(formatUsdExact(row.actualUsd), 16, true) << "  "
        << padded(formatUsdExact(row.varianceUsd()), 16, true) << "  "
        << padded(row.scenarioUsd > 0 ? formatPercent(row.varianceUsd() / row.scenarioUsd) : "new",
                  8, true)
        << "\n";
  out << padded("Total", 48) << "  " << padded(formatUsdExact(result.scenarioGrossUsd), 16, true)
      << "  " << padded(formatUsdExact(result.actualUsd), 16, true) << "  "
      << padded(formatUsdExact(result.actualUsd - result.scenarioGrossUsd), 16, true)
      << "\n\nDiscount: scenario " << formatUsdExact(result.scenarioDiscountUsd) << ", bill "
      << formatUsdExact(result.actualDiscountUsd) << "\n";
  if (result.groupBy) {
    out << "\nBy " << *result.groupBy
        << " (the scenario's side: each workload's team, or its name):\n\n"
        << padded("KEY", 48) << "  " << padded("SCENARIO", 16, true) << "  "
        << padded("ACTUAL", 16, true) << "  " << padded("VARIANCE", 16, true) << "\n";
    for (const ReconcileKeyRow &row : result.keys)
      out << padded(row.key, 48) << "  " << padded(formatUsdExact(row.scenarioUsd), 16, true)
          << "  " << padded(formatUsdExact(row.actualUsd), 16, true) << "  "
          << padded(formatUsdExact(row.varianceUsd()), 16, true) << "  "
          << padded(row.scenarioUsd > 0 ? formatPercent(row.varianceUsd() / row.scenarioUsd)
                                        : "new",
                    8, true)
          << "\n";
  }
  skippedText(billTally, out);
  return out.str();
}

} // namespace bwi::core
