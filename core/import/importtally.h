#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// What every importer reports besides its figures: the files and lines it
// read and the lines it skipped, and the control a caller (the GUI) uses to
// follow progress and cancel.
namespace bwi::core {

enum class ImportKind { CloudWatch, InvocationLogs, Cur, Focus, PriceList, HourlyCsv };

std::string_view toString(ImportKind kind);
std::optional<ImportKind> importKindFromString(std::string_view text);

struct SkippedLine {
  std::string file;
  std::uint64_t line = 0; // 1-based; for a JSON document, the line the bad part starts on
  std::string reason;
  bool operator==(const SkippedLine &) const = default;
};

// The first this many skipped lines are kept (in file order); the rest are counted.
inline constexpr std::size_t kMaxSkippedListed = 20;

struct SkipLog {
  std::uint64_t count = 0;
  std::vector<SkippedLine> first;
  void add(SkippedLine skipped);
};

struct ImportTally {
  std::uint64_t files = 0;
  std::uint64_t lines = 0; // records read: log lines, CSV rows, data points, price-list products
  SkipLog skipped;
  std::vector<std::string> warnings;
};

// Shared between the importing thread and whoever watches it.
struct ImportControl {
  std::atomic<std::uint64_t> bytesDone{0};
  std::atomic<std::uint64_t> bytesTotal{0};
  std::atomic<bool> cancelRequested{false};
  bool cancelled() const { return cancelRequested.load(std::memory_order_relaxed); }
};

// A whole import that cannot go on: a file of the wrong kind, a file that
// cannot be read, a cancel. `message` names the file and what was expected.
struct ImportFailure {
  std::string message;
  bool cancelled = false;
};

} // namespace bwi::core
