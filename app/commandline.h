#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

// The command line of docs/scenario-format.md: parsing and dispatch.
namespace bwi::app {

enum ExitStatus { kSuccess = 0, kInvalidInput = 1, kUsageError = 2 };

struct CommandLine {
  std::string command; // evaluate | forecast | curve | sensitivity | goal-seek | plan | validate |
                       // help | version
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

// nullopt with a message in `error` when the arguments are wrong.
std::optional<CommandLine> parseCommandLine(const std::vector<std::string> &arguments,
                                            std::string &error);

std::string usageText();

// A whole number and nothing else ("12"; not "12x", "1.5" or "").
std::optional<int> parseWholeNumber(const std::string &text);
// A finite decimal number and nothing else ("250000", "-0.5", "1e6").
std::optional<double> parseDecimal(const std::string &text);

// True for no arguments or a lone scenario file: the GUI's command lines.
bool wantsWorkbench(const std::vector<std::string> &arguments);

int runCommandLine(int argc, char **argv);
// The same with explicit streams, for tests.
int runCommandLine(const std::vector<std::string> &arguments, std::ostream &out, std::ostream &err);

} // namespace bwi::app
