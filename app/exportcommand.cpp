#include "app/exportcommand.h"

#include "app/commandline.h"
#include "app/comparecommand.h"
#include "core/analysis/commitmentplanner.h"
#include "core/analysis/tornado.h"
#include "core/cost/preparedscenario.h"
#include "core/files/scenariofile.h"
#include "core/forecast/forecast.h"
#include "core/forecast/uncertainty.h"
#include "core/report/workbenchfigures.h"
#include "core/report/workbookexport.h"
#include "ui/export/chartexport.h"
#include "ui/export/meetingpack.h"

#include <QApplication>
#include <QDate>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <optional>

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
  std::string workload;              // --workload, for the unit-cost chart
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

std::optional<ExportLine> parse(const std::vector<std::string> &arguments, std::string &error) {
  ExportLine line;
  std::vector<std::string> positional;
  for (std::size_t i = 1; i < arguments.size(); ++i) {
    const std::string &word = arguments[i];
    const bool takesValue = word == "--chart" || word == "--out" || word == "--table" ||
                            word == "--width" || word == "--height" || word == "--month" ||
                            word == "--compare" || word == "--workload";
    if (takesValue && i + 1 >= arguments.size()) {
      error = word + " needs a value";
      return std::nullopt;
    }
    if (word == "--chart") {
      line.chart = arguments[++i];
    } else if (word == "--out") {
      line.out = arguments[++i];
    } else if (word == "--table") {
      line.table = arguments[++i];
    } else if (word == "--compare") {
      line.compared.push_back(arguments[++i]);
    } else if (word == "--workload") {
      line.workload = arguments[++i];
    } else if (word == "--width" || word == "--height" || word == "--month") {
      const auto number = parseWholeNumber(arguments[++i]);
      const int low = word == "--month" ? 0 : 200;
      const int high = word == "--month" ? 1200 : 10000;
      if (!number || *number < low || *number > high) {
        error = word + " must be a whole number from " + std::to_string(low) + " to " +
                std::to_string(high) + ", got \"" + arguments[i] + "\"";
        return std::nullopt;
      }
      (word == "--width" ? line.width : word == "--height" ? line.height : line.month) = *number;
    } else if (word.starts_with("--")) {
      error = "unknown option " + word + " for export";
      return std::nullopt;
    } else {
      positional.push_back(word);
    }
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
  if (!line.workload.empty() && *kind != ui::ChartKind::UnitCost) {
    error = "--workload applies to --chart unit-cost";
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
int runDataExport(const ExportLine &line, const core::LoadedScenario &loaded) {
  const core::PreparedScenario prepared = core::prepareScenario(loaded.scenario, loaded.card);
  const core::Evaluation month = core::evaluate(prepared, line.month);
  if (!core::allFinite(month)) {
    std::fprintf(stderr, "%s: month %d: the figures overflow (not finite numbers)\n",
                 line.scenarioPath.c_str(), line.month);
    return kInvalidInput;
  }
  const core::WorkbookTables tables =
      core::workbookTables(loaded.scenario, loaded.card, prepared, month, core::forecast(prepared));
  const core::WriteResult result = lowerSuffix(line.out) == "xlsx"
                                       ? core::writeWorkbook(tables, line.out)
                                       : core::writeTableCsv(tables, line.table, line.out);
  if (!result.ok) {
    std::fprintf(stderr, "bedrock-whatif: %s\n", result.message.c_str());
    return kInvalidInput;
  }
  return kSuccess;
}

} // namespace

int runReport(int argc, char **argv, const std::vector<std::string> &arguments) {
  std::string scenarioPath, out, error;
  for (std::size_t i = 1; i < arguments.size(); ++i) {
    if (arguments[i] == "--out" && i + 1 < arguments.size())
      out = arguments[++i];
    else if (arguments[i].starts_with("--"))
      error = "unknown option " + arguments[i] + " for report";
    else if (scenarioPath.empty())
      scenarioPath = arguments[i];
    else
      error = "report takes one SCENARIO file";
  }
  if (error.empty() && (scenarioPath.empty() || !out.ends_with(".pdf")))
    error = "report needs a SCENARIO and --out FILE.pdf";
  if (!error.empty()) {
    std::fprintf(stderr, "bedrock-whatif: %s\n\n%s", error.c_str(), usageText().c_str());
    return kUsageError;
  }
  const core::ScenarioLoadResult load = core::loadScenarioFile(scenarioPath);
  if (!load.loaded) {
    std::fputs(load.report().c_str(), stderr);
    return kInvalidInput;
  }
  std::fputs(load.unknownFieldsReport().c_str(), stderr);
  useOffscreenWithoutDisplay();
  QApplication application(argc, argv);
  const core::PreparedScenario prepared =
      core::prepareScenario(load.loaded->scenario, load.loaded->card);
  core::WorkbenchFigures workbench = core::computeWorkbenchFigures(prepared, {}, std::nullopt);
  addMonteCarloFan(workbench.forecast, prepared);
  if (!core::allFinite(workbench.evaluation)) {
    std::fprintf(stderr, "%s: the figures overflow (not finite numbers)\n", scenarioPath.c_str());
    return kInvalidInput;
  }
  const ui::ExportResult result =
      ui::writeMeetingPack(load.loaded->scenario, load.loaded->card, workbench,
                           QString::fromStdString(out), QDate::currentDate());
  if (!result.ok) {
    std::fprintf(stderr, "bedrock-whatif: %s\n", result.message.toStdString().c_str());
    return kInvalidInput;
  }
  return kSuccess;
}

int runExport(int argc, char **argv, const std::vector<std::string> &arguments) {
  std::string error;
  const auto line = parse(arguments, error);
  if (!line) {
    std::fprintf(stderr, "bedrock-whatif: %s\n\n%s", error.c_str(), usageText().c_str());
    return kUsageError;
  }
  const core::ScenarioLoadResult load = core::loadScenarioFile(line->scenarioPath);
  if (!load.loaded) {
    std::fputs(load.report().c_str(), stderr);
    return kInvalidInput;
  }
  std::fputs(load.unknownFieldsReport().c_str(), stderr);
  if (isDataExport(*line))
    return runDataExport(*line, *load.loaded);
  useOffscreenWithoutDisplay();
  QApplication application(argc, argv);
  const core::PreparedScenario prepared =
      core::prepareScenario(load.loaded->scenario, load.loaded->card);
  core::WorkbenchSelection selection;
  selection.month = line->month;
  core::WorkbenchFigures workbench =
      core::computeWorkbenchFigures(prepared, selection, std::nullopt);
  if (!core::allFinite(workbench.evaluation)) {
    std::fprintf(stderr, "%s: month %d: the figures overflow (not finite numbers)\n",
                 line->scenarioPath.c_str(), line->month);
    return kInvalidInput;
  }
  QString footer = ui::exportFooter(load.loaded->scenario, load.loaded->card, QDate::currentDate());
  const ui::ChartKind kind = *ui::chartKindFromName(QString::fromStdString(line->chart));
  std::optional<core::Comparison> comparison;
  if (ui::isComparisonChart(kind)) {
    // Without --compare: the optimizer's proposal, the comparison a user asks for first.
    std::vector<std::string> paths = {line->scenarioPath};
    paths.insert(paths.end(), line->compared.begin(), line->compared.end());
    const auto inputs =
        loadComparisonInputs(paths, line->compared.empty(), line->month, {}, std::cerr);
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
    tornado = core::tornado(load.loaded->scenario, load.loaded->card, options);
  }
  if (kind == ui::ChartKind::Planner)
    plan = core::planCommitments(prepared);
  if (!line->workload.empty() &&
      std::none_of(workbench.unitCosts.begin(), workbench.unitCosts.end(),
                   [&](const core::UnitCostSeries &series) {
                     return series.workloadId == line->workload;
                   })) {
    std::fprintf(stderr, "%s: --workload %s: no workload of that id names a unit\n",
                 line->scenarioPath.c_str(), line->workload.c_str());
    return kInvalidInput;
  }
  ui::ChartSource source = comparison ? ui::ChartSource(*comparison) : ui::ChartSource(workbench);
  source.unitWorkload = line->workload;
  source.tornado = tornado ? &*tornado : nullptr;
  source.plan = plan ? &*plan : nullptr;
  const ui::ExportResult result = ui::exportChart(
      kind, source, footer, QString::fromStdString(line->out), QSize(line->width, line->height));
  if (!result.ok) {
    std::fprintf(stderr, "bedrock-whatif: %s\n", result.message.toStdString().c_str());
    return kInvalidInput;
  }
  return kSuccess;
}

} // namespace bwi::app
