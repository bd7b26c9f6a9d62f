#pragma once

#include "ratecard.h"
#include "scenario.h"
#include "validationissue.h"

#include <filesystem>
#include <optional>
#include <string>

// Scenario and rate-card files on disk: read, resolve the rate card the
// scenario names, apply its overrides, validate; write atomically.
namespace bwi::core {

inline constexpr std::uintmax_t kMaxInputFileBytes = 64u * 1024 * 1024;

struct LoadedScenario {
  Scenario scenario;
  RateCard baseCard; // the card as named (builtin, file or inline)
  RateCard card;     // with ratecard_overrides applied: what evaluation uses
};

struct ScenarioLoad {
  std::optional<LoadedScenario> loaded; // set only when there are no issues
  ValidationIssues issues;
  std::string displayName; // the file name messages start with
  std::string report() const { return formatIssues(displayName, issues); }
};

// The rate card shipped inside the program.
RateCard builtinRateCard();

ScenarioLoad loadScenarioFile(const std::filesystem::path &path);
// `baseDirectory` resolves a rate card given as a relative path.
ScenarioLoad loadScenarioText(std::string_view text, const std::filesystem::path &baseDirectory,
                              const std::string &displayName);
// The example scenario shipped inside the program.
ScenarioLoad loadExampleScenario();

// Reads a whole file; nullopt with an issue when missing, unreadable or too large.
std::optional<std::string> readTextFile(const std::filesystem::path &path,
                                        ValidationIssues &issues);

std::optional<RateCard> loadRateCardFile(const std::filesystem::path &path,
                                         ValidationIssues &issues);

struct WriteResult {
  bool ok = false;
  std::string message; // why not, when !ok
};

// Writes to a temporary file beside `path`, then renames it over `path`, so
// a crash never leaves a half-written file.
WriteResult writeFileAtomically(const std::filesystem::path &path, std::string_view contents);
WriteResult saveScenarioFile(const Scenario &scenario, const std::filesystem::path &path);

// A scenario written to another folder keeps naming the same rate-card file:
// a relative `ratecard` path is re-expressed from `toDirectory`.
void rebaseRateCardPath(Scenario &scenario, const std::filesystem::path &fromDirectory,
                        const std::filesystem::path &toDirectory);

} // namespace bwi::core
