#include "core/files/scenariofile.h"

#include "core/common/jsonreader.h"
#include "core/common/jsonwriter.h"
#include "core/files/ratecardjson.h"
#include "core/files/ratecardoverrides.h"
#include "core/files/scenariojson.h"
#include "core/files/scenariovalidation.h"
#include "resources/embeddedresources.h"

#include <system_error>

namespace bwi::core {
namespace {

std::optional<RateCard> parseRateCardText(std::string_view text, const std::string &file,
                                          ValidationIssues &issues,
                                          ValidationIssues *unknownFields = nullptr) {
  ValidationIssues own;
  ValidationIssues unknown;
  std::optional<RateCard> card;
  if (const auto json = parseJsonText(text, own)) {
    const UnknownFieldCollector collector(unknown);
    card = readRateCard(*json, "", own);
  }
  for (ValidationIssue &issue : own) {
    issue.file = file;
    issues.push_back(std::move(issue));
  }
  if (unknownFields)
    for (ValidationIssue &field : unknown) {
      field.file = file;
      unknownFields->push_back(std::move(field));
    }
  if (!own.empty())
    return std::nullopt;
  return card;
}

std::optional<RateCard> resolveRateCard(const Scenario &scenario,
                                        const std::filesystem::path &baseDirectory,
                                        ValidationIssues &issues, ValidationIssues &unknownFields) {
  switch (scenario.ratecard.kind) {
  case RateCardSource::Kind::Builtin:
    return builtinRateCard();
  case RateCardSource::Kind::Inline:
    return scenario.ratecard.inlineCard;
  case RateCardSource::Kind::Path: {
    const std::filesystem::path path = baseDirectory / scenario.ratecard.path;
    ValidationIssues fileIssues;
    auto card = loadRateCardFile(path, fileIssues, &unknownFields);
    if (!card) {
      issues.push_back({"ratecard", "cannot use the rate card \"" + scenario.ratecard.path + "\""});
      issues.insert(issues.end(), fileIssues.begin(), fileIssues.end());
    }
    return card;
  }
  }
  return std::nullopt;
}

} // namespace

RateCard builtinRateCard() {
  ValidationIssues issues;
  auto card = parseRateCardText(resources::builtin_ratecard(), "(built-in rate card)", issues);
  // The built-in card is checked by the tests; an invalid one is a build defect.
  return card.value_or(RateCard{});
}

std::optional<RateCard> loadRateCardFile(const std::filesystem::path &path,
                                         ValidationIssues &issues,
                                         ValidationIssues *unknownFields) {
  const auto text = readTextFile(path, issues);
  if (!text)
    return std::nullopt;
  return parseRateCardText(*text, path.string(), issues, unknownFields);
}

ScenarioLoadResult loadScenarioText(std::string_view text,
                                    const std::filesystem::path &baseDirectory,
                                    const std::string &displayName) {
  ScenarioLoadResult load;
  load.displayName = displayName;
  const auto json = parseJsonText(text, load.issues);
  if (!json)
    return load;
  LoadedScenario loaded;
  {
    const UnknownFieldCollector collector(load.unknownFields);
    loaded.scenario = readScenario(*json, load.issues);
  }
  const auto card =
      resolveRateCard(loaded.scenario, baseDirectory, load.issues, load.unknownFields);
  if (card) {
    loaded.baseCard = *card;
    loaded.card = applyOverrides(*card, loaded.scenario.ratecardOverrides, load.issues);
    validateAgainstRateCard(loaded.scenario, loaded.card, load.issues);
  }
  if (load.issues.empty())
    load.loaded = std::move(loaded);
  return load;
}

ScenarioLoadResult loadScenarioFile(const std::filesystem::path &path) {
  ValidationIssues issues;
  const auto text = readTextFile(path, issues);
  if (!text) {
    ScenarioLoadResult load;
    load.displayName = path.string();
    for (ValidationIssue &issue : issues)
      issue.file.clear();
    load.issues = std::move(issues);
    return load;
  }
  return loadScenarioText(*text, path.parent_path(), path.string());
}

ScenarioLoadResult loadExampleScenario() {
  return loadScenarioText(resources::example_scenario(), std::filesystem::current_path(),
                          "(built-in example scenario)");
}

WriteResult saveScenarioFile(const Scenario &scenario, const std::filesystem::path &path) {
  return writeFileAtomically(path, prettyJson(scenarioToJson(scenario)));
}

void rebaseRateCardPath(Scenario &scenario, const std::filesystem::path &fromDirectory,
                        const std::filesystem::path &toDirectory) {
  if (scenario.ratecard.kind != RateCardSource::Kind::Path)
    return;
  const std::filesystem::path named(scenario.ratecard.path);
  if (named.is_absolute())
    return;
  std::error_code error;
  const std::filesystem::path card =
      std::filesystem::weakly_canonical(std::filesystem::absolute(fromDirectory / named), error);
  if (error)
    return;
  const std::filesystem::path target =
      std::filesystem::weakly_canonical(std::filesystem::absolute(toDirectory), error);
  std::filesystem::path relative = error ? card : card.lexically_relative(target);
  scenario.ratecard.path = (relative.empty() ? card : relative).generic_string();
}

} // namespace bwi::core
