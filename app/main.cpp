#include "app/commandline.h"

#ifdef BWI_WITH_GUI
#include "app/exportcommand.h"
#include "app/guimain.h"
#include "app/ratecardcommand.h"
#endif

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char **argv) {
  const std::vector<std::string> arguments(argv + 1, argv + argc);
  bwi::app::QtRunners qt;
#ifdef BWI_WITH_GUI
  // No arguments, or just a scenario file: the workbench window.
  if (bwi::app::wantsWorkbench(arguments))
    return bwi::app::runWorkbench(
        argc, argv, arguments.empty() ? QString() : QString::fromStdString(arguments[0]));
  qt = {bwi::app::runExportCommand, bwi::app::runReportCommand, bwi::app::runRatecardCommand};
#endif
  return bwi::app::runCommandLine(arguments, std::cout, std::cerr, qt);
}
