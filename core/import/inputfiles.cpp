#include "core/import/inputfiles.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace bwi::core {
namespace {

bool startsWithGzipMagic(const std::filesystem::path &path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return false;
  unsigned char magic[2] = {0, 0};
  const ssize_t got = ::read(fd, magic, 2);
  ::close(fd);
  return got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
}

bool skippedInFolder(const std::filesystem::path &path) {
  const std::string name = path.filename().string();
  return name.starts_with(".") || name.find("permission-check") != std::string::npos;
}

InputFile describe(const std::filesystem::path &path, std::string display, bool fromFolder) {
  std::error_code error;
  InputFile file;
  file.path = path;
  file.display = std::move(display);
  file.bytes = std::filesystem::file_size(path, error);
  file.gzip = startsWithGzipMagic(path);
  file.fromFolder = fromFolder;
  return file;
}

} // namespace

std::optional<std::vector<InputFile>> expandInputFiles(const std::vector<std::string> &arguments,
                                                       std::string &error) {
  std::vector<InputFile> files;
  for (const std::string &argument : arguments) {
    std::error_code code;
    const std::filesystem::path path(argument);
    if (std::filesystem::is_directory(path, code)) {
      std::vector<std::filesystem::path> inside;
      for (auto it = std::filesystem::recursive_directory_iterator(path, code);
           !code && it != std::filesystem::recursive_directory_iterator(); it.increment(code))
        if (it->is_regular_file(code) && !skippedInFolder(it->path()))
          inside.push_back(it->path());
      if (code) {
        error = argument + ": cannot list the folder: " + code.message();
        return std::nullopt;
      }
      std::sort(inside.begin(), inside.end());
      for (const auto &each : inside)
        files.push_back(describe(each, each.string(), true));
    } else if (std::filesystem::is_regular_file(path, code)) {
      files.push_back(describe(path, argument, false));
    } else {
      error = argument + ": no such file or folder";
      return std::nullopt;
    }
  }
  return files;
}

ChunkReader::ChunkReader(const InputFile &file) : m_name(file.display) {
  m_fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (m_fd < 0) {
    m_error = "cannot open: " + std::string(std::strerror(errno));
    return;
  }
  if (file.gzip) {
    m_gz = gzdopen(m_fd, "rb");
    if (!m_gz) {
      ::close(m_fd);
      m_fd = -1;
      m_error = "cannot open the gzip stream";
      return;
    }
    m_fd = -1; // owned by the gzip stream now
    gzbuffer(static_cast<gzFile>(m_gz), 1u << 18);
  }
}

ChunkReader::ChunkReader(const InputFile &file, std::uint64_t offset, std::uint64_t length)
    : m_remaining(length), m_name(file.display) {
  m_fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (m_fd < 0) {
    m_error = "cannot open: " + std::string(std::strerror(errno));
    return;
  }
  if (::lseek(m_fd, static_cast<off_t>(offset), SEEK_SET) < 0)
    m_error = "cannot seek: " + std::string(std::strerror(errno));
}

ChunkReader::~ChunkReader() {
  if (m_gz)
    gzclose(static_cast<gzFile>(m_gz));
  if (m_fd >= 0)
    ::close(m_fd);
}

std::size_t ChunkReader::read(char *out, std::size_t count) {
  if (!m_error.empty() || count == 0)
    return 0;
  std::size_t got = 0;
  if (m_gz) {
    const auto gz = static_cast<gzFile>(m_gz);
    while (got < count) {
      const unsigned want = static_cast<unsigned>(std::min<std::size_t>(count - got, 1u << 30));
      const int n = gzread(gz, out + got, want);
      if (n < 0) {
        int code = 0;
        const char *message = gzerror(gz, &code);
        m_error = std::string("gzip data is corrupt: ") + (message ? message : "read error");
        break;
      }
      if (n == 0) {
        int code = 0;
        const char *message = gzerror(gz, &code);
        if (code != Z_OK && code != Z_STREAM_END)
          m_error = std::string("gzip data ends early: ") + (message ? message : "truncated");
        break;
      }
      got += static_cast<std::size_t>(n);
    }
    m_position = static_cast<std::uint64_t>(gzoffset(gz));
  } else {
    count = static_cast<std::size_t>(std::min<std::uint64_t>(count, m_remaining));
    while (got < count) {
      const ssize_t n = ::read(m_fd, out + got, count - got);
      if (n < 0) {
        if (errno == EINTR)
          continue;
        m_error = "read error: " + std::string(std::strerror(errno));
        break;
      }
      if (n == 0)
        break;
      got += static_cast<std::size_t>(n);
    }
    m_position += got;
    if (m_remaining != UINT64_MAX)
      m_remaining -= got;
  }
  return got;
}

std::uint64_t ChunkReader::position() const { return m_position; }

std::optional<std::string> readWholeInput(const InputFile &file, std::uintmax_t limitBytes,
                                          std::string &error) {
  ChunkReader reader(file);
  std::string text;
  while (reader.ok()) {
    if (text.size() > limitBytes) {
      error = file.display + ": larger than " + std::to_string(limitBytes / (1024 * 1024)) +
              " MB; split it or pre-aggregate it (docs/importing.md)";
      return std::nullopt;
    }
    // Steps from 64 KiB up to 1 MiB, so a small file clears no megabyte.
    const std::size_t before = text.size();
    const std::size_t step = std::clamp<std::size_t>(before, 64u << 10, 1u << 20);
    text.resize(before + step);
    const std::size_t got = reader.read(text.data() + before, step);
    text.resize(before + got);
    if (got == 0)
      break;
  }
  if (!reader.ok()) {
    error = file.display + ": " + reader.error();
    return std::nullopt;
  }
  return text;
}

} // namespace bwi::core
