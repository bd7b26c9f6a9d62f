#pragma once

#include "app/commandline.h"
#include "core/files/scenariofile.h"

#include <iosfwd>

// The sub-commands that cost one scenario file: evaluate, forecast, curve
// and validate here; sensitivity, goal-seek and plan in rangecommands.h.
namespace bwi::app {

// The body of such a sub-command, once its command line is parsed and its
// scenario loaded.
using ScenarioBody = int (*)(const CommandLine &line, const core::LoadedScenario &loaded,
                             std::ostream &out, std::ostream &err);

// Parses `arguments`, loads the scenario (printing its problems, and the
// fields this version does not read), then runs `body`.
int runScenarioCommand(const Arguments &arguments, std::ostream &out, std::ostream &err,
                       ScenarioBody body);

int runEvaluateCommand(const Arguments &arguments, std::ostream &out, std::ostream &err);
int runForecastCommand(const Arguments &arguments, std::ostream &out, std::ostream &err);
int runCurveCommand(const Arguments &arguments, std::ostream &out, std::ostream &err);
int runValidateCommand(const Arguments &arguments, std::ostream &out, std::ostream &err);

} // namespace bwi::app
