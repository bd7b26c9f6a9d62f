#include "core/import/linescan.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace bwi::core {
namespace {

struct Task {
  std::size_t file = 0;
  std::uint64_t block = 0;
  bool wholeFile = false;
};

struct TaskResult {
  std::uint64_t physicalLines = 0; // line breaks started in this task, for numbering
  std::uint64_t records = 0;       // non-empty lines
  std::uint64_t skippedCount = 0;
  std::vector<std::pair<std::uint64_t, std::string>> skipped; // local line number (1-based), reason
  std::string fileError; // a read or gzip error, reported after the lines read
};

// Bytes [begin, begin + size) of a file, with kLinePadding readable bytes after.
class PaddedBuffer {
public:
  PaddedBuffer() : m_bytes(kLinePadding, 0) {}
  char *data() { return m_bytes.data(); }
  std::size_t size() const { return m_size; }
  void clear() { m_size = 0; }
  void dropFront(std::size_t count) {
    if (count == 0)
      return;
    std::memmove(m_bytes.data(), m_bytes.data() + count, m_size - count);
    m_size -= count;
  }
  // Room for `count` more bytes; returns where they go.
  char *grow(std::size_t count) {
    if (m_bytes.size() < m_size + count + kLinePadding)
      m_bytes.resize(std::max(m_size + count + kLinePadding, m_bytes.size() * 2));
    return m_bytes.data() + m_size;
  }
  void commit(std::size_t count) {
    m_size += count;
    std::memset(m_bytes.data() + m_size, 0, kLinePadding);
  }
  void truncate(std::size_t size) {
    m_size = size;
    std::memset(m_bytes.data() + m_size, 0, kLinePadding);
  }

private:
  std::vector<char> m_bytes;
  std::size_t m_size = 0;
};

class TaskRunner {
public:
  TaskRunner(LineSink &sink, TaskResult &result) : m_sink(sink), m_result(result) {}

  // Feeds the lines that start at buffer offsets [pos, stopAt - begin) and
  // those after them until the stream ends; `more` appends bytes.
  template <typename More>
  void feed(PaddedBuffer &buffer, std::size_t pos, std::uint64_t begin, std::uint64_t stopAt,
            More more, std::size_t chunkBytes) {
    bool atEnd = false;
    std::string reason;
    while (begin + pos < stopAt) {
      std::size_t scanFrom = pos;
      const char *newline = nullptr;
      bool overlong = false;
      for (;;) {
        newline = static_cast<const char *>(
            std::memchr(buffer.data() + scanFrom, '\n', buffer.size() - scanFrom));
        if (newline || atEnd)
          break;
        if (buffer.size() - pos > kMaxLineBytes) {
          overlong = true;
          break;
        }
        buffer.dropFront(pos);
        begin += pos;
        pos = 0;
        scanFrom = buffer.size();
        const std::size_t got = more(buffer, chunkBytes);
        if (got == 0)
          atEnd = true;
      }
      if (overlong) {
        ++m_result.physicalLines;
        skip("line longer than " + std::to_string(kMaxLineBytes >> 20) + " MB");
        // Discard up to the end of this line without holding it.
        for (;;) {
          begin += buffer.size();
          buffer.clear();
          if (more(buffer, chunkBytes) == 0)
            return;
          newline = static_cast<const char *>(std::memchr(buffer.data(), '\n', buffer.size()));
          if (newline) {
            pos = static_cast<std::size_t>(newline - buffer.data()) + 1;
            break;
          }
        }
        continue;
      }
      const std::size_t lineEnd =
          newline ? static_cast<std::size_t>(newline - buffer.data()) : buffer.size();
      if (!newline && lineEnd == pos)
        return; // the stream ended with a line break
      ++m_result.physicalLines;
      std::size_t textEnd = lineEnd;
      if (textEnd > pos && buffer.data()[textEnd - 1] == '\r')
        --textEnd;
      if (textEnd > pos) {
        ++m_result.records;
        const std::string_view text(buffer.data() + pos, textEnd - pos);
        reason.clear();
        if (!m_sink.line(text, buffer.size() + kLinePadding - pos, reason))
          skip(std::move(reason));
      }
      if (!newline)
        return;
      pos = lineEnd + 1;
    }
  }

