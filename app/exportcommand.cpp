#include "app/exportcommand.h"

#include "app/commandline.h"
#include "app/comparecommand.h"
#include "app/modelmaps.h"
#include "core/analysis/commitmentplanner.h"
#include "core/analysis/escalation.h"
#include "core/analysis/tornado.h"
#include "core/common/jsonwriter.h"
#include "core/cost/preparedscenario.h"
#include "core/files/scenariofile.h"
#include "core/forecast/forecast.h"
#include "core/forecast/uncertainty.h"
#include "core/report/onepager.h"
#include "core/report/workbenchfigures.h"
#include "core/report/workbookexport.h"
#include "ui/charts/escalationchartview.h"
#include "ui/export/chartexport.h"
#include "ui/export/meetingpack.h"

#include <QApplication>
#include <QDate>

#include <algorithm>
#include <optional>
#include <ostream>

namespace bwi::app {
namespace {

struct ExportLine {
  std::string scenarioPath;
  std::string chart;
  std::string out;
  std::string table; // --table, for a .csv
  int width = 1200;
  int height = 675;
  int month = 0;
  std::vector<std::string> compared; // --compare, for the waterfall and compare charts
  std::string workload;              // --workload, for the unit-cost and escalation charts
};

const char *const kTables[] = {"workloads", "rates", "meters", "monthly", "forecast"};

std::string tableNames(const char *separator) {
  std::string names;
  for (const char *name : kTables)
    names += (names.empty() ? "" : separator) + std::string(name);
  return names;
}

std::string lowerSuffix(const std::string &path) {
  return QString::fromStdString(path).section(QLatin1Char('.'), -1).toLower().toStdString();
}

// A workbook or a table rather than a chart.
bool isDataExport(const ExportLine &line) {
  const std::string suffix = lowerSuffix(line.out);
  return suffix == "xlsx" || suffix == "csv";
}

// The checks of --out FILE.xlsx and FILE.csv; false with `error` set.
bool checkDataExport(const ExportLine &line, std::string &error) {
  if (!line.chart.empty()) {
    error = "--chart draws an image: use --out FILE.png, .svg or .pdf, not \"" + line.out + "\"";
    return false;
  }
  if (lowerSuffix(line.out) == "xlsx") {
    if (!line.table.empty()) {
      error = "--table chooses the table of a .csv; a .xlsx holds every table";
      return false;
    }
    return true;
  }
  if (line.table.empty()) {
    error = "export to .csv needs --table " + tableNames("|");
    return false;
  }
  for (const char *name : kTables)
    if (line.table == name)
      return true;
  error = "--table must be one of " + tableNames(", ") + ", got \"" + line.table + "\"";
  return false;
}

std::optional<ExportLine> parse(const Arguments &arguments, std::string &error) {
  ExportLine line;
  std::vector<std::string> positional;
  OptionReader in(arguments);
  while (in.next()) {
    if (in.is("--chart") || in.is("--out") || in.is("--table") || in.is("--compare") ||
        in.is("--workload")) {
      std::string &text = in.is("--chart")      ? line.chart
                          : in.is("--out")      ? line.out
                          : in.is("--workload") ? line.workload
                                                : line.table;
      const bool compare = in.is("--compare");
      if (const auto value = in.value())
        (compare ? line.compared.emplace_back() : text) = *value;
    } else if (in.is("--width") || in.is("--height")) {
      int &size = in.is("--width") ? line.width : line.height;
      if (const auto number = in.wholeNumber(200, 10000))
        size = *number;
    } else if (in.is("--month")) {
      if (const auto month = in.wholeNumber(0, 1200))
        line.month = *month;
    } else if (in.isOption()) {
      in.unknownOption("export");
    } else {
      positional.push_back(in.word());
    }
  }
  if (in.failed()) {
    error = in.error();
    return std::nullopt;
  }
  if (positional.size() != 1) {
    error = "export takes one SCENARIO file";
    return std::nullopt;
  }
  line.scenarioPath = positional[0];
  if (line.out.empty()) {
    error = "export needs --out FILE.png, .svg, .pdf, .xlsx or .csv";
    return std::nullopt;
  }
  if (isDataExport(line)) {
    if (!checkDataExport(line, error))
      return std::nullopt;
    return line;
  }
  if (!line.table.empty()) {
    error = "--table applies to --out FILE.csv, not \"" + line.out + "\"";
    return std::nullopt;
  }
  if (line.chart.empty()) {
    error = "export needs --chart " + ui::chartKindNames().join(QLatin1Char('|')).toStdString() +
            " for an image, or --out FILE.xlsx or FILE.csv for the figures";
    return std::nullopt;
  }
  const auto kind = ui::chartKindFromName(QString::fromStdString(line.chart));
  if (!kind) {
    error = "--chart must be one of " +
            ui::chartKindNames().join(QStringLiteral(", ")).toStdString() + ", got \"" +
            line.chart + "\"";
    return std::nullopt;
  }
  if (!line.workload.empty() && *kind != ui::ChartKind::UnitCost &&
      *kind != ui::ChartKind::Escalation) {
    error = "--workload applies to --chart unit-cost and escalation";
    return std::nullopt;
  }
  if (!line.compared.empty() && !ui::isComparisonChart(*kind)) {
    error = "--compare applies to --chart waterfall and compare";
    return std::nullopt;
  }
  if (line.compared.size() + 1 > core::kMaxComparedScenarios) {
    error = "--compare takes 1 to 3 scenarios";
    return std::nullopt;
  }
  const QString suffix = QString::fromStdString(line.out).section(QLatin1Char('.'), -1).toLower();
  if (suffix != QLatin1String("png") && suffix != QLatin1String("svg") &&
      suffix != QLatin1String("pdf")) {
    error = "--out must end in .png, .svg, .pdf, .xlsx or .csv, got \"" + line.out + "\"";
    return std::nullopt;
  }
  return line;
}

// Charts need a QApplication but no screen.
void useOffscreenWithoutDisplay() {
  if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
      qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
    qputenv("QT_QPA_PLATFORM", "offscreen");
}

// The workbench leaves Monte Carlo to its caller; the charts and the
// pack show the fan when levers beside the volume are uncertain.
void addMonteCarloFan(core::Forecast &forecast, const core::PreparedScenario &prepared) {
  if (!core::leverDistributions(prepared.forecast).onlyVolume())
    core::addMonteCarloFan(forecast, prepared, 1.0, {});
}

// The workbook or one table as CSV: core only, no QApplication.
int runDataExport(const ExportLine &line, const core::LoadedScenario &loaded, std::ostream &err) {
  const core::PreparedScenario prepared = core::prepareScenario(loaded.scenario, loaded.card);
  const core::Evaluation month = core::evaluate(prepared, line.month);
  if (!core::allFinite(month)) {
    err << line.scenarioPath << ": " << core::overflowMessage(line.month) << "\n";
    return kInvalidInput;
  }
  const core::WorkbookTables tables =
      core::workbookTables(loaded.scenario, loaded.card, prepared, month, core::forecast(prepared));
  const core::WriteResult result = lowerSuffix(line.out) == "xlsx"
                                       ? core::writeWorkbook(tables, line.out)
                                       : core::writeTableCsv(tables, line.table, line.out);
  if (!result.ok) {
    err << "bedrock-whatif: " << result.message << "\n";
    return kInvalidInput;
  }
  return kSuccess;
}

// QApplication keeps a reference to argc for its lifetime.
int g_argc = 1;
char g_name[] = "bedrock-whatif";
char *g_argv[] = {g_name, nullptr};

std::optional<core::LoadedScenario> loadOrSay(const std::string &path, std::ostream &err) {
  core::ScenarioLoadResult load = loadMappedScenario(path);
  if (!load.loaded) {
    err << load.report();
    return std::nullopt;
  }
  err << load.unknownFieldsReport();
  return std::move(load.loaded);
}

} // namespace

int runReportCommand(const Arguments &arguments, std::ostream &out, std::ostream &err) {
  std::string scenarioPath, pdf;
  bool json = false;
  OptionReader in(arguments);
  while (in.next()) {
    if (in.is("--out")) {
      if (const auto value = in.value())
        pdf = *value;
    } else if (in.is("--json")) {
      json = true;
    } else if (in.isOption()) {
      in.unknownOption("report");
    } else if (scenarioPath.empty()) {
      scenarioPath = in.word();
    } else {
      in.fail("report takes one SCENARIO file");
    }
  }
  if (!in.failed() && (scenarioPath.empty() || (!pdf.ends_with(".pdf") && !(json && pdf.empty()))))
    in.fail("report needs a SCENARIO and --out FILE.pdf or --json");
  if (in.failed())
    return usageError(err, in.error(), "report");
  const auto loaded = loadOrSay(scenarioPath, err);
  if (!loaded)
    return kInvalidInput;
  const core::PreparedScenario prepared = core::prepareScenario(loaded->scenario, loaded->card);
  core::WorkbenchFigures workbench = core::computeWorkbenchFigures(prepared, {}, std::nullopt);
  if (!core::allFinite(workbench.evaluation)) {
    err << scenarioPath << ": " << core::overflowMessage(0) << "\n";
    return kInvalidInput;
  }
  if (pdf.empty()) {
    // The first page's figures alone: no Qt, no fan (the one-pager reads the plan's months).
    const auto plan = core::planCommitments(prepared);
    core::OnePagerInputs inputs;
    inputs.scenario = &loaded->scenario;
    inputs.card = &loaded->card;
    inputs.prepared = &prepared;
    inputs.evaluation = &workbench.evaluation;
    inputs.forecast = &workbench.forecast;
    inputs.figures = &workbench.figures;
    inputs.plan = plan ? &*plan : nullptr;
    out << core::prettyJson(core::onePagerToJson(core::onePager(inputs))) << "\n";
    return kSuccess;
  }
  useOffscreenWithoutDisplay();
  QApplication application(g_argc, g_argv);
  addMonteCarloFan(workbench.forecast, prepared);
  const auto figures = ui::computePackFigures(loaded->scenario, loaded->card, workbench);
  const ui::ExportResult result =
      ui::writeMeetingPack(loaded->scenario, loaded->card, workbench, *figures,
                           QString::fromStdString(pdf), QDate::currentDate());
  if (!result.ok) {
    err << "bedrock-whatif: " << result.message.toStdString() << "\n";
    return kInvalidInput;
  }
  if (json)
    out << core::prettyJson(core::onePagerToJson(figures->onePager)) << "\n";
  return kSuccess;
}

int runExportCommand(const Arguments &arguments, std::ostream &, std::ostream &err) {
  std::string error;
  const auto line = parse(arguments, error);
  if (!line)
    return usageError(err, error, "export");
  const auto loaded = loadOrSay(line->scenarioPath, err);
  if (!loaded)
    return kInvalidInput;
  if (isDataExport(*line))
    return runDataExport(*line, *loaded, err);
  useOffscreenWithoutDisplay();
  QApplication application(g_argc, g_argv);
  const core::PreparedScenario prepared = core::prepareScenario(loaded->scenario, loaded->card);
  core::WorkbenchSelection selection;
  selection.month = line->month;
  core::WorkbenchFigures workbench =
      core::computeWorkbenchFigures(prepared, selection, std::nullopt);
  if (!core::allFinite(workbench.evaluation)) {
    err << line->scenarioPath << ": " << core::overflowMessage(line->month) << "\n";
    return kInvalidInput;
  }
  QString footer = ui::exportFooter(loaded->scenario, loaded->card, QDate::currentDate(),
                                    core::unpricedNote(workbench.evaluation));
  const ui::ChartKind kind = *ui::chartKindFromName(QString::fromStdString(line->chart));
  std::optional<core::Comparison> comparison;
  if (ui::isComparisonChart(kind)) {
    // Without --compare: the optimizer's proposal, the comparison a user asks for first.
    std::vector<std::string> paths = {line->scenarioPath};
    paths.insert(paths.end(), line->compared.begin(), line->compared.end());
    const auto inputs = loadComparisonInputs(paths, line->compared.empty(), line->month, {}, err);
    if (!inputs)
      return kInvalidInput;
    comparison = core::compareScenarios(*inputs, line->month);
    footer = ui::comparisonFooter(footer, *comparison);
  }
  // The window computes these off its GUI thread; here there is time to wait.
  std::optional<core::Tornado> tornado;
  std::optional<core::CommitmentPlan> plan;
  if (kind == ui::ChartKind::Forecast)
    addMonteCarloFan(workbench.forecast, prepared);
  if (kind == ui::ChartKind::Tornado) {
    core::TornadoOptions options;
    options.month = line->month;
    tornado = core::tornado(loaded->scenario, loaded->card, options);
  }
  if (kind == ui::ChartKind::Planner)
    plan = core::planCommitments(prepared);
  if (!line->workload.empty() && kind == ui::ChartKind::UnitCost &&
      std::none_of(workbench.unitCosts.begin(), workbench.unitCosts.end(),
                   [&](const core::UnitCostSeries &series) {
                     return series.workloadId == line->workload;
                   })) {
    err << line->scenarioPath << ": --workload " << line->workload
        << ": no workload of that id names a unit\n";
    return kInvalidInput;
  }
  // The exception path of --workload, else of the first workload that has one.
  std::optional<core::EscalationCurve> escalation;
  if (kind == ui::ChartKind::Escalation) {
    const std::string workload =
        line->workload.empty() ? ui::EscalationChartView::chartedWorkload(loaded->scenario, -1)
                               : line->workload;
    if (!workload.empty())
      escalation = core::escalationCurve(loaded->scenario, loaded->card, workload, line->month);
    if (!line->workload.empty() && !escalation) {
      err << line->scenarioPath << ": --workload " << line->workload
          << ": no workload of that id has an escalation (\"escalation\": {\"to\": MODEL, "
             "\"rate\": E})\n";
      return kInvalidInput;
    }
  }
  ui::ChartSource source = comparison ? ui::ChartSource(*comparison) : ui::ChartSource(workbench);
  source.unitWorkload = kind == ui::ChartKind::UnitCost ? line->workload : std::string();
  source.escalation = escalation ? &*escalation : nullptr;
  source.tornado = tornado ? &*tornado : nullptr;
  source.plan = plan ? &*plan : nullptr;
  const ui::ExportResult result = ui::exportChart(
      kind, source, footer, QString::fromStdString(line->out), QSize(line->width, line->height));
  if (!result.ok) {
    err << "bedrock-whatif: " << result.message.toStdString() << "\n";
    return kInvalidInput;
  }
  return kSuccess;
}

} // namespace bwi::app
