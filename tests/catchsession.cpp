// Catch2's implementation, compiled once and linked into every test and
// benchmark executable (bwi_catch in tests/CMakeLists.txt). Compiled in each
// of them it was their slowest file: 23-46 s of a CI build apiece.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "tests/catchrun.h"

int bwi::test::runCatch(int argc, char **argv) { return Catch::Session().run(argc, argv); }
