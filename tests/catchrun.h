#pragma once

// Runs Catch2 on the command line's arguments. Catch::Session is declared
// only where the implementation is compiled (catchsession.cpp, once for
// every test executable), so each main() calls this instead.
namespace bwi::test {

int runCatch(int argc, char **argv);

} // namespace bwi::test
