#include "app/commandline.h"
#include "app/importcommand.h"

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
  if (bwi::app::isImportCommand(arguments))
    return bwi::app::runImportCommand(arguments, std::cout, std::cerr);
#ifdef BWI_WITH_GUI
  // No arguments, or just a scenario file: the workbench window.
  if (!arguments.empty() && arguments[0] == "export")
    return bwi::app::runExport(argc, argv, arguments);
  if (!arguments.empty() && arguments[0] == "report")
    return bwi::app::runReport(argc, argv, arguments);
  if (!arguments.empty() && arguments[0] == "ratecard")
    return bwi::app::runRatecardCommand(argc, argv, arguments);
  if (bwi::app::wantsWorkbench(arguments))
    return bwi::app::runWorkbench(
        argc, argv, arguments.empty() ? QString() : QString::fromStdString(arguments[0]));
#endif
  return bwi::app::runCommandLine(argc, argv);
}
