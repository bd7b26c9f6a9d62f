#pragma once

#include "core/common/validationissue.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

// Files on disk, read whole and written so that a crash (of the program or
// the machine) leaves either the old file or the new one, never a half-written
// one. Saves, autosave and every export share them.
namespace bwi::core {

inline constexpr std::uintmax_t kMaxInputFileBytes = 64u * 1024 * 1024;

struct WriteResult {
  bool ok = false;
  std::string message; // why not, naming the file the user asked for, when !ok
};

// Reads a whole file; nullopt with an issue when missing, unreadable or
// larger than kMaxInputFileBytes.
std::optional<std::string> readTextFile(const std::filesystem::path &path,
                                        ValidationIssues &issues);

// Writes to a temporary file beside `path`, flushes it to disk, then renames
// it over `path`.
WriteResult writeFileAtomically(const std::filesystem::path &path, std::string_view contents);

// For writers that produce the file themselves (the workbook, PDF and image
// exports): a fresh name beside `path` to write to, then `replaceWithFile`
// to flush it and rename it over `path` in one step. On failure the
// temporary is removed and `path` is left as it was.
std::filesystem::path temporaryPathBeside(const std::filesystem::path &path);
WriteResult replaceWithFile(const std::filesystem::path &temporary,
                            const std::filesystem::path &path);

// "cannot write PATH: why", for a file that could not be created beside
// `path`: the folder that is missing, or the system's reason.
std::string cannotWriteMessage(const std::filesystem::path &path, int systemError);

} // namespace bwi::core
