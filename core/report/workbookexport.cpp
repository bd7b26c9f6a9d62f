#include "core/report/workbookexport.h"

#include "core/cost/monthtraffic.h"
#include "core/files/ratecardoverrides.h"

#include <xlsxwriter.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <system_error>

namespace bwi::core {
namespace {

enum class Billing { OnDemand, Provisioned, Reserved };

Billing billing(const PreparedModel &model, int month) {
  if (provisionedActive(model, month))
    return Billing::Provisioned;
  if (reservedActive(model, month))
    return Billing::Reserved;
  return Billing::OnDemand;
}

std::string billingName(Billing value) {
  switch (value) {
  case Billing::Provisioned:
    return "provisioned";
  case Billing::Reserved:
    return "reserved";
  case Billing::OnDemand:
    break;
  }
  return "on demand";
}

// Excel's column letters for a 0-based column (the tables stay under 26).
std::string column(int index) { return std::string(1, static_cast<char>('A' + index)); }
std::string cell(int columnIndex, int row) { return column(columnIndex) + std::to_string(row); }

SheetCell text(std::string value, bool emphasis = false) {
  return {std::move(value), std::nullopt, {}, CellStyle::Plain, emphasis, {}};
}
SheetCell number(double value, CellStyle style, bool emphasis = false) {
  return {{}, value, {}, style, emphasis, {}};
}
SheetCell optionalNumber(const std::optional<double> &value, CellStyle style,
                         bool emphasis = false) {
  return value ? number(*value, style, emphasis) : SheetCell{};
}
SheetCell formula(std::string expression, double cached, CellStyle style, bool emphasis = false) {
  return {{}, cached, std::move(expression), style, emphasis, {}};
}
std::string yesNo(bool value) { return value ? "yes" : "no"; }

double cacheWritePrice(const ModelRates &rates, const std::optional<Caching> &caching) {
  if (!rates.cache)
    return 0;
  if (caching && caching->ttl == CacheTtl::OneHour)
    return rates.cache->write1hPer1m.value_or(0);
  return rates.cache->writePer1m.value_or(0);
}

// Inputs columns (0-based).
enum InputColumn {
  kInWorkload,
  kInName,
  kInTeam,
  kInModel,
  kInRequests,
  kInShare,
  kInBatchShare,
  kInInput,
  kInUncached,
  kInCacheRead,
  kInCacheWrite,
  kInOutput,
  kInTier,
  kInWritePrice,
  kInBatchFallback,
  kInBilling,
  kInLongInput, // long-context multipliers (1 where the flow is not long, docs/cost-model.md §11)
  kInLongOutput
};
// Rates columns.
enum RateColumn {
  kRaModel,
  kRaName,
  kRaInput,
  kRaOutput,
  kRaBatchInput,
  kRaBatchOutput,
  kRaCacheRead,
  kRaCacheWrite,
  kRaCacheWrite1h,
  kRaMarketplace,
  kRaSource,
  kRaSourceDate,
  kRaAsOf,
  kRaOverridden
};
// Monthly columns.
enum MonthlyColumn {
  kMoWorkload,
  kMoModel,
  kMoBilling,
  kMoRealtime,
  kMoBatchRequests,
  kMoOnDemand,
  kMoBatch,
  kMoOverflow,
  kMoProvisioned,
  kMoReserved,
  kMoMeters,
  kMoTotal
};
// Meters columns.
enum MeterColumn {
  kMeWorkload,
  kMeKind,
  kMeName,
  kMeUnit,
  kMePerRequest,
  kMePerMonth,
  kMeRequests,
  kMeQuantity,
  kMeRate,
  kMeRateSource,
  kMeSource,
  kMeSourceDate,
  kMeEstimate
};

SheetTable inputsTable(const Scenario &scenario, const PreparedScenario &prepared,
                       const MonthTraffic &traffic, int month) {
  SheetTable table;
  table.name = "Inputs";
  table.headers = {"Workload",
                   "Name",
                   "Team",
                   "Model",
                   "Requests / month",
                   "Routing share",
                   "Batch share",
                   "Input tokens / request (I)",
                   "Uncached input (UI)",
                   "Cache read (CR)",
                   "Cache write (CW)",
                   "Output (O)",
                   "Tier multiplier",
                   "Cache write $ / 1M (TTL)",
                   "Batch billed on demand",
                   "Billing",
                   "Long-context input x",
                   "Long-context output x"};
  table.widths = {18, 26, 14, 40, 16, 12, 10, 14, 14, 12, 12, 12, 10, 14, 12, 12, 12, 12};
  const PreparedSegment &segment = prepared.segment(month);
  for (const PreparedFlow &flow : segment.flows) {
    const Workload &workload = scenario.workloads[flow.workload];
    const PreparedWorkload &pw = prepared.workloads[flow.workload];
    const ModelRates &rates = segment.models[flow.model].rates;
    const RequestTokens &t = flow.tokens;
    const bool longContext = flow.longContext && rates.longContext;
    table.rows.push_back(
        {text(pw.id), text(workload.name), text(pw.team), text(rates.id),
         number(traffic.workloadRequests[flow.workload], CellStyle::Count),
         number(flow.share, CellStyle::Share), number(pw.batchShare, CellStyle::Share),
         number(t.input, CellStyle::Tokens), number(t.uncachedInput, CellStyle::Tokens),
         number(t.cacheRead, CellStyle::Tokens), number(t.cacheWrite, CellStyle::Tokens),
         number(t.output, CellStyle::Tokens),
         number(rates.tierMultiplier(workload.serviceTier).value_or(1.0), CellStyle::Plain),
         number(cacheWritePrice(rates, workload.caching), CellStyle::RatePer1m),
         text(yesNo(flow.batchOnDemand)),
         text(billingName(billing(segment.models[flow.model], month))),
         number(longContext ? rates.longContext->inputMultiplier : 1.0, CellStyle::Plain),
         number(longContext ? rates.longContext->outputMultiplier : 1.0, CellStyle::Plain)});
  }
  return table;
}

SheetTable ratesTable(const Scenario &scenario, const RateCard &card,
                      const PreparedScenario &prepared, int month) {
  SheetTable table;
  table.name = "Rates";
  table.headers = {"Model",
                   "Name",
                   "On-demand input $ / 1M",
                   "On-demand output $ / 1M",
                   "Batch input $ / 1M",
                   "Batch output $ / 1M",
                   "Cache read $ / 1M",
                   "Cache write 5m $ / 1M",
                   "Cache write 1h $ / 1M",
                   "Marketplace",
                   "Source",
                   "Source date",
                   "Rate card as of",
                   "Negotiated overrides"};
  table.widths = {40, 26, 14, 14, 14, 14, 14, 14, 14, 12, 50, 12, 14, 40};
  const auto &overrides = scenario.ratecardOverrides;
  // The month's card: its price changes in force (docs/cost-model.md §13.3).
  for (const PreparedModel &model : prepared.segment(month).models) {
    const ModelRates &rates = model.rates;
    const auto overridden = [&](const char *field) {
      return isOverridden(overrides, rates.id, field);
    };
    std::string note;
    for (const char *field :
         {"on_demand.input_per_1m", "on_demand.output_per_1m", "batch.input_per_1m",
          "batch.output_per_1m", "cache.read_per_1m", "cache.write_per_1m", "cache.write_1h_per_1m",
          "marketplace", "provisioned", "reserved"})
      if (overridden(field))
        note += (note.empty() ? "" : "; ") + std::string(field);
    // A dated card: say which price change the month's prices come from.
    if (!rates.inForceFrom.empty())
      note +=
          (note.empty() ? "" : "; ") + std::string("prices as changed from ") + rates.inForceFrom;
    const auto price = [&](std::optional<double> value, const char *field) {
      SheetCell result = optionalNumber(value, CellStyle::RatePer1m, overridden(field));
      if (result.emphasis && result.number)
        result.comment = "negotiated override (ratecard_overrides)";
      return result;
    };
    std::optional<double> batchIn, batchOut, read, write, write1h;
    if (rates.batch) {
      batchIn = rates.batch->inputPer1m;
      batchOut = rates.batch->outputPer1m;
    }
    if (rates.cache) {
      read = rates.cache->readPer1m;
      write = rates.cache->writePer1m;
      write1h = rates.cache->write1hPer1m;
    }
    if (model.unpriced) {
      // No price: empty price cells, which the Monthly formulas read as 0,
      // and a note that says so (docs/cost-model.md §21).
      std::vector<SheetCell> cells(table.headers.size());
      cells[0] = text(rates.id);
      cells[1] = text("NO PRICE: not in the rate card", true);
      cells[table.headers.size() - 1] =
          text("no price: its traffic is left out of every total; map it to a card model or "
               "type a price",
               true);
      table.rows.push_back(std::move(cells));
      continue;
    }
    table.rows.push_back(
        {text(rates.id), text(rates.name),
         price(rates.onDemand.inputPer1m, "on_demand.input_per_1m"),
         price(rates.onDemand.outputPer1m, "on_demand.output_per_1m"),
         price(batchIn, "batch.input_per_1m"), price(batchOut, "batch.output_per_1m"),
         price(read, "cache.read_per_1m"), price(write, "cache.write_per_1m"),
         price(write1h, "cache.write_1h_per_1m"), text(yesNo(rates.marketplace)),
         text(rates.source), text(rates.sourceDate), text(card.asOf), text(note, !note.empty())});
  }
  return table;
}

// Each meter's quantity as a formula over its per-request and per-month
// figures and the workload's requests; the rate with where it comes from.
SheetTable metersTable(const PreparedScenario &prepared, const Evaluation &month0,
                       const MonthTraffic &traffic) {
  SheetTable table;
  table.name = "Meters";
  table.headers = {"Workload",
                   "Kind",
                   "Name",
                   "Unit",
                   "Per request",
                   "Per month (floor)",
                   "Requests / month",
                   "Quantity / month",
                   "$ per unit",
                   "Rate from",
                   "Source",
                   "Source date",
                   "Estimate"};
  table.widths = {18, 36, 36, 16, 12, 14, 16, 16, 12, 10, 50, 14, 10};
  const int firstRow = 2;
  for (std::size_t i = 0; i < prepared.meters.size() && i < month0.meters.size(); ++i) {
    const PreparedMeter &meter = prepared.meters[i];
    const int row = firstRow + static_cast<int>(i);
    SheetCell rate = number(meter.usdPerUnit, CellStyle::UnitPrice, meter.typedRate);
    if (meter.typedRate)
      rate.comment = "typed in the scenario (a negotiated or custom rate)";
    table.rows.push_back({text(prepared.workloads[meter.workload].id), text(meter.kind),
                          text(meter.name), text(meter.unit),
                          number(meter.perRequest, CellStyle::Plain),
                          number(meter.perMonth, CellStyle::Plain),
                          number(traffic.workloadRequests[meter.workload], CellStyle::Count),
                          formula("=" + cell(kMePerRequest, row) + "*" + cell(kMeRequests, row) +
                                      "+" + cell(kMePerMonth, row),
                                  month0.meters[i].quantity, CellStyle::Tokens),
                          std::move(rate), text(meter.typedRate ? "typed" : "card"),
                          text(meter.source), text(meter.sourceDate), text(yesNo(meter.estimate))});
  }
  return table;
}

// The on-demand price bracket of a flow's request, per 1M tokens, in cells:
// input-side prices times the long-context input multiplier, output times
// the output one (docs/cost-model.md §11), then the tier.
std::string onDemandBracket(int inputRow, int rateRow) {
  const auto in = [&](int c) { return "Inputs!" + cell(c, inputRow); };
  const auto rate = [&](int c) { return "Rates!" + cell(c, rateRow); };
  return "((" + in(kInUncached) + "*" + rate(kRaInput) + "+" + in(kInCacheRead) + "*" +
         rate(kRaCacheRead) + "+" + in(kInCacheWrite) + "*" + in(kInWritePrice) + ")*" +
         in(kInLongInput) + "+" + in(kInOutput) + "*" + rate(kRaOutput) + "*" + in(kInLongOutput) +
         ")*" + in(kInTier) + "/1000000";
}

SheetTable monthlyTable(const PreparedScenario &prepared, const Evaluation &month0,
                        const MonthTraffic &traffic, const std::vector<FlowCost> &costs,
                        const SheetTable &meters) {
  SheetTable table;
  table.name = "Monthly";
  table.headers = {"Workload",
                   "Model",
                   "Billing",
                   "Real-time requests",
                   "Batch requests",
                   "Real-time on demand",
                   "Batch share",
                   "Overflow (on demand)",
                   "Provisioned (show-back)",
                   "Reserved (show-back)",
                   "Meters",
                   "Total"};
  table.widths = {18, 40, 12, 16, 16, 18, 16, 18, 18, 18, 18, 18};
  const int firstRow = 2;
  const PreparedSegment &segment = prepared.segment(month0.month);
  for (std::size_t f = 0; f < segment.flows.size(); ++f) {
    const PreparedFlow &flow = segment.flows[f];
    const FlowCost &cost = costs[f];
    const int row = firstRow + static_cast<int>(f);
    const int rateRow = firstRow + flow.model;
    const Billing mode = billing(segment.models[flow.model], month0.month);
    const auto in = [&](int c) { return "Inputs!" + cell(c, row); };
    const auto rate = [&](int c) { return "Rates!" + cell(c, rateRow); };

    SheetCell onDemand;
    if (mode == Billing::OnDemand)
      onDemand = formula("=" + cell(kMoRealtime, row) + "*" + onDemandBracket(row, rateRow),
                         cost.realtimeOnDemandUsd, CellStyle::Money);
    else if (mode == Billing::Reserved) // cache reads stay on demand under a reservation
      onDemand =
          formula("=" + cell(kMoRealtime, row) + "*" + in(kInCacheRead) + "*" + rate(kRaCacheRead) +
                      "*" + in(kInLongInput) + "*" + in(kInTier) + "/1000000",
                  cost.realtimeOnDemandUsd, CellStyle::Money);
    else
      onDemand = number(cost.realtimeOnDemandUsd, CellStyle::Money);
    const std::string batchFormula =
        flow.batchOnDemand
            ? "=" + cell(kMoBatchRequests, row) + "*" + onDemandBracket(row, rateRow)
            : "=" + cell(kMoBatchRequests, row) + "*(" + in(kInInput) + "*" + rate(kRaBatchInput) +
                  "*" + in(kInLongInput) + "+" + in(kInOutput) + "*" + rate(kRaBatchOutput) + "*" +
                  in(kInLongOutput) + ")/1000000";
    const FlowMonth &volume = traffic.flows[f];
    const bool unpriced = segment.models[flow.model].unpriced;
    table.rows.push_back(
        {text(prepared.workloads[flow.workload].id), text(segment.models[flow.model].rates.id),
         unpriced ? text("NO PRICE (not in the totals)", true) : text(billingName(mode)),
         formula("=" + in(kInRequests) + "*(1-" + in(kInBatchShare) + ")*" + in(kInShare),
                 volume.realtimeRequests, CellStyle::Count),
         formula("=" + in(kInRequests) + "*" + in(kInBatchShare) + "*" + in(kInShare),
                 volume.batchRequests, CellStyle::Count),
         onDemand, formula(batchFormula, cost.batchUsd, CellStyle::Money),
         number(cost.overflowUsd, CellStyle::Money), number(cost.provisionedUsd, CellStyle::Money),
         number(cost.reservedUsd, CellStyle::Money), SheetCell{},
         formula("=SUM(" + cell(kMoOnDemand, row) + ":" + cell(kMoMeters, row) + ")",
                 cost.totalUsd(), CellStyle::Money)});
  }
  // Commitment charges that served no workload (docs/cost-model.md §10.1).
  for (const NamedCost &named : month0.byWorkload) {
    if (named.key != kUnallocatedKey)
      continue;
    const int row = firstRow + static_cast<int>(table.rows.size());
    std::vector<SheetCell> cells(table.headers.size());
    cells[kMoWorkload] = text(kUnallocatedKey);
    cells[kMoBilling] = text("commitment idle");
    cells[kMoOnDemand] = number(named.modes.onDemand, CellStyle::Money);
    cells[kMoBatch] = number(named.modes.batch, CellStyle::Money);
    cells[kMoOverflow] = number(named.modes.overflow, CellStyle::Money);
    cells[kMoProvisioned] = number(named.modes.provisioned, CellStyle::Money);
    cells[kMoReserved] = number(named.modes.reserved, CellStyle::Money);
    cells[kMoTotal] = formula("=SUM(" + cell(kMoOnDemand, row) + ":" + cell(kMoMeters, row) + ")",
                              named.modes.total(), CellStyle::Money);
    table.rows.push_back(std::move(cells));
  }
  // Each meter: quantity × rate over the Meters sheet, a workload's own spend.
  for (std::size_t i = 0; i < month0.meters.size() && i < meters.rows.size(); ++i) {
    const MeterResult &meter = month0.meters[i];
    const int row = firstRow + static_cast<int>(table.rows.size());
    const int meterRow = 2 + static_cast<int>(i);
    std::vector<SheetCell> cells(table.headers.size());
    cells[kMoWorkload] = text(meter.workloadId);
    cells[kMoModel] = text(meter.name);
    cells[kMoBilling] = text("meter");
    cells[kMoMeters] =
        formula("=Meters!" + cell(kMeQuantity, meterRow) + "*Meters!" + cell(kMeRate, meterRow),
                meter.costUsd, CellStyle::Money);
    cells[kMoTotal] = formula("=SUM(" + cell(kMoOnDemand, row) + ":" + cell(kMoMeters, row) + ")",
                              meter.costUsd, CellStyle::Money);
    table.rows.push_back(std::move(cells));
  }

  const int lastRow = firstRow + static_cast<int>(table.rows.size()) - 1;
  const int totalRow = lastRow + 1;
  std::vector<SheetCell> totals(table.headers.size());
  totals[kMoWorkload] = text("Total", true);
  for (int c = kMoRealtime; c <= kMoTotal; ++c) {
    double sum = 0;
    for (const auto &cells : table.rows)
      sum += cells[c].number.value_or(0);
    totals[c] = formula("=SUM(" + cell(c, firstRow) + ":" + cell(c, lastRow) + ")", sum,
                        c < kMoOnDemand ? CellStyle::Count : CellStyle::Money, true);
  }
  const double workbookTotal = totals[kMoTotal].number.value_or(0);
  table.rows.push_back(std::move(totals));

  const auto summary = [&](const std::string &label, SheetCell value) {
    std::vector<SheetCell> cells(table.headers.size());
    cells[kMoWorkload] = text(label, true);
    cells[kMoTotal] = std::move(value);
    table.rows.push_back(std::move(cells));
  };
  table.rows.emplace_back(table.headers.size()); // a blank row
  const int grossRow = totalRow + 2;
  summary("Gross (program)", number(month0.grossUsd, CellStyle::Money, true));
  summary("Workbook total - program gross",
          formula("=" + cell(kMoTotal, totalRow) + "-" + cell(kMoTotal, grossRow),
                  workbookTotal - month0.grossUsd, CellStyle::Money));
  summary("Private-pricing discount (program)", number(month0.discountUsd, CellStyle::Money));
  summary("Net (program)", number(month0.netUsd, CellStyle::Money, true));
  summary("Commit retired (program)", number(month0.commitRetiredUsd, CellStyle::Money));
  summary("Month", number(month0.month, CellStyle::Plain));
  return table;
}

SheetTable forecastTable(const Forecast &forecast, bool meters) {
  SheetTable table;
  table.name = "Forecast";
  table.headers = {"Month", "Gross", "Discount", "Net", "Commit retired"};
  table.widths = {8, 16, 16, 16, 16};
  if (meters) {
    table.headers.emplace_back("Meters (gross)");
    table.widths.push_back(16);
  }
  bool quantiles = false;
  for (const ForecastMonth &month : forecast.months)
    quantiles = quantiles || month.netP10Usd || month.netP50Usd || month.netP90Usd;
  if (quantiles) {
    for (const char *header : {"Net p10", "Net p50", "Net p90"}) {
      table.headers.emplace_back(header);
      table.widths.push_back(16);
    }
  }
  // One column per workload that names a unit: its net cost per unit.
  if (!forecast.months.empty())
    for (const UnitCost &unit : forecast.months.front().unitCosts) {
      table.headers.push_back("Cost per " + unit.unit + " (" + unit.workloadId + ")");
      table.widths.push_back(20);
    }
  for (const ForecastMonth &month : forecast.months) {
    std::vector<SheetCell> cells = {
        number(month.month, CellStyle::Plain), number(month.grossUsd, CellStyle::Money),
        number(month.discountUsd, CellStyle::Money), number(month.netUsd, CellStyle::Money),
        number(month.commitRetiredUsd, CellStyle::Money)};
    if (meters)
      cells.push_back(number(month.grossModes.meters, CellStyle::Money));
    if (quantiles)
      for (const auto &value : {month.netP10Usd, month.netP50Usd, month.netP90Usd})
        cells.push_back(optionalNumber(value, CellStyle::Money));
    for (const UnitCost &unit : month.unitCosts)
      cells.push_back(optionalNumber(unit.costPerUnitUsd, CellStyle::UnitPrice));
    table.rows.push_back(std::move(cells));
  }
  return table;
}

std::string csvNumber(double value) {
  char buffer[64];
  const auto [end, error] =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  return error == std::errc{} ? std::string(buffer, end) : std::string();
}

std::string csvField(const std::string &value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos)
    return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"')
      quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

const char *numberFormat(CellStyle style) {
  switch (style) {
  case CellStyle::Money:
    return "$#,##0.00";
  case CellStyle::RatePer1m:
    return "$#,##0.0000";
  case CellStyle::UnitPrice:
    return "$#,##0.00###";
  case CellStyle::Share:
    return "0.00%";
  case CellStyle::Count:
    return "#,##0";
  case CellStyle::Tokens:
    return "#,##0.0";
  case CellStyle::Plain:
    break;
  }
  return nullptr;
}

class Formats {
public:
  explicit Formats(lxw_workbook *workbook) : m_workbook(workbook) {}
  lxw_format *get(CellStyle style, bool bold) {
    const auto key = std::make_pair(static_cast<int>(style), bold);
    if (auto found = m_formats.find(key); found != m_formats.end())
      return found->second;
    lxw_format *format = workbook_add_format(m_workbook);
    if (const char *pattern = numberFormat(style))
      format_set_num_format(format, pattern);
    if (bold)
      format_set_bold(format);
    m_formats[key] = format;
    return format;
  }

private:
  lxw_workbook *m_workbook;
  std::map<std::pair<int, bool>, lxw_format *> m_formats;
};

void writeSheet(lxw_workbook *workbook, Formats &formats, const SheetTable &table) {
  lxw_worksheet *sheet = workbook_add_worksheet(workbook, table.name.c_str());
  lxw_format *header = formats.get(CellStyle::Plain, true);
  for (std::size_t c = 0; c < table.headers.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    worksheet_write_string(sheet, 0, col, table.headers[c].c_str(), header);
    if (c < table.widths.size())
      worksheet_set_column(sheet, col, col, table.widths[c], nullptr);
  }
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
      const SheetCell &value = table.rows[r][c];
      const auto col = static_cast<lxw_col_t>(c);
      lxw_format *format = formats.get(value.style, value.emphasis);
      if (!value.formula.empty())
        worksheet_write_formula_num(sheet, row, col, value.formula.c_str(), format,
                                    value.number.value_or(0));
      else if (value.number)
        worksheet_write_number(sheet, row, col, *value.number, format);
      else if (!value.text.empty())
        worksheet_write_string(sheet, row, col, value.text.c_str(), format);
      if (!value.comment.empty())
        worksheet_write_comment(sheet, row, col, value.comment.c_str());
    }
  }
  worksheet_freeze_panes(sheet, 1, 0);
}

} // namespace

