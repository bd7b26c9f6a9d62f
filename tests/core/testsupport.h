#pragma once

#include "core/cost/evaluation.h"
#include "core/files/scenariofile.h"
#include "tests/common/tolerance.h"

#include <catch2/catch.hpp>

#include <string>

namespace bwi::test {

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
