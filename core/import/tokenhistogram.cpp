#include "core/import/tokenhistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace bwi::core {
namespace {

constexpr unsigned kExactBits = 8; // values below 256 have a bucket each
constexpr unsigned kSubBits = 7;   // 128 buckets per doubling above that

std::size_t bucketOf(std::uint64_t value) {
  if (value < (1u << kExactBits))
    return static_cast<std::size_t>(value);
  const unsigned top = static_cast<unsigned>(std::bit_width(value)) - 1; // >= kExactBits
  const unsigned shift = top - kSubBits;
  const std::uint64_t sub = (value >> shift) & ((1u << kSubBits) - 1);
  return (1u << kExactBits) + (top - kExactBits) * (1u << kSubBits) + static_cast<std::size_t>(sub);
}

// The middle of a bucket's range, the value reported for it.
std::uint64_t valueOf(std::size_t bucket) {
  if (bucket < (1u << kExactBits))
    return bucket;
  const std::size_t above = bucket - (1u << kExactBits);
  const unsigned top = static_cast<unsigned>(above >> kSubBits) + kExactBits;
  const std::uint64_t sub = above & ((1u << kSubBits) - 1);
  const unsigned shift = top - kSubBits;
  const std::uint64_t low = ((std::uint64_t{1} << kSubBits) | sub) << shift;
  return low + ((std::uint64_t{1} << shift) - 1) / 2;
}

} // namespace

void TokenHistogram::add(std::uint64_t tokens) {
  const std::size_t bucket = bucketOf(tokens);
  if (bucket >= m_buckets.size())
    m_buckets.resize(bucket + 1, 0);
  ++m_buckets[bucket];
  ++m_count;
}

void TokenHistogram::merge(const TokenHistogram &other) {
  if (other.m_buckets.size() > m_buckets.size())
    m_buckets.resize(other.m_buckets.size(), 0);
  for (std::size_t i = 0; i < other.m_buckets.size(); ++i)
    m_buckets[i] += other.m_buckets[i];
  m_count += other.m_count;
}

std::uint64_t TokenHistogram::quantile(double q) const {
  if (m_count == 0)
    return 0;
  // Nearest rank: the smallest value with at least ceil(q·n) values at or below it.
  const auto rank =
      std::max<std::uint64_t>(1, static_cast<std::uint64_t>(std::ceil(
                                     std::clamp(q, 0.0, 1.0) * static_cast<double>(m_count))));
  std::uint64_t seen = 0;
  for (std::size_t bucket = 0; bucket < m_buckets.size(); ++bucket) {
    seen += m_buckets[bucket];
    if (seen >= rank)
      return valueOf(bucket);
  }
  return valueOf(m_buckets.size() - 1);
}

} // namespace bwi::core
