#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

// The project's float comparison, for every test binary (core, cli, gui):
// within a relative tolerance, or an absolute one near 0. (Catch2 v2's
// `WithinRel(...) || WithinAbs(...)` keeps references to its operands, so it
// cannot be returned from a helper.)
namespace bwi::test {

class NearMatcher : public Catch::MatcherBase<double> {
public:
  NearMatcher(double expected, double relative, double absolute)
      : m_expected(expected), m_relative(relative), m_absolute(absolute) {}
  bool match(const double &actual) const override {
    const double difference = std::fabs(actual - m_expected);
    return difference <= m_absolute ||
           difference <= m_relative * std::max(std::fabs(actual), std::fabs(m_expected));
  }
  std::string describe() const override {
    std::ostringstream text;
    text.precision(17);
    text << "is within " << m_relative << " relative or " << m_absolute << " absolute of "
         << m_expected;
    return text.str();
  }

private:
  double m_expected, m_relative, m_absolute;
};

// Relative 1e-12 or absolute 1e-9: hand-computed figures.
inline NearMatcher near(double expected) { return {expected, 1e-12, 1e-9}; }
// Relative 1e-9 or absolute 1e-6: sums over many terms.
inline NearMatcher closeTo(double expected) { return {expected, 1e-9, 1e-6}; }
// Relative 1e-6: figures the program computed along another path, at the
// tolerance of the reference cross-check (docs/cost-model.md).
inline NearMatcher sameFigure(double expected) { return {expected, 1e-6, 1e-9}; }

} // namespace bwi::test
