#pragma once

#include "core/import/inputfiles.h"

#include <filesystem>
#include <string>
#include <vector>

// Files for the importer tests: the small shipped ones under
// tests/data/import/, and generated ones (gzip, folders, broken variants)
// in a temporary folder of their own.
namespace bwi::test {

std::string importDataPath(const std::string &name);
std::string readWholeFile(const std::filesystem::path &path);
std::vector<core::InputFile> inputs(const std::vector<std::string> &paths);

class TempFolder {
public:
  TempFolder();
  ~TempFolder();
  TempFolder(const TempFolder &) = delete;
  TempFolder &operator=(const TempFolder &) = delete;
  const std::filesystem::path &path() const { return m_path; }
  std::string write(const std::string &name, const std::string &contents) const;
  std::string writeGzip(const std::string &name, const std::string &contents) const;

private:
  std::filesystem::path m_path;
};

} // namespace bwi::test