std::vector<FlowCost> flowCosts(const PreparedScenario &prepared, const Evaluation &evaluation) {
  // Request counts come from the month's traffic, money from the evaluation's
  // show-back: the workbook repeats none of the cost model.
  const MonthTraffic traffic = monthTraffic(prepared, evaluation.month, evaluation.volumeScale);
  const PreparedSegment &segment = prepared.segment(evaluation.month);
  std::vector<FlowCost> costs(segment.flows.size());
  for (std::size_t f = 0; f < segment.flows.size() && f < evaluation.flowModes.size(); ++f) {
    const PreparedFlow &flow = segment.flows[f];
    const FlowMonth &volume = traffic.flows[f];
    const ModeBreakdown &modes = evaluation.flowModes[f];
    FlowCost &cost = costs[f];
    cost.realtimeRequests = volume.realtimeRequests;
    cost.batchRequests = volume.batchRequests;
    // The batch share of a model without batch is billed on demand (10.5).
    const double batchOnDemand =
        flow.batchOnDemand ? volume.batchRequests * flow.onDemandUsd() : 0.0;
    cost.batchUsd = modes.batch + batchOnDemand;
    cost.realtimeOnDemandUsd = modes.onDemand - batchOnDemand;
    cost.overflowUsd = modes.overflow;
    cost.provisionedUsd = modes.provisioned;
    cost.reservedUsd = modes.reserved;
  }
  return costs;
}

