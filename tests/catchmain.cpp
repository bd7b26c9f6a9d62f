// main() of the test executables that need nothing set up before Catch2
// runs (core, command line); the GUI tests and the benchmarks have their own.
#include "tests/catchrun.h"

int main(int argc, char **argv) { return bwi::test::runCatch(argc, argv); }
