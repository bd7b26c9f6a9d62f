#pragma once

#include <cstdint>
#include <vector>

// Tokens per request, counted into buckets so percentiles need memory that
// does not grow with the number of requests: exact below 256 tokens, above
// that 128 buckets per doubling (each within ±0.4% of its value).
namespace bwi::core {

class TokenHistogram {
public:
  void add(std::uint64_t tokens);
  void merge(const TokenHistogram &other);
  std::uint64_t count() const { return m_count; }
  // The value at quantile q in [0, 1] (nearest rank); 0 when empty.
  std::uint64_t quantile(double q) const;

private:
  std::vector<std::uint64_t> m_buckets;
  std::uint64_t m_count = 0;
};

} // namespace bwi::core
