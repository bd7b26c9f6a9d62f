#pragma once

#include "core/import/inputfiles.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// RFC 4180 CSV rows from a plain or gzip file, streamed: quoted fields with
// "" escapes and line breaks inside quotes. Rows without quotes (most of a
// CUR export) take a fast path of memchr scans.
namespace bwi::core {

class CsvReader {
public:
  explicit CsvReader(const InputFile &file);
  // Rows of bytes [offset, offset + length) of a plain file, read as if
  // they started outside quotes (quotesSeen() lets the caller check).
  CsvReader(const InputFile &file, std::uint64_t offset, std::uint64_t length);
  // The next row; false at the end of the file or on a read error.
  bool next();
  // The fields of the current row; valid until the next call.
  const std::vector<std::string_view> &fields() const { return m_fields; }
  std::uint64_t line() const { return m_rowLine; } // 1-based line the row starts on
  bool ok() const { return m_reader.ok() && m_error.empty(); }
  std::string error() const { return m_error.empty() ? m_reader.error() : m_error; }
  std::uint64_t bytesConsumed() const { return m_reader.position(); }
  // Offset just after the current row, from where the reader started.
  std::uint64_t rowEndOffset() const { return m_reader.position() - (m_size - m_pos); }
  std::uint64_t linesRead() const { return m_line; }
  std::uint64_t quotesSeen() const { return m_quotes; } // '"' bytes in the rows read

private:
  bool refill(std::size_t &rowStart);
  void splitPlain(std::size_t begin, std::size_t end);
  void splitQuoted(std::size_t begin, std::size_t end);

  ChunkReader m_reader;
  std::vector<char> m_buffer;
  std::size_t m_chunkBytes; // the next read's size
  std::size_t m_size = 0;
  std::size_t m_pos = 0;
  bool m_atEnd = false;
  std::uint64_t m_line = 0;
  std::uint64_t m_rowLine = 0;
  std::uint64_t m_quotes = 0;
  std::string m_unescaped;
  std::vector<std::string_view> m_fields;
  std::string m_error;
};

// The header's column names, trimmed of a UTF-8 byte-order mark and quotes.
std::vector<std::string> csvHeader(const std::vector<std::string_view> &fields);

} // namespace bwi::core
