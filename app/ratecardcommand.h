#pragma once

#include <string>
#include <vector>

namespace bwi::app {

// bedrock-whatif ratecard update [--region R] [--source URL|DIR] [--out FILE]
//                                [--json] [--timeout SECONDS]
// Downloads one region's Bedrock offer files from the AWS Price List, prints
// how the card they make differs from the current one, and saves it
// (docs/price-list.md). Exit status: 0, 1 (download or file problem:
// nothing written), 2 (wrong command line).
int runRatecardCommand(int argc, char **argv, const std::vector<std::string> &arguments);

std::string ratecardUsageText();

} // namespace bwi::app
