#include "tests/core/testsupport.h"

#include "core/cost/preparedscenario.h"
#include "core/forecast/forecast.h"
#include "core/report/workbookexport.h"

#include <filesystem>
#include <fstream>
#include <random>

using namespace bwi;
using test::closeTo;
using test::near;

namespace {

struct Example {
  core::LoadedScenario loaded;
  core::PreparedScenario prepared;
};

Example example() {
  const core::ScenarioLoadResult load = core::loadExampleScenario();
  REQUIRE(load.loaded);
  return {*load.loaded, core::prepareScenario(load.loaded->scenario, load.loaded->card)};
}

core::WorkbookTables tablesOf(const Example &e, int month = 0) {
  return core::workbookTables(e.loaded.scenario, e.loaded.card, e.prepared,
                              core::evaluate(e.prepared, month), core::forecast(e.prepared));
}

std::filesystem::path scratchFolder() {
  std::random_device random;
  const auto folder = std::filesystem::temp_directory_path() /
                      ("bwi-workbook-" + std::to_string(random() % 1000000000));
  std::filesystem::create_directories(folder);
  return folder;
}

std::size_t lineCount(const std::string &csv) {
  std::size_t lines = 0;
  for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2))
    ++lines;
  return lines;
}

} // namespace

TEST_CASE("Per-flow costs add up to each workload's show-back by mode", "[core][workbook]") {
  const Example e = example();
  const int month = GENERATE(0, 3, 11);
  const double scale = GENERATE(0.3, 1.0, 4.0);
  const core::Evaluation evaluation = core::evaluate(e.prepared, month, {scale, false});
  const std::vector<core::FlowCost> costs = core::flowCosts(e.prepared, evaluation);
  const core::PreparedSegment &segment = e.prepared.segment(month);
  REQUIRE(costs.size() == segment.flows.size());
  double total = 0;
  for (const core::NamedCost &named : evaluation.byWorkload) {
    if (named.key == core::kUnallocatedKey) {
      total += named.usd;
      continue;
    }
    core::ModeBreakdown mine;
    for (std::size_t f = 0; f < costs.size(); ++f) {
      const core::PreparedFlow &flow = segment.flows[f];
      if (e.prepared.workloads[flow.workload].id != named.key)
        continue;
      (flow.batchOnDemand ? mine.onDemand : mine.batch) += costs[f].batchUsd;
      mine.onDemand += costs[f].realtimeOnDemandUsd;
      mine.overflow += costs[f].overflowUsd;
      mine.provisioned += costs[f].provisionedUsd;
      mine.reserved += costs[f].reservedUsd;
      total += costs[f].totalUsd();
    }
    INFO(named.key << " month " << month << " scale " << scale);
    CHECK_THAT(mine.onDemand, closeTo(named.modes.onDemand));
    CHECK_THAT(mine.batch, closeTo(named.modes.batch));
    CHECK_THAT(mine.overflow, closeTo(named.modes.overflow));
    CHECK_THAT(mine.provisioned, closeTo(named.modes.provisioned));
    CHECK_THAT(mine.reserved, closeTo(named.modes.reserved));
  }
  // The meters are rows of their own (a workload's, not a flow's).
  CHECK_THAT(total, closeTo(evaluation.grossUsd - evaluation.byMode.meters));
}

TEST_CASE("The workbook's tables hold one row per flow, per model and per month",
          "[core][workbook]") {
  const Example e = example();
  const core::WorkbookTables tables = tablesOf(e);
  CHECK(tables.inputs.rows.size() == e.prepared.segment(0).flows.size());
  CHECK(tables.rates.rows.size() == e.prepared.segment(0).models.size());
  CHECK(tables.forecast.rows.size() == static_cast<std::size_t>(e.loaded.scenario.forecast.months));
  for (const core::SheetTable *table :
       {&tables.inputs, &tables.rates, &tables.monthly, &tables.forecast}) {
    INFO(table->name);
    CHECK(table->widths.size() == table->headers.size());
    for (const auto &row : table->rows)
      CHECK(row.size() == table->headers.size());
  }
  SECTION("the example's quantiles give the forecast its p10, p50 and p90 columns") {
    // Month, gross, discount, net, commit retired, the example's meters,
    // p10-p90, then the support workload's cost per ticket.
    CHECK(tables.forecast.headers.size() == 10);
    CHECK(tables.forecast.headers[8] == "Net p90");
    CHECK(tables.forecast.headers.back() == "Cost per ticket (support-rag)");
  }
  SECTION("negotiated overrides are marked on the rates") {
    bool marked = false;
    for (const auto &row : tables.rates.rows)
      marked = marked || row.back().text.find("reserved") != std::string::npos;
    CHECK(marked);
  }
}

TEST_CASE("The Monthly sheet's total is the program's gross, in formulas", "[core][workbook]") {
  const Example e = example();
  const int month = GENERATE(0, 5);
  const core::Evaluation evaluation = core::evaluate(e.prepared, month);
  const core::WorkbookTables tables = core::workbookTables(
      e.loaded.scenario, e.loaded.card, e.prepared, evaluation, core::forecast(e.prepared));
  const auto &rows = tables.monthly.rows;
  const auto total = std::find_if(rows.begin(), rows.end(),
                                  [](const auto &row) { return row[0].text == "Total"; });
  REQUIRE(total != rows.end());
  const core::SheetCell &sum = total->back();
  CHECK(sum.formula.starts_with("=SUM(L2:L"));
  REQUIRE(sum.number);
  CHECK_THAT(*sum.number, closeTo(evaluation.grossUsd));
  // Each flow's on-demand and batch cells are formulas over Inputs and Rates.
  const core::SheetCell &onDemand = rows[0][5];
  CHECK(onDemand.formula.find("Inputs!I2*Rates!C2") != std::string::npos);
  CHECK(rows[0][6].formula.find("Rates!E2") != std::string::npos);
}