  void skip(std::string reason) {
    ++m_result.skippedCount;
    if (m_result.skipped.size() < kMaxSkippedListed)
      m_result.skipped.emplace_back(m_result.physicalLines, std::move(reason));
  }

private:
  LineSink &m_sink;
  TaskResult &m_result;
};

std::size_t preadFully(int fd, char *out, std::size_t count, std::uint64_t offset) {
  std::size_t got = 0;
  while (got < count) {
    const ssize_t n = ::pread(fd, out + got, count - got, static_cast<off_t>(offset + got));
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break;
    got += static_cast<std::size_t>(n);
  }
  return got;
}

void runPlainBlock(const InputFile &file, const Task &task, std::size_t blockBytes,
                   PaddedBuffer &buffer, LineSink &sink, TaskResult &result) {
  const int fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    result.fileError = std::string("cannot open: ") + std::strerror(errno);
    return;
  }
  const std::uint64_t start = task.block * blockBytes;
  const std::uint64_t end = std::min<std::uint64_t>(file.bytes, start + blockBytes);
  const std::uint64_t readFrom = start == 0 ? 0 : start - 1;
  buffer.clear();
  const std::size_t want = static_cast<std::size_t>(end - readFrom);
  buffer.commit(preadFully(fd, buffer.grow(want), want, readFrom));
  std::size_t pos = 0;
  if (start > 0) {
    // A line starts in this block only after a line break.
    if (buffer.size() > 0 && buffer.data()[0] == '\n') {
      pos = 1;
    } else {
      const auto *newline =
          static_cast<const char *>(std::memchr(buffer.data(), '\n', buffer.size()));
      pos = newline ? static_cast<std::size_t>(newline - buffer.data()) + 1 : buffer.size();
    }
  }
  std::uint64_t next = readFrom + buffer.size();
  const auto more = [&](PaddedBuffer &target, std::size_t count) -> std::size_t {
    // No more than the file has left: the line that runs past a block's end
    // is usually short, and room for a whole chunk would be cleared for it.
    count = static_cast<std::size_t>(
        std::min<std::uint64_t>(count, file.bytes > next ? file.bytes - next : 0));
    if (count == 0)
      return 0;
    const std::size_t got = preadFully(fd, target.grow(count), count, next);
    target.commit(got);
    next += got;
    return got;
  };
  TaskRunner runner(sink, result);
  runner.feed(buffer, pos, readFrom, end, more, 1u << 20);
  ::close(fd);
}

// Blocks of a gzip file, inflated by one thread and parsed by whichever
// thread is free: the inflating thread hands whole-line blocks over and
// parses one itself when the hand-over is full.
struct Handoff {
  static constexpr std::size_t kQueuedBlocks = 4;
  std::mutex mutex;
  std::condition_variable ready;
  std::deque<std::pair<PaddedBuffer, TaskResult *>> queue;
  std::deque<TaskResult> blockResults; // stable addresses
  int producing = 0;

  TaskResult *newResult() {
    std::lock_guard lock(mutex);
    return &blockResults.emplace_back();
  }
};

void parseBlock(PaddedBuffer &buffer, LineSink &sink, TaskResult &result) {
  TaskRunner runner(sink, result);
  runner.feed(
      buffer, 0, 0, UINT64_MAX, [](PaddedBuffer &, std::size_t) { return std::size_t{0}; }, 0);
}

std::size_t afterLastNewline(const PaddedBuffer &buffer, const char *data) {
  for (std::size_t i = buffer.size(); i > 0; --i)
    if (data[i - 1] == '\n')
      return i;
  return 0;
}

void runGzipFile(const InputFile &file, std::size_t blockBytes, LineSink &sink, TaskResult &result,
                 std::vector<TaskResult *> &order, Handoff &handoff, ImportControl *control) {
  ChunkReader reader(file);
  if (!reader.ok()) {
    result.fileError = reader.error();
    return;
  }
  PaddedBuffer current;
  std::uint64_t reported = 0;
  bool atEnd = false;
  const auto fill = [&] {
    const std::size_t got = reader.read(current.grow(blockBytes), blockBytes);
    current.commit(got);
    if (control) {
      control->bytesDone += reader.position() - reported;
      reported = reader.position();
    }
    return got;
  };
  while (!atEnd) {
    if (control && control->cancelled())
      break;
    atEnd = fill() == 0;
    std::size_t cut = atEnd ? current.size() : afterLastNewline(current, current.data());
    if (cut == 0 && !atEnd) {
      if (current.size() <= kMaxLineBytes)
        continue; // the line goes on in the next chunk
      // Skip a line too long to hold, up to its end.
      TaskResult *slot = handoff.newResult();
      slot->physicalLines = slot->skippedCount = 1;
      slot->skipped.emplace_back(1,
                                 "line longer than " + std::to_string(kMaxLineBytes >> 20) + " MB");
      order.push_back(slot);
      for (;;) {
        current.clear();
        if (fill() == 0) {
          atEnd = true;
          break;
        }
        if (const auto *newline =
                static_cast<const char *>(std::memchr(current.data(), '\n', current.size()))) {
          current.dropFront(static_cast<std::size_t>(newline - current.data()) + 1);
          break;
        }
      }
      continue;
    }
    if (cut == 0)
      break;
    PaddedBuffer rest;
    const std::size_t tail = current.size() - cut;
    std::memcpy(rest.grow(tail), current.data() + cut, tail);
    rest.commit(tail);
    current.truncate(cut);
    TaskResult *slot = handoff.newResult();
    order.push_back(slot);
    bool queued = false;
    {
      std::lock_guard lock(handoff.mutex);
      if (handoff.queue.size() < Handoff::kQueuedBlocks) {
        handoff.queue.emplace_back(std::move(current), slot);
        queued = true;
      }
    }
    if (queued)
      handoff.ready.notify_one();
    else
      parseBlock(current, sink, *slot);
    current = std::move(rest);
  }
  if (control)
    control->bytesDone += file.bytes > reported ? file.bytes - reported : 0;
  if (!reader.ok())
    result.fileError = reader.error();
}

} // namespace

