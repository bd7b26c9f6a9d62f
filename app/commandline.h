#pragma once

#include "app/optionreader.h"
#include "app/subcommands.h"

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

// The command line of docs/scenario-format.md ("The command line"): the
// options of the sub-commands that cost one scenario, and the entry that
// routes every command line through the sub-command table.
namespace bwi::app {

// The options of evaluate, forecast, curve, validate, sensitivity,
// goal-seek and plan.
struct CommandLine {
  std::string command; // the sub-command's name, as in the table
  std::string scenarioPath;
  int month = 0;
  bool json = false;
  std::string curveKind; // volume | units | escalation
  std::string modelId;
  std::string workloadId; // curve --kind escalation
  // sensitivity
  std::optional<double> rangePercent;   // --range 25: ±25% for every lever
  std::vector<std::string> leverRanges; // --lever NAME=LOW:HIGH (percent), checked later
  // goal-seek
  std::string metric = "net_usd";
  std::optional<double> target;
  std::string lever;
  std::optional<double> minValue, maxValue;
  // plan
  std::optional<int> historyDays;
  std::optional<int> trials;
};

// `arguments` start with the sub-command's name; nullopt with a message in
// `error` when the arguments are wrong.
std::optional<CommandLine> parseCommandLine(const std::vector<std::string> &arguments,
                                            std::string &error);

// True for no arguments or a lone scenario file: the GUI's command lines.
bool wantsWorkbench(const std::vector<std::string> &arguments);

// Runs any command line but the window's: --help, --version or a sub-command
// of the table. `qt` holds the runners of the sub-commands that draw.
int runCommandLine(const std::vector<std::string> &arguments, std::ostream &out, std::ostream &err,
                   const QtRunners &qt = {});

} // namespace bwi::app
