#pragma once

#include "core/cost/evaluation.h"
#include "core/files/scenariofile.h"

#include <catch2/catch.hpp>

#include <string>

namespace bwi::test {

// The project's float comparison: within a relative tolerance, or an
// absolute one near 0. (Catch2 v2's `WithinRel(...) || WithinAbs(...)` keeps
// references to its operands, so it cannot be returned from a helper.)
class NearMatcher : public Catch::MatcherBase<double> {
public:
  NearMatcher(double expected, double relative, double absolute)
      : m_expected(expected), m_relative(relative), m_absolute(absolute) {}
  bool match(const double &actual) const override;
  std::string describe() const override;

private:
  double m_expected, m_relative, m_absolute;
};

// Relative 1e-12 or absolute 1e-9: hand-computed figures.
inline NearMatcher near(double expected) { return {expected, 1e-12, 1e-9}; }
// Relative 1e-9 or absolute 1e-6: sums over many terms.
inline NearMatcher closeTo(double expected) { return {expected, 1e-9, 1e-6}; }

// A rate card with the models the hand-computed cases use (see .cpp).
std::string testRateCardJson();

// A scenario around `workloadsJson` (a JSON array) with the test rate card
// inline; `extra` is more top-level members, e.g. `"provisioned": [...]`.
std::string scenarioJson(const std::string &workloadsJson, const std::string &extra = "");

// Loads or fails the test with the validation report.
core::LoadedScenario load(const std::string &json);
core::Evaluation evaluateJson(const std::string &json, int month = 0);

// The issues of a scenario that must not load.
core::ValidationIssues issuesOf(const std::string &json);
bool hasIssueAt(const core::ValidationIssues &issues, const std::string &path);

double costOf(const std::vector<core::NamedCost> &costs, const std::string &key);

} // namespace bwi::test
