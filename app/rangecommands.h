#pragma once

#include "app/commandline.h"
#include "core/files/scenariofile.h"

#include <iosfwd>

// The range commands: sensitivity (the tornado), goal-seek and plan.
namespace bwi::app {

int sensitivityCommand(const CommandLine &line, const core::LoadedScenario &loaded,
                       std::ostream &out, std::ostream &err);
int goalSeekCommand(const CommandLine &line, const core::LoadedScenario &loaded, std::ostream &out,
                    std::ostream &err);
int planCommand(const CommandLine &line, const core::LoadedScenario &loaded, std::ostream &out,
                std::ostream &err);

} // namespace bwi::app
