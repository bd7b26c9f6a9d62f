#pragma once

#include "core/common/atomicfile.h"
#include "core/common/validationissue.h"
#include "core/model/ratecard.h"
#include "core/model/scenario.h"

#include <filesystem>
#include <optional>
#include <string>

// Scenario and rate-card files on disk: read, resolve the rate card the
// scenario names, apply its overrides, validate; save (through atomicfile.h).
namespace bwi::core {

struct LoadedScenario {
  Scenario scenario;
  RateCard baseCard; // the card as named (builtin, file or inline)
  RateCard card;     // with ratecard_overrides applied: what evaluation uses
};

struct ScenarioLoadResult {
  std::optional<LoadedScenario> loaded; // set only when there are no issues
  ValidationIssues issues;
  // Fields this version does not read (in the scenario or the rate card it
  // names): the scenario loads without them, and the user is told which.
  ValidationIssues unknownFields;
  std::string displayName; // the file name messages start with
  std::string report() const { return formatIssues(displayName, issues); }
  std::string unknownFieldsReport() const { return formatIssues(displayName, unknownFields); }
};

// The rate card shipped inside the program.
RateCard builtinRateCard();

ScenarioLoadResult loadScenarioFile(const std::filesystem::path &path);
// `baseDirectory` resolves a rate card given as a relative path.
ScenarioLoadResult loadScenarioText(std::string_view text,
                                    const std::filesystem::path &baseDirectory,
                                    const std::string &displayName);
// The example scenario shipped inside the program.
ScenarioLoadResult loadExampleScenario();

// `unknownFields`, when given, receives the fields the card has that this
// version does not read.
std::optional<RateCard> loadRateCardFile(const std::filesystem::path &path,
                                         ValidationIssues &issues,
                                         ValidationIssues *unknownFields = nullptr);

WriteResult saveScenarioFile(const Scenario &scenario, const std::filesystem::path &path);

// A scenario written to another folder keeps naming the same rate-card file:
// a relative `ratecard` path is re-expressed from `toDirectory`.
void rebaseRateCardPath(Scenario &scenario, const std::filesystem::path &fromDirectory,
                        const std::filesystem::path &toDirectory);

} // namespace bwi::core
