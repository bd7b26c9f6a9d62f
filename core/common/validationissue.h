#pragma once

#include <string>
#include <vector>

namespace bwi::core {

// One thing wrong with an input file: where (a JSON path such as
// `workloads[2].routing`, or `line 3, column 7`) and what.
struct ValidationIssue {
  std::string path;
  std::string message;
  std::string file = {}; // empty: the file being read; else another one it refers to
  bool operator==(const ValidationIssue &) const = default;
};

using ValidationIssues = std::vector<ValidationIssue>;

// "FILE: PATH: message", one issue a line; FILE is the issue's own file
// when it has one.
std::string formatIssues(const std::string &fileName, const ValidationIssues &issues);

} // namespace bwi::core