WorkbookTables workbookTables(const Scenario &scenario, const RateCard &card,
                              const PreparedScenario &prepared, const Evaluation &month0,
                              const Forecast &forecast) {
  const MonthTraffic traffic = monthTraffic(prepared, month0.month, month0.volumeScale);
  const std::vector<FlowCost> costs = flowCosts(prepared, month0);
  WorkbookTables tables;
  tables.inputs = inputsTable(scenario, prepared, traffic, month0.month);
  tables.rates = ratesTable(scenario, card, prepared, month0.month);
  tables.meters = metersTable(prepared, month0, traffic);
  tables.monthly = monthlyTable(prepared, month0, traffic, costs, tables.meters);
  tables.forecast = forecastTable(forecast, !prepared.meters.empty());
  return tables;
}

std::string tableCsv(const SheetTable &table) {
  std::string csv;
  const auto line = [&csv](const std::vector<std::string> &fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0)
        csv += ',';
      csv += csvField(fields[i]);
    }
    csv += "\r\n";
  };
  line(table.headers);
  for (const auto &cells : table.rows) {
    std::vector<std::string> fields;
    for (const SheetCell &value : cells)
      fields.push_back(value.number ? csvNumber(*value.number) : value.text);
    fields.resize(table.headers.size());
    line(fields);
  }
  return csv;
}

