#pragma once

#include "core/import/importtally.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

// The files an import reads: the FILE... arguments with folders expanded,
// and reading them whole or in pieces, gzip or plain.
namespace bwi::core {

struct InputFile {
  std::filesystem::path path;
  std::string display; // as the user named it, for messages
  std::uintmax_t bytes = 0;
  bool gzip = false; // by its first bytes, not its name
  bool fromFolder = false;
};

// Folders are read recursively in name order, skipping hidden files and the
// permission-check object Bedrock writes into a log bucket. nullopt with a
// message when an argument is missing or unreadable.
std::optional<std::vector<InputFile>> expandInputFiles(const std::vector<std::string> &arguments,
                                                       std::string &error);

// Reads a whole file (gunzipped), at most `limitBytes` of text; nullopt with
// a message naming the file otherwise.
std::optional<std::string> readWholeInput(const InputFile &file, std::uintmax_t limitBytes,
                                          std::string &error);

// Sequential reading of a plain or gzip file in chunks.
class ChunkReader {
public:
  explicit ChunkReader(const InputFile &file);
  // Bytes [offset, offset + length) of a plain file.
  ChunkReader(const InputFile &file, std::uint64_t offset, std::uint64_t length);
  ~ChunkReader();
  ChunkReader(const ChunkReader &) = delete;
  ChunkReader &operator=(const ChunkReader &) = delete;

  bool ok() const { return m_error.empty(); }
  const std::string &error() const { return m_error; } // a read or gzip error, once seen
  // Reads up to `count` bytes into `out`; returns how many (0 at the end or on error).
  std::size_t read(char *out, std::size_t count);
  // Compressed bytes consumed so far (plain: bytes read).
  std::uint64_t position() const;

private:
  void *m_gz = nullptr;
  int m_fd = -1;
  std::uint64_t m_position = 0;
  std::uint64_t m_remaining = UINT64_MAX; // of a range
  std::string m_error;
  std::string m_name;
};

} // namespace bwi::core
