// Catch2 benchmarks, plus `--write-estate PATH` to write the large estate as
// a scenario file for timing the whole `bedrock-whatif evaluate` process.
#include "tests/catchrun.h"

#include "core/files/scenariofile.h"
#include "tests/bench/largeestate.h"

#include <cstring>
#include <iostream>

int main(int argc, char **argv) {
  if (argc == 3 && std::strcmp(argv[1], "--write-estate") == 0) {
    const auto estate = bwi::bench::makeLargeEstate();
    const auto result = bwi::core::saveScenarioFile(estate.scenario, argv[2]);
    if (!result.ok)
      std::cerr << result.message << "\n";
    return result.ok ? 0 : 1;
  }
  return bwi::test::runCatch(argc, argv);
}
