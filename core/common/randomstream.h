#pragma once

#include <cmath>
#include <cstdint>

// A reproducible random stream written out in full (splitmix64 seeding
// xoshiro256**, Box-Muller normals), so the same seed gives the same Monte
// Carlo figures with every compiler and standard library;
// std::normal_distribution does not promise that.
namespace bwi::core {

inline std::uint64_t splitMix64(std::uint64_t &state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

class RandomStream {
public:
  // One independent stream per (seed, index): a trial's numbers do not depend
  // on which thread draws them or in what order.
  RandomStream(std::uint64_t seed, std::uint64_t index) {
    std::uint64_t state = seed;
    std::uint64_t mixed = splitMix64(state) ^ (index * 0xD1B54A32D192ED03ull);
    for (std::uint64_t &word : m_state)
      word = splitMix64(mixed);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
  }

  // Uniform in the open interval (0, 1): 53 random bits, centred in their cell.
  double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }

  // A standard normal (Box-Muller; the second value of each pair is kept for the next call).
  double normal() {
    if (m_hasSpare) {
      m_hasSpare = false;
      return m_spare;
    }
    const double radius = std::sqrt(-2.0 * std::log(uniform()));
    const double angle = 6.283185307179586 * uniform();
    m_spare = radius * std::sin(angle);
    m_hasSpare = true;
    return radius * std::cos(angle);
  }

private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t m_state[4] = {};
  double m_spare = 0;
  bool m_hasSpare = false;
};

} // namespace bwi::core
