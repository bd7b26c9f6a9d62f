#pragma once

#include "app/commandline.h"

#include <sstream>
#include <string>
#include <vector>

// The command line run in process, its exit status and both streams kept.
namespace bwi::test {

struct Run {
  int status = 0;
  std::string out;
  std::string err;
};

inline Run run(const std::vector<std::string> &arguments) {
  std::ostringstream out, err;
  Run result;
  result.status = app::runCommandLine(arguments, out, err);
  result.out = out.str();
  result.err = err.str();
  return result;
}

inline const std::string kExample = BWI_SOURCE_DIR "/resources/example-scenario.json";
inline const std::string kBroken = BWI_SOURCE_DIR "/tests/data/broken/";

} // namespace bwi::test