TEST_CASE("CSV follows RFC 4180", "[core][workbook]") {
  core::SheetTable table;
  table.headers = {"a", "b", "c"};
  table.rows.push_back({{"x,y"}, {"say \"hi\""}, {{}, 2.5}});
  table.rows.push_back({{"two\nlines"}, {}, {{}, 2e6}});
  CHECK(core::tableCsv(table) ==
        "a,b,c\r\n\"x,y\",\"say \"\"hi\"\"\",2.5\r\n\"two\nlines\",,2000000\r\n");
}

TEST_CASE("Each table exports as CSV with a header and one line per row", "[core][workbook]") {
  const Example e = example();
  const core::WorkbookTables tables = tablesOf(e);
  CHECK(lineCount(core::workloadsCsv(tables)) == 1 + e.prepared.segment(0).flows.size());
  CHECK(lineCount(core::ratesCsv(tables)) == 1 + e.prepared.segment(0).models.size());
  CHECK(lineCount(core::monthlyCsv(tables)) == 1 + tables.monthly.rows.size());
  CHECK(lineCount(core::forecastCsv(tables)) == 1 + tables.forecast.rows.size());
  CHECK(core::workloadsCsv(tables).starts_with("Workload,Name,Team,Model,Requests / month"));
}

TEST_CASE("The workbook is written whole or not at all", "[core][workbook]") {
  const Example e = example();
  const core::WorkbookTables tables = tablesOf(e);
  const std::filesystem::path folder = scratchFolder();
  SECTION("a writable folder gets an .xlsx (a zip) and no temporary file") {
    const auto out = folder / "figures.xlsx";
    const core::WriteResult result = core::writeWorkbook(tables, out);
    CHECK(result.ok);
    std::ifstream file(out, std::ios::binary);
    char magic[2] = {};
    file.read(magic, 2);
    CHECK(std::string(magic, 2) == "PK");
    CHECK(std::distance(std::filesystem::directory_iterator(folder),
                        std::filesystem::directory_iterator()) == 1);
  }
  SECTION("a missing folder fails with a message naming the file and leaves nothing") {
    const auto out = folder / "missing" / "figures.xlsx";
    const core::WriteResult result = core::writeWorkbook(tables, out);
    CHECK_FALSE(result.ok);
    CHECK(result.message.find(out.string()) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(folder / "missing"));
    const core::WriteResult csv =
        core::writeTableCsv(tables, "monthly", folder / "missing" / "m.csv");
    CHECK_FALSE(csv.ok);
    CHECK(csv.message.find("m.csv") != std::string::npos);
    CHECK(std::filesystem::is_empty(folder));
  }
  SECTION("an unknown table is refused") {
    CHECK_FALSE(core::writeTableCsv(tables, "pies", folder / "p.csv").ok);
    CHECK(std::filesystem::is_empty(folder));
  }
  std::filesystem::remove_all(folder);
}

TEST_CASE("Fallback batch, idle commitments and a late start keep the total at gross",
          "[core][workbook]") {
  // nobatch bills its batch share on demand; the reservation on "res" serves
  // nothing (unallocated); the PT commitment on "pt" starts in month 2.
  const core::LoadedScenario loaded = test::load(test::scenarioJson(
      R"([{ "id": "a", "requests_per_month": 100000, "batch_share": 0.5,
            "tokens": { "system": 1000, "output": 100 },
            "caching": { "cacheable_prefix": 800, "hit_rate": 0.5 },
            "routing": { "nobatch": 0.5, "pt": 0.5 } },
          { "id": "b", "team": "Ops", "requests_per_month": 438000, "service_tier": "priority",
            "tokens": { "system": 500, "output": 50 }, "profile": "business_hours",
            "routing": { "plain": 0.4, "pt": 0.6 } }])",
      R"("provisioned": [{ "model": "pt", "model_units": 1, "term": "one_month",
                           "start_month": 2 }],
         "reserved": [{ "model": "res", "input_tpm": 2000, "output_tpm": 100,
                        "term": "one_month" }])"));
  const core::PreparedScenario prepared = core::prepareScenario(loaded.scenario, loaded.card);
  const int month = GENERATE(0, 2);
  const core::Evaluation evaluation = core::evaluate(prepared, month);
  const core::WorkbookTables tables = core::workbookTables(loaded.scenario, loaded.card, prepared,
                                                           evaluation, core::forecast(prepared));
  const auto &rows = tables.monthly.rows;
  const auto find = [&](const std::string &label) {
    return std::find_if(rows.begin(), rows.end(),
                        [&](const auto &row) { return row[0].text == label; });
  };
  REQUIRE(find(core::kUnallocatedKey) != rows.end());
  REQUIRE(find("Total") != rows.end());
  CHECK_THAT(*find("Total")->back().number, closeTo(evaluation.grossUsd));
  // The nobatch flow's batch share is priced with the on-demand bracket.
  CHECK(rows[0][6].formula.find("Rates!C") != std::string::npos);
  CHECK(rows[0][6].formula.find("Rates!E") == std::string::npos);
  CHECK(tables.inputs.rows[0][14].text == "yes");
  CHECK(tables.inputs.rows[1][15].text == (month >= 2 ? "provisioned" : "on demand"));
}
