#include "tests/core/import/importtestsupport.h"

#include <catch2/catch.hpp>
#include <zlib.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace bwi::test {

std::string importDataPath(const std::string &name) {
  // Appended in steps: GCC 12 warns (-Warray-bounds, a false positive) on
  // the inlined std::string(literal) + literal + name.
  std::string path = BWI_SOURCE_DIR "/tests/data/import/";
  path += name;
  return path;
}

std::string readWholeFile(const std::filesystem::path &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<core::InputFile> inputs(const std::vector<std::string> &paths) {
  std::string error;
  auto files = core::expandInputFiles(paths, error);
  INFO(error);
  REQUIRE(files);
  return *files;
}

TempFolder::TempFolder() {
  static std::atomic<int> counter{0};
  m_path = std::filesystem::temp_directory_path() /
           ("bwi-import-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(m_path);
}

TempFolder::~TempFolder() {
  std::error_code ignored;
  std::filesystem::remove_all(m_path, ignored);
}

std::string TempFolder::write(const std::string &name, const std::string &contents) const {
  const auto path = m_path / name;
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << contents;
  return path.string();
}

std::string TempFolder::writeGzip(const std::string &name, const std::string &contents) const {
  const auto path = m_path / name;
  std::filesystem::create_directories(path.parent_path());
  gzFile file = gzopen(path.c_str(), "wb");
  REQUIRE(file != nullptr);
  REQUIRE(gzwrite(file, contents.data(), static_cast<unsigned>(contents.size())) ==
          static_cast<int>(contents.size()));
  gzclose(file);
  return path.string();
}

} // namespace bwi::test