std::string workloadsCsv(const WorkbookTables &tables) { return tableCsv(tables.inputs); }
std::string ratesCsv(const WorkbookTables &tables) { return tableCsv(tables.rates); }
std::string metersCsv(const WorkbookTables &tables) { return tableCsv(tables.meters); }
std::string monthlyCsv(const WorkbookTables &tables) { return tableCsv(tables.monthly); }
std::string forecastCsv(const WorkbookTables &tables) { return tableCsv(tables.forecast); }

WriteResult writeTableCsv(const WorkbookTables &tables, std::string_view table,
                          const std::filesystem::path &out) {
  const SheetTable *chosen = table == "workloads"  ? &tables.inputs
                             : table == "rates"    ? &tables.rates
                             : table == "meters"   ? &tables.meters
                             : table == "monthly"  ? &tables.monthly
                             : table == "forecast" ? &tables.forecast
                                                   : nullptr;
  if (!chosen)
    return {false, "no table named \"" + std::string(table) + "\""};
  return writeFileAtomically(out, tableCsv(*chosen));
}

WriteResult writeWorkbook(const WorkbookTables &tables, const std::filesystem::path &out) {
  const std::filesystem::path temporary = temporaryPathBeside(out);
  {
    // Fail here, quietly, where the folder cannot take the file (libxlsxwriter
    // would print its own error on closing).
    errno = 0;
    std::ofstream probe(temporary, std::ios::binary | std::ios::trunc);
    if (!probe)
      return {false, cannotWriteMessage(out, errno)};
  }
  lxw_workbook *workbook = workbook_new(temporary.string().c_str());
  std::error_code ignored;
  if (!workbook) {
    std::filesystem::remove(temporary, ignored);
    return {false, "cannot write " + out.string()};
  }
  Formats formats(workbook);
  for (const SheetTable *table :
       {&tables.inputs, &tables.rates, &tables.meters, &tables.monthly, &tables.forecast})
    writeSheet(workbook, formats, *table);
  const lxw_error status = workbook_close(workbook);
  if (status != LXW_NO_ERROR) {
    std::filesystem::remove(temporary, ignored);
    return {false, "cannot write " + out.string() + ": " + lxw_strerror(status)};
  }
  return replaceWithFile(temporary, out);
}

WriteResult writeWorkbook(const Scenario &scenario, const RateCard &card,
                          const PreparedScenario &prepared, const Evaluation &month0,
                          const Forecast &forecast, const std::filesystem::path &out) {
  return writeWorkbook(workbookTables(scenario, card, prepared, month0, forecast), out);
}

} // namespace bwi::core
