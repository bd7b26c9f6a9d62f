#pragma once

#include "core/common/jsonreader.h"
#include "core/model/scenario.h"

// The scenario file form of docs/scenario-format.md: reading with every
// field checked against its range, and writing back what was read.
namespace bwi::core {

inline constexpr const char *kScenarioFormat = "bedrock-whatif-scenario";
// Files that use escalation or the calendar keep version 1 (docs/cost-model.md §13).
inline constexpr int kScenarioVersion = 1;

// Limits that keep hostile files from hanging the program.
inline constexpr std::size_t kMaxWorkloads = 10000;
// Workload-model pairs over all routing objects: what evaluation loops over.
inline constexpr std::size_t kMaxRoutes = 100000;
inline constexpr int kMaxModelUnits = 1000000;
inline constexpr std::size_t kMaxMetersPerWorkload = 100;
inline constexpr int kMaxForecastMonths = 120;
inline constexpr int kMinTrials = 100; // fewer gives no meaningful p10/p90
inline constexpr int kMaxTrials = 1000000;

// Structural reading: types and ranges. Model ids are checked against the
// rate card afterwards (scenariovalidation.h).
Scenario readScenario(const Json &json, ValidationIssues &issues);

Json scenarioToJson(const Scenario &scenario);

// One `ratecard_overrides` value as JSON: true/false, a number, a string or null.
Json overrideValueToJson(const OverrideValue &value);

} // namespace bwi::core
