#include "app/modelmaps.h"

#include "app/optionreader.h"
#include "core/files/scenariovalidation.h"

#include <array>
#include <ostream>

namespace bwi::app {
namespace {

std::vector<core::ModelMapping> &activeMaps() {
  static std::vector<core::ModelMapping> maps;
  return maps;
}

std::string badMapping(const std::string &text) {
  return "--map takes OLD=NEW (a model id without a price = a model of the rate card), got \"" +
         text + "\"";
}

} // namespace

bool takesModelMaps(std::string_view command) {
  constexpr std::array<std::string_view, 6> kCommands = {"import",  "evaluate", "forecast",
                                                         "compare", "export",   "report"};
  for (std::string_view each : kCommands)
    if (each == command)
      return true;
  return false;
}

std::optional<Arguments> extractModelMaps(const Arguments &arguments,
                                          std::vector<core::ModelMapping> &maps,
                                          std::string &error) {
  Arguments rest;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    if (arguments[i] != "--map") {
      rest.push_back(arguments[i]);
      continue;
    }
    if (i + 1 >= arguments.size()) {
      error = "--map needs a value (OLD=NEW)";
      return std::nullopt;
    }
    const auto mapping = core::parseModelMapping(arguments[++i]);
    if (!mapping) {
      error = badMapping(arguments[i]);
      return std::nullopt;
    }
    maps.push_back(*mapping);
  }
  return rest;
}

ActiveModelMaps::ActiveModelMaps(std::vector<core::ModelMapping> maps)
    : m_previous(std::move(activeMaps())) {
  activeMaps() = std::move(maps);
}

ActiveModelMaps::~ActiveModelMaps() { activeMaps() = std::move(m_previous); }

const std::vector<core::ModelMapping> &ActiveModelMaps::current() { return activeMaps(); }

bool applyModelMaps(core::Scenario &scenario, const core::RateCard &card,
                    const std::vector<core::ModelMapping> &maps,
                    std::vector<std::string> &problems) {
  const std::size_t before = problems.size();
  for (const core::ModelMapping &mapping : maps) {
    if (std::string problem = core::mappingProblem(card, mapping); !problem.empty()) {
      problems.push_back(std::move(problem));
      continue;
    }
    scenario = core::withModelMapped(scenario, mapping);
  }
  return problems.size() == before;
}

core::ScenarioLoadResult loadMappedScenario(const std::filesystem::path &path) {
  core::ScenarioLoadResult load = core::loadScenarioFile(path);
  const std::vector<core::ModelMapping> &maps = ActiveModelMaps::current();
  if (!load.loaded || maps.empty())
    return load;
  std::vector<std::string> problems;
  if (!applyModelMaps(load.loaded->scenario, load.loaded->card, maps, problems)) {
    for (std::string &problem : problems)
      load.issues.push_back({"--map", std::move(problem)});
    load.loaded.reset();
    return load;
  }
  // The moved traffic must be priced where it lands (a 1-hour cache, the calendar).
  core::validateAgainstRateCard(load.loaded->scenario, load.loaded->card, load.issues);
  if (!load.issues.empty())
    load.loaded.reset();
  return load;
}

int runMapCommand(const Arguments &arguments, std::ostream &out, std::ostream &err) {
  OptionReader in(arguments);
  std::vector<std::string> words;
  std::optional<std::string> outPath;
  while (in.next()) {
    if (in.is("--out")) {
      outPath = in.value();
      if (!outPath)
        break;
    } else if (in.isOption()) {
      in.unknownOption("map");
    } else {
      words.push_back(in.word());
    }
  }
  if (in.failed())
    return usageError(err, in.error(), "map");
  if (words.size() < 2)
    return usageError(err, "map takes a SCENARIO and at least one OLD=NEW", "map");
  if (!outPath)
    return usageError(err, "map needs --out FILE.json", "map");
  std::vector<core::ModelMapping> maps;
  for (std::size_t i = 1; i < words.size(); ++i) {
    const auto mapping = core::parseModelMapping(words[i]);
    if (!mapping)
      return usageError(err, badMapping(words[i]), "map");
    maps.push_back(*mapping);
  }
  const ActiveModelMaps active(std::move(maps));
  const core::ScenarioLoadResult load = loadMappedScenario(words[0]);
  if (!load.loaded) {
    err << load.report();
    return kInvalidInput;
  }
  err << load.unknownFieldsReport();
  core::Scenario scenario = load.loaded->scenario;
  // A card named by a relative path stays the same card beside the copy.
  core::rebaseRateCardPath(scenario, std::filesystem::path(words[0]).parent_path(),
                           std::filesystem::path(*outPath).parent_path());
  const core::WriteResult written = core::saveScenarioFile(scenario, *outPath);
  if (!written.ok) {
    err << "bedrock-whatif: " << written.message << "\n";
    return kInvalidInput;
  }
  out << "Wrote " << *outPath << " (";
  if (scenario.unpricedModels.empty())
    out << "every model priced)\n";
  else {
    out << "still without a price:";
    for (const std::string &id : scenario.unpricedModels)
      out << " " << id;
    out << ")\n";
  }
  return kSuccess;
}

} // namespace bwi::app
