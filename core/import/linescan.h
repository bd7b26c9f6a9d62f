#pragma once

#include "core/import/importtally.h"
#include "core/import/inputfiles.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Every line of many files, on several threads, in memory that does not grow
// with the files: plain files are cut into blocks at line starts, gzip files
// are read whole by one thread each. Line numbers in the skip log are the
// files' own (1-based, counting empty lines).
namespace bwi::core {

// Bytes readable after the end of every line handed to a sink (simdjson's padding).
inline constexpr std::size_t kLinePadding = 64;
// A longer line is skipped rather than held in memory.
inline constexpr std::size_t kMaxLineBytes = 64u * 1024 * 1024;

// One per thread; lines of one task arrive in order, tasks in any order.
class LineSink {
public:
  virtual ~LineSink() = default;
  // `text` has no line break; `readable` bytes from text.data() may be read
  // (at least text.size() + kLinePadding). False skips the line for `reason`.
  virtual bool line(std::string_view text, std::size_t readable, std::string &reason) = 0;
};

struct LineScanOptions {
  unsigned threads = 0;              // 0: one per hardware thread
  std::size_t blockBytes = 8u << 20; // the unit of work in a plain file
  ImportControl *control = nullptr;  // progress and cancel; may be null
};

// Feeds every non-empty line to the sinks (one made per thread and returned
// in `sinks` for the caller to merge); counts lines and skips into `tally`.
// nullopt on success; a failure when cancelled.
std::optional<ImportFailure> scanLines(const std::vector<InputFile> &files,
                                       const std::function<std::unique_ptr<LineSink>()> &makeSink,
                                       std::vector<std::unique_ptr<LineSink>> &sinks,
                                       ImportTally &tally, const LineScanOptions &options = {});

// The first non-empty line of a file (at most 1 MB of it), to tell its kind.
std::optional<std::string> firstLine(const InputFile &file, std::string &error);

} // namespace bwi::core
