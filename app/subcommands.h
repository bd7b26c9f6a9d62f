#pragma once

#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// Every sub-command of the command line in one table: its name, the usage
// line its errors print, and how it runs (docs/scenario-format.md, "The
// command line"). main, --help and the no-display message all read it.
namespace bwi::app {

enum ExitStatus { kSuccess = 0, kInvalidInput = 1, kUsageError = 2 };

using Arguments = std::vector<std::string>;
// Runs a sub-command; `arguments` start with its name. Returns the exit status.
using Runner = int (*)(const Arguments &arguments, std::ostream &out, std::ostream &err);

// The runners of the sub-commands that need Qt (app/exportcommand.h draws,
// app/ratecardcommand.h downloads with Qt Network): only the executable
// built with the GUI has them.
struct QtRunners {
  Runner exportFiles = nullptr;
  Runner report = nullptr;
  Runner ratecard = nullptr;
};

struct SubCommand {
  std::string_view name;
  std::string_view usage;       // the arguments after the name, on one line
  std::string_view description; // what --help says of it, lines of at most 72 characters
  Runner run = nullptr;         // null for the sub-commands that draw with Qt
  Runner QtRunners::*qtRunner = nullptr;
};

// The table, in the order --help lists the sub-commands.
std::span<const SubCommand> subCommands();
const SubCommand *findSubCommand(std::string_view name);
// "evaluate, forecast, …, reconcile".
std::string subCommandNames();

// The whole help of --help, built from the table.
std::string usageText();

// A wrong command line: one line naming the problem, then the sub-command's
// usage line (or where the full help is). Returns kUsageError.
int usageError(std::ostream &err, std::string_view message, std::string_view commandName = {});

} // namespace bwi::app
