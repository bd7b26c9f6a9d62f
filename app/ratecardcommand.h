#pragma once

#include "app/subcommands.h"

#include <iosfwd>

namespace bwi::app {

// bedrock-whatif ratecard update [--region R] [--source URL|DIR] [--out FILE]
//                                [--json] [--timeout SECONDS]
// Downloads one region's Bedrock offer files from the AWS Price List, prints
// how the card they make differs from the current one, and saves it
// (docs/price-list.md). Exit status: 0, 1 (download or file problem:
// nothing written), 2 (wrong command line).
int runRatecardCommand(const Arguments &arguments, std::ostream &out, std::ostream &err);

} // namespace bwi::app
