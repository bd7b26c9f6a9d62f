#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>

// What a fuzz target asserts: a broken invariant prints where and aborts, so
// libFuzzer records the input as a crash (assert() is compiled out in
// optimized builds).
namespace bwi::fuzz {

[[noreturn]] inline void fail(const char *file, int line, const char *what) {
  std::fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, what);
  std::abort();
}

inline std::string_view asText(const unsigned char *data, std::size_t size) {
  return {reinterpret_cast<const char *>(data), size};
}

} // namespace bwi::fuzz

#define BWI_FUZZ_CHECK(condition)                                                                  \
  do {                                                                                             \
    if (!(condition))                                                                              \
      ::bwi::fuzz::fail(__FILE__, __LINE__, #condition);                                           \
  } while (false)
