#include "core/import/csvreader.h"

#include <algorithm>
#include <cstring>

namespace bwi::core {
namespace {

// Reads start at 64 KiB and double up to 4 MiB: a header sniff or a small
// bill does not allocate and clear 4 MiB, a large one soon reads in big chunks.
constexpr std::size_t kFirstChunkBytes = 64u << 10;
constexpr std::size_t kChunkBytes = 4u << 20;
constexpr std::size_t kMaxRowBytes = 64u << 20;

} // namespace

CsvReader::CsvReader(const InputFile &file) : m_reader(file), m_chunkBytes(kFirstChunkBytes) {}

CsvReader::CsvReader(const InputFile &file, std::uint64_t offset, std::uint64_t length)
    : m_reader(file, offset, length), m_chunkBytes(kFirstChunkBytes) {}

bool CsvReader::refill(std::size_t &rowStart) {
  if (m_atEnd)
    return false;
  // Keep the unfinished row at the front, then read more after it.
  const std::size_t keep = m_size - rowStart;
  if (keep > kMaxRowBytes) {
    m_error = "a row longer than 64 MB (an unclosed quote?)";
    m_atEnd = true;
    return false;
  }
  if (keep > 0)
    std::memmove(m_buffer.data(), m_buffer.data() + rowStart, keep);
  m_size = keep;
  rowStart = 0;
  if (m_buffer.size() < m_size + m_chunkBytes)
    m_buffer.resize(std::max(m_buffer.size() * 2, m_size + m_chunkBytes));
  const std::size_t got = m_reader.read(m_buffer.data() + m_size, m_chunkBytes);
  m_size += got;
  if (got == m_chunkBytes)
    m_chunkBytes = std::min(m_chunkBytes * 2, kChunkBytes);
  if (got == 0)
    m_atEnd = true;
  return got > 0;
}

void CsvReader::splitPlain(std::size_t begin, std::size_t end) {
  const char *data = m_buffer.data();
  std::size_t start = begin;
  for (;;) {
    const auto *comma = static_cast<const char *>(std::memchr(data + start, ',', end - start));
    if (!comma) {
      m_fields.emplace_back(data + start, end - start);
      return;
    }
    const auto at = static_cast<std::size_t>(comma - data);
    m_fields.emplace_back(data + start, at - start);
    start = at + 1;
  }
}

void CsvReader::splitQuoted(std::size_t begin, std::size_t end) {
  // Quoted fields are unescaped into m_unescaped, reserved to the row's size
  // so views into it stay valid; unquoted fields stay views into the buffer.
  m_unescaped.clear();
  m_unescaped.reserve(end - begin);
  const char *data = m_buffer.data();
  std::size_t i = begin;
  for (;;) {
    if (i < end && data[i] == '"') {
      const std::size_t fieldStart = m_unescaped.size();
      ++i;
      for (;;) {
        const auto *quote = static_cast<const char *>(std::memchr(data + i, '"', end - i));
        const std::size_t stop = quote ? static_cast<std::size_t>(quote - data) : end;
        m_unescaped.append(data + i, stop - i);
        i = stop + 1;
        if (!quote || i >= end || data[i] != '"')
          break;
        m_unescaped += '"'; // "" inside quotes
        ++i;
      }
      // Stray text after the closing quote belongs to the field.
      const auto *comma = static_cast<const char *>(
          std::memchr(data + std::min(i, end), ',', end - std::min(i, end)));
      const std::size_t stop = comma ? static_cast<std::size_t>(comma - data) : end;
      if (i < stop)
        m_unescaped.append(data + i, stop - i);
      m_fields.emplace_back(m_unescaped.data() + fieldStart, m_unescaped.size() - fieldStart);
      i = stop;
    } else {
      const auto *comma = static_cast<const char *>(std::memchr(data + i, ',', end - i));
      const std::size_t stop = comma ? static_cast<std::size_t>(comma - data) : end;
      m_fields.emplace_back(data + i, stop - i);
      i = stop;
    }
    if (i >= end)
      return;
    ++i; // the comma
  }
}

bool CsvReader::next() {
  m_fields.clear();
  std::size_t rowStart = m_pos;
  for (;;) {
    // Find the row's end: a line break outside quotes.
    std::size_t scan = rowStart;
    bool quoted = false, anyQuote = false, complete = false;
    std::size_t rowEnd = 0;
    std::uint64_t breaks = 0, quotes = 0;
    while (scan < m_size) {
      if (quoted) {
        const auto *quote =
            static_cast<const char *>(std::memchr(m_buffer.data() + scan, '"', m_size - scan));
        if (!quote) {
          scan = m_size;
          break;
        }
        const auto at = static_cast<std::size_t>(quote - m_buffer.data());
        breaks += static_cast<std::uint64_t>(
            std::count(m_buffer.data() + scan, m_buffer.data() + at, '\n'));
        if (at + 1 >= m_size && !m_atEnd) {
          scan = m_size; // cannot tell "" from a closing quote yet
          break;
        }
        if (at + 1 < m_size && m_buffer[at + 1] == '"') {
          scan = at + 2;
          quotes += 2;
        } else {
          quoted = false;
          scan = at + 1;
          ++quotes;
        }
        continue;
      }
      const auto *newline =
          static_cast<const char *>(std::memchr(m_buffer.data() + scan, '\n', m_size - scan));
      const std::size_t limit =
          newline ? static_cast<std::size_t>(newline - m_buffer.data()) : m_size;
      const auto *quote =
          static_cast<const char *>(std::memchr(m_buffer.data() + scan, '"', limit - scan));
      if (quote) {
        anyQuote = quoted = true;
        ++quotes;
        scan = static_cast<std::size_t>(quote - m_buffer.data()) + 1;
        continue;
      }
      if (newline) {
        rowEnd = limit;
        complete = true;
      }
      scan = limit;
      break;
    }
    if (!complete && m_atEnd && rowStart < m_size) {
      rowEnd = m_size; // the last row, without a line break
      complete = true;
    }
    if (complete) {
      m_rowLine = m_line + 1;
      m_line += breaks + 1;
      m_quotes += quotes;
      m_pos = rowEnd < m_size ? rowEnd + 1 : m_size;
      std::size_t end = rowEnd;
      if (end > rowStart && m_buffer[end - 1] == '\r')
        --end;
      if (anyQuote)
        splitQuoted(rowStart, end);
      else
        splitPlain(rowStart, end);
      return true;
    }
    if (!refill(rowStart)) {
      if (rowStart >= m_size || !m_error.empty())
        return false;
      // At the end: the row so far is the last one.
      m_atEnd = true;
    }
    m_pos = rowStart;
  }
}

std::vector<std::string> csvHeader(const std::vector<std::string_view> &fields) {
  std::vector<std::string> names;
  for (std::string_view field : fields) {
    if (names.empty() && field.starts_with("\xEF\xBB\xBF"))
      field.remove_prefix(3);
    while (!field.empty() && (field.front() == ' ' || field.front() == '"'))
      field.remove_prefix(1);
    while (!field.empty() && (field.back() == ' ' || field.back() == '"'))
      field.remove_suffix(1);
    names.emplace_back(field);
  }
  return names;
}

} // namespace bwi::core
