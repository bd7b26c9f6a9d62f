#pragma once

#include "app/subcommands.h"
#include "core/files/scenariofile.h"
#include "core/model/modelmapping.h"

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

// `--map OLD=NEW` on import, evaluate, forecast, compare, export and report,
// and the `map` sub-command (docs/scenario-format.md, "The command line"):
// traffic on a model without a price moved to a card model
// (docs/cost-model.md §21).
namespace bwi::app {

// Whether `command` takes --map.
bool takesModelMaps(std::string_view command);

// `arguments` without their `--map OLD=NEW` pairs, which go to `maps`;
// nullopt with `error` set for a --map without a value or not OLD=NEW.
std::optional<Arguments> extractModelMaps(const Arguments &arguments,
                                          std::vector<core::ModelMapping> &maps,
                                          std::string &error);

// The mappings of the command line being run: set for the duration of one
// sub-command by runCommandLine, read where its scenarios are loaded.
class ActiveModelMaps {
public:
  explicit ActiveModelMaps(std::vector<core::ModelMapping> maps);
  ~ActiveModelMaps();
  ActiveModelMaps(const ActiveModelMaps &) = delete;
  ActiveModelMaps &operator=(const ActiveModelMaps &) = delete;
  static const std::vector<core::ModelMapping> &current();

private:
  std::vector<core::ModelMapping> m_previous;
};

// `scenario` with every mapping applied; false with a message for each
// target the card lacks (in `problems`).
bool applyModelMaps(core::Scenario &scenario, const core::RateCard &card,
                    const std::vector<core::ModelMapping> &maps,
                    std::vector<std::string> &problems);

// loadScenarioFile with the active mappings applied and the result checked
// against the card again; a mapping to a model the card lacks is an issue
// at "--map".
core::ScenarioLoadResult loadMappedScenario(const std::filesystem::path &path);

// `bedrock-whatif map SCENARIO OLD=NEW... --out FILE`.
int runMapCommand(const Arguments &arguments, std::ostream &out, std::ostream &err);

} // namespace bwi::app
