#pragma once

#include "app/commandline.h"

#include <iosfwd>

namespace bwi::app {

// Runs a parsed sub-command; returns the exit status.
int runCommand(const CommandLine &line, std::ostream &out, std::ostream &err);

} // namespace bwi::app