std::optional<ImportFailure> scanLines(const std::vector<InputFile> &files,
                                       const std::function<std::unique_ptr<LineSink>()> &makeSink,
                                       std::vector<std::unique_ptr<LineSink>> &sinks,
                                       ImportTally &tally, const LineScanOptions &options) {
  const std::size_t blockBytes = std::max<std::size_t>(options.blockBytes, 1);
  std::vector<Task> tasks;
  std::uint64_t totalBytes = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    totalBytes += files[i].bytes;
    if (files[i].gzip) {
      tasks.push_back({i, 0, true});
    } else {
      const std::uint64_t blocks =
          std::max<std::uint64_t>(1, (files[i].bytes + blockBytes - 1) / blockBytes);
      for (std::uint64_t block = 0; block < blocks; ++block)
        tasks.push_back({i, block, false});
    }
  }
  ImportControl *control = options.control;
  if (control)
    control->bytesTotal += totalBytes;
  std::vector<TaskResult> results(tasks.size());
  unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  threads = static_cast<unsigned>(
      std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(1, tasks.size())));
  sinks.clear();
  for (unsigned i = 0; i < threads; ++i)
    sinks.push_back(makeSink());
  std::atomic<std::size_t> nextTask{0};
  Handoff handoff;
  std::vector<std::vector<TaskResult *>> gzipBlocks(tasks.size());
  const auto work = [&](LineSink &sink) {
    PaddedBuffer buffer;
    for (;;) {
      if (control && control->cancelled())
        return;
      const std::size_t index = nextTask.fetch_add(1);
      if (index >= tasks.size()) {
        // No task left: parse the blocks inflating threads hand over.
        std::unique_lock lock(handoff.mutex);
        handoff.ready.wait(lock, [&] {
          return !handoff.queue.empty() || handoff.producing == 0 ||
                 (control && control->cancelled());
        });
        if (handoff.queue.empty())
          return;
        auto [block, slot] = std::move(handoff.queue.front());
        handoff.queue.pop_front();
        lock.unlock();
        parseBlock(block, sink, *slot);
        continue;
      }
      const Task &task = tasks[index];
      const InputFile &file = files[task.file];
      if (task.wholeFile) {
        {
          std::lock_guard lock(handoff.mutex);
          ++handoff.producing;
        }
        runGzipFile(file, blockBytes, sink, results[index], gzipBlocks[index], handoff, control);
        {
          std::lock_guard lock(handoff.mutex);
          --handoff.producing;
        }
        handoff.ready.notify_all();
      } else {
        runPlainBlock(file, task, blockBytes, buffer, sink, results[index]);
        if (control) {
          const std::uint64_t start = task.block * blockBytes;
          control->bytesDone += std::min<std::uint64_t>(file.bytes, start + blockBytes) - start;
        }
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < threads; ++i)
    pool.emplace_back(work, std::ref(*sinks[i]));
  work(*sinks[0]);
  for (std::thread &thread : pool)
    thread.join();
  if (control && control->cancelled())
    return ImportFailure{"import cancelled", true};

  // Line numbers: each task's local numbers after the lines of the tasks before it in its file.
  std::size_t currentFile = SIZE_MAX;
  std::uint64_t base = 0;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    if (tasks[i].file != currentFile) {
      currentFile = tasks[i].file;
      base = 0;
      ++tally.files;
    }
    const std::string &name = files[currentFile].display;
    const auto merge = [&](const TaskResult &result) {
      tally.lines += result.records;
      for (const auto &[line, reason] : result.skipped)
        tally.skipped.add({name, base + line, reason});
      tally.skipped.count += result.skippedCount - result.skipped.size();
      if (!result.fileError.empty())
        tally.skipped.add({name, base + result.physicalLines + 1, result.fileError});
      base += result.physicalLines;
    };
    for (const TaskResult *block : gzipBlocks[i])
      merge(*block);
    merge(results[i]);
  }
  return std::nullopt;
}

std::optional<std::string> firstLine(const InputFile &file, std::string &error) {
  ChunkReader reader(file);
  std::string text;
  constexpr std::size_t kLimit = 1u << 20;
  while (reader.ok() && text.size() < kLimit) {
    const std::size_t before = text.size();
    text.resize(before + 65536);
    const std::size_t got = reader.read(text.data() + before, 65536);
    text.resize(before + got);
    if (got == 0)
      break;
    // Done once a non-empty line is complete.
    std::size_t start = text.find_first_not_of("\r\n\t ");
    if (start != std::string::npos && text.find('\n', start) != std::string::npos)
      break;
  }
  if (text.empty() && !reader.ok()) {
    error = file.display + ": " + reader.error();
    return std::nullopt;
  }
  const std::size_t start = text.find_first_not_of("\r\n\t ");
  if (start == std::string::npos)
    return std::string();
  const std::size_t end = text.find('\n', start);
  std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (!line.empty() && line.back() == '\r')
    line.pop_back();
  return line;
}

} // namespace bwi::core
