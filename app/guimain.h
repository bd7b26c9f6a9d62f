#pragma once

#include <QString>

namespace bwi::app {

// Opens the workbench window on `scenarioPath`, or on the built-in example
// when it is empty; returns the application's exit status.
int runWorkbench(int argc, char **argv, const QString &scenarioPath);

} // namespace bwi::app
