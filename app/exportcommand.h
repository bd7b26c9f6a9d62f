#pragma once

#include <string>
#include <vector>

namespace bwi::app {

// bedrock-whatif export SCENARIO --chart NAME --out FILE.png|.svg|.pdf
//                      [--width PX --height PX] [--month N]
// Draws one chart without a display (Qt's offscreen platform when there is
// none). Exit status as every command: 0, 1 invalid input, 2 wrong usage.
int runExport(int argc, char **argv, const std::vector<std::string> &arguments);

// bedrock-whatif report SCENARIO --out FILE.pdf: the meeting pack.
int runReport(int argc, char **argv, const std::vector<std::string> &arguments);

} // namespace bwi::app
