#include "app/commandline.h"

#include "app/modelmaps.h"

#include <filesystem>
#include <ostream>

namespace bwi::app {
namespace {

// A first word that names no sub-command: say what it is instead.
std::string notACommand(const std::string &word) {
  std::error_code error;
  if (std::filesystem::is_directory(word, error))
    return "\"" + word + "\" is a folder: give a scenario file (JSON) or a command";
  if (word.starts_with("-"))
    return "unknown option " + word;
  if (word.find('/') != std::string::npos || word.find('.') != std::string::npos)
    return "\"" + word + "\" is neither a command nor a scenario file that exists";
  return "unknown command \"" + word + "\"; the commands are " + subCommandNames();
}

} // namespace

bool wantsWorkbench(const std::vector<std::string> &arguments) {
  if (arguments.empty())
    return true;
  if (arguments.size() != 1 || arguments[0].starts_with("-") || arguments[0] == "help" ||
      findSubCommand(arguments[0]))
    return false;
  // A scenario file: one that exists, or is named like one (its error shows in the window).
  std::error_code error;
  return arguments[0].ends_with(".json") || std::filesystem::is_regular_file(arguments[0], error);
}

std::optional<CommandLine> parseCommandLine(const std::vector<std::string> &arguments,
                                            std::string &error) {
  CommandLine line;
  line.command = arguments.at(0);
  const std::string &command = line.command;
  const bool ranges = command == "sensitivity" || command == "goal-seek" || command == "plan";
  std::vector<std::string> positional;
  OptionReader in(arguments);
  const auto fail = [&] {
    error = in.error();
    return std::nullopt;
  };
  while (in.next()) {
    if (in.is("--json") && (command == "evaluate" || command == "forecast" || ranges)) {
      line.json = true;
    } else if (in.is("--month") && (command == "evaluate" || command == "curve" ||
                                    command == "sensitivity" || command == "goal-seek")) {
      const auto month = in.wholeNumber(0, 1200);
      if (!month)
        return fail();
      line.month = *month;
    } else if (in.is("--range") && command == "sensitivity") {
      const auto percent = in.decimal();
      if (!percent)
        return fail();
      if (*percent <= 0 || *percent > 100) {
        error = "--range must be a percentage above 0 and at most 100";
        return std::nullopt;
      }
      line.rangePercent = *percent;
    } else if (in.is("--lever") && (command == "sensitivity" || command == "goal-seek")) {
      const auto text = in.value();
      if (!text)
        return fail();
      if (command == "sensitivity")
        line.leverRanges.push_back(*text);
      else
        line.lever = *text;
    } else if (in.is("--metric") && command == "goal-seek") {
      const auto text = in.value();
      if (!text)
        return fail();
      line.metric = *text;
    } else if ((in.is("--target") || in.is("--min") || in.is("--max")) && command == "goal-seek") {
      auto &target = in.is("--target") ? line.target
                     : in.is("--min")  ? line.minValue
                                       : line.maxValue;
      if (!(target = in.decimal()))
        return fail();
    } else if (in.is("--history-days") && command == "plan") {
      if (!(line.historyDays = in.wholeNumber(0, 36500)))
        return fail();
    } else if (in.is("--trials") && command == "plan") {
      if (!(line.trials = in.wholeNumber(100, 1000000)))
        return fail();
    } else if (in.is("--csv") && command == "curve") {
      // CSV is the only form a curve has; accepted for scripts that ask for it.
    } else if (in.is("--kind") && command == "curve") {
      const auto text = in.value();
      if (!text)
        return fail();
      if (*text != "volume" && *text != "units" && *text != "escalation") {
        error = "--kind must be volume, units or escalation, got \"" + *text + "\"";
        return std::nullopt;
      }
      line.curveKind = *text;
    } else if (in.is("--model") && command == "curve") {
      const auto text = in.value();
      if (!text)
        return fail();
      line.modelId = *text;
    } else if (in.is("--workload") && command == "curve") {
      const auto text = in.value();
      if (!text)
        return fail();
      line.workloadId = *text;
    } else if (in.isOption()) {
      in.unknownOption(command);
      return fail();
    } else {
      positional.push_back(in.word());
    }
  }
  if (in.failed())
    return fail();
  if (positional.size() != 1) {
    error = command + " takes one SCENARIO file" +
            (positional.empty() ? "" : ", got " + std::to_string(positional.size()));
    return std::nullopt;
  }
  line.scenarioPath = positional[0];
  if (command == "goal-seek" && (line.lever.empty() || !line.target)) {
    error = "goal-seek needs --lever NAME and --target X";
    return std::nullopt;
  }
  if (command == "curve" && line.curveKind.empty()) {
    error = "curve needs --kind volume, --kind units or --kind escalation";
    return std::nullopt;
  }
  if (command == "curve" && line.curveKind == "escalation" && line.workloadId.empty()) {
    error = "curve --kind escalation needs --workload ID";
    return std::nullopt;
  }
  return line;
}

int runCommandLine(const std::vector<std::string> &arguments, std::ostream &out, std::ostream &err,
                   const QtRunners &qt) {
  if (arguments.empty() || arguments[0] == "--help" || arguments[0] == "-h" ||
      arguments[0] == "help") {
    out << usageText();
    return kSuccess;
  }
  if (arguments[0] == "--version") {
    out << "bedrock-whatif " << BWI_VERSION << "\n";
    return kSuccess;
  }
  const SubCommand *command = findSubCommand(arguments[0]);
  if (!command)
    return usageError(err, notACommand(arguments[0]));
  const Runner run = command->run ? command->run : qt.*(command->qtRunner);
  if (!run) {
    err << "bedrock-whatif: " << command->name
        << " needs Qt, and this build of bedrock-whatif has no GUI\n";
    return kUsageError;
  }
  if (!takesModelMaps(command->name))
    return run(arguments, out, err);
  std::vector<core::ModelMapping> maps;
  std::string error;
  const auto rest = extractModelMaps(arguments, maps, error);
  if (!rest)
    return usageError(err, error, command->name);
  const ActiveModelMaps active(std::move(maps));
  return run(*rest, out, err);
}

} // namespace bwi::app
