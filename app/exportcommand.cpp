#include "exportcommand.h"

#include "chartexport.h"
#include "commandline.h"
#include "preparedscenario.h"
#include "scenariofile.h"
#include "workbench.h"

#include <QApplication>
#include <QDate>

#include <charconv>
#include <cstdio>
#include <optional>

namespace bwi::app {
namespace {

struct ExportLine {
  std::string scenarioPath;
  std::string chart;
  std::string out;
  int width = 1200;
  int height = 675;
  int month = 0;
};

std::optional<int> wholeNumber(const std::string &text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size())
    return std::nullopt;
  return value;
}

std::optional<ExportLine> parse(const std::vector<std::string> &arguments, std::string &error) {
  ExportLine line;
  std::vector<std::string> positional;
  for (std::size_t i = 1; i < arguments.size(); ++i) {
    const std::string &word = arguments[i];
    const bool takesValue = word == "--chart" || word == "--out" || word == "--width" ||
                            word == "--height" || word == "--month";
    if (takesValue && i + 1 >= arguments.size()) {
      error = word + " needs a value";
      return std::nullopt;
    }
    if (word == "--chart") {
      line.chart = arguments[++i];
    } else if (word == "--out") {
      line.out = arguments[++i];
    } else if (word == "--width" || word == "--height" || word == "--month") {
      const auto number = wholeNumber(arguments[++i]);
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
    error = "export needs --out FILE.png, .svg or .pdf";
    return std::nullopt;
  }
  if (line.chart.empty()) {
    error = "export needs --chart " + ui::chartKindNames().join(QLatin1Char('|')).toStdString() +
            " (the Excel workbook is not available yet)";
    return std::nullopt;
  }
  if (!ui::chartKindFromName(QString::fromStdString(line.chart))) {
    error = "--chart must be one of " +
            ui::chartKindNames().join(QStringLiteral(", ")).toStdString() + ", got \"" +
            line.chart + "\"";
    return std::nullopt;
  }
  const QString suffix = QString::fromStdString(line.out).section(QLatin1Char('.'), -1).toLower();
  if (suffix != QLatin1String("png") && suffix != QLatin1String("svg") &&
      suffix != QLatin1String("pdf")) {
    error = "--out must end in .png, .svg or .pdf, got \"" + line.out + "\"";
    return std::nullopt;
  }
  return line;
}

} // namespace

int runExport(int argc, char **argv, const std::vector<std::string> &arguments) {
  std::string error;
  const auto line = parse(arguments, error);
  if (!line) {
    std::fprintf(stderr, "bedrock-whatif: %s\n\n%s", error.c_str(), usageText().c_str());
    return kUsageError;
  }
  const core::ScenarioLoad load = core::loadScenarioFile(line->scenarioPath);
  if (!load.loaded) {
    std::fputs(load.report().c_str(), stderr);
    return kInvalidInput;
  }
  // Charts need a QApplication but no screen.
  if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
      qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
    qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication application(argc, argv);
  const core::PreparedScenario prepared =
      core::prepareScenario(load.loaded->scenario, load.loaded->card);
  core::WorkbenchSelection selection;
  selection.month = line->month;
  const core::Workbench workbench = core::computeWorkbench(prepared, selection, std::nullopt);
  if (!core::allFinite(workbench.evaluation)) {
    std::fprintf(stderr, "%s: month %d: the figures overflow (not finite numbers)\n",
                 line->scenarioPath.c_str(), line->month);
    return kInvalidInput;
  }
  const QString footer =
      ui::exportFooter(load.loaded->scenario, load.loaded->card, QDate::currentDate());
  const ui::ExportResult result =
      ui::exportChart(*ui::chartKindFromName(QString::fromStdString(line->chart)), workbench,
                      footer, QString::fromStdString(line->out), QSize(line->width, line->height));
  if (!result.ok) {
    std::fprintf(stderr, "bedrock-whatif: %s\n", result.message.toStdString().c_str());
    return kInvalidInput;
  }
  return kSuccess;
}

} // namespace bwi::app
