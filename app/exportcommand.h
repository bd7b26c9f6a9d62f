#pragma once

#include "app/subcommands.h"

#include <iosfwd>

// The sub-commands that draw with Qt, run by the executable built with the
// GUI (QtRunners): without a display they draw offscreen. Exit status as
// every command: 0, 1 invalid input, 2 wrong usage.
namespace bwi::app {

// bedrock-whatif export SCENARIO --chart NAME --out FILE.png|.svg|.pdf …,
// or --out FILE.xlsx / FILE.csv --table NAME: a chart, the workbook or a table.
int runExportCommand(const Arguments &arguments, std::ostream &out, std::ostream &err);

// bedrock-whatif report SCENARIO --out FILE.pdf: the meeting pack.
int runReportCommand(const Arguments &arguments, std::ostream &out, std::ostream &err);

} // namespace bwi::app
