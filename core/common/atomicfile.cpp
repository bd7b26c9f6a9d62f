#include "core/common/atomicfile.h"

#include <atomic>
#include <cerrno>
#include <fstream>
#include <random>
#include <system_error>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <unistd.h>
#endif

namespace bwi::core {
namespace {

// Pushes a file's (or a folder's) contents to the disk, so that a rename
// that follows cannot reach the disk before the data does. Best effort where
// the platform has no such call.
bool flushToDisk(const std::filesystem::path &path) {
#if defined(__unix__) || defined(__APPLE__)
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0)
    return false;
  const bool ok = ::fsync(descriptor) == 0;
  ::close(descriptor);
  return ok;
#else
  (void)path;
  return true;
#endif
}

} // namespace

std::optional<std::string> readTextFile(const std::filesystem::path &path,
                                        ValidationIssues &issues) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  if (error) {
    issues.push_back({"", "cannot read the file: " + error.message(), path.string()});
    return std::nullopt;
  }
  if (size > kMaxInputFileBytes) {
    issues.push_back({"",
                      "the file is " + std::to_string(size / (1024 * 1024)) +
                          " MiB; scenario and rate-card files may be at most " +
                          std::to_string(kMaxInputFileBytes / (1024 * 1024)) + " MiB",
                      path.string()});
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    issues.push_back({"", "cannot open the file", path.string()});
    return std::nullopt;
  }
  std::string contents(static_cast<std::size_t>(size), '\0');
  in.read(contents.data(), static_cast<std::streamsize>(size));
  contents.resize(static_cast<std::size_t>(in.gcount()));
  return contents;
}

std::string cannotWriteMessage(const std::filesystem::path &path, int systemError) {
  const std::filesystem::path folder = path.parent_path();
  std::error_code ignored;
  if (!folder.empty() && !std::filesystem::exists(folder, ignored))
    return "cannot write " + path.string() + ": the folder " + folder.string() + " does not exist";
  if (!folder.empty() && !std::filesystem::is_directory(folder, ignored))
    return "cannot write " + path.string() + ": " + folder.string() + " is not a folder";
  if (systemError != 0)
    return "cannot write " + path.string() + ": " + std::generic_category().message(systemError);
  return "cannot write " + path.string();
}

std::filesystem::path temporaryPathBeside(const std::filesystem::path &path) {
  static std::atomic<unsigned> counter{0};
  std::random_device random;
  return path.string() + ".tmp-" + std::to_string(random() % 1000000) + "-" +
         std::to_string(counter++);
}

WriteResult replaceWithFile(const std::filesystem::path &temporary,
                            const std::filesystem::path &path) {
  std::error_code ignored;
  if (!flushToDisk(temporary)) {
    std::filesystem::remove(temporary, ignored);
    return {false, "writing " + path.string() + " failed: cannot flush it to disk"};
  }
  // rename() replaces the target in one step; removing it first would leave
  // nothing at `path` if the program stopped in between.
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::filesystem::remove(temporary, ignored);
    return {false, "cannot replace " + path.string() + ": " + error.message()};
  }
  const std::filesystem::path folder = path.parent_path();
  flushToDisk(folder.empty() ? std::filesystem::path(".") : folder);
  return {true, {}};
}

WriteResult writeFileAtomically(const std::filesystem::path &path, std::string_view contents) {
  const std::filesystem::path temporary = temporaryPathBeside(path);
  {
    errno = 0;
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out)
      return {false, cannotWriteMessage(path, errno)};
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      return {false, "writing " + path.string() + " failed (disk full?)"};
    }
  }
  return replaceWithFile(temporary, path);
}

} // namespace bwi::core
