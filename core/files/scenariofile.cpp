#include "core/files/scenariofile.h"

#include "core/common/jsonreader.h"
#include "core/common/jsonwriter.h"
#include "core/files/ratecardjson.h"
#include "core/files/ratecardoverrides.h"
#include "core/files/scenariojson.h"
#include "core/files/scenariovalidation.h"
#include "resources/embeddedresources.h"

#include <atomic>
#include <cstdio>
#include <fstream>
#include <random>
#include <system_error>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <unistd.h>
#endif

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

std::optional<std::string> readTextFile(const std::filesystem::path &path,
                                        ValidationIssues &issues) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  if (error) {
    issues.push_back({"", "cannot read the file: " + error.message(), path.string()});
    return std::nullopt;
  }
  if (size > kMaxInputFileBytes) {
    issues.push_back({"",
                      "the file is " + std::to_string(size / (1024 * 1024)) +
                          " MiB; scenario and rate-card files may be at most " +
                          std::to_string(kMaxInputFileBytes / (1024 * 1024)) + " MiB",
                      path.string()});
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    issues.push_back({"", "cannot open the file", path.string()});
    return std::nullopt;
  }
  std::string contents(static_cast<std::size_t>(size), '\0');
  in.read(contents.data(), static_cast<std::streamsize>(size));
  contents.resize(static_cast<std::size_t>(in.gcount()));
  return contents;
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

std::filesystem::path temporaryPathBeside(const std::filesystem::path &path) {
  static std::atomic<unsigned> counter{0};
  std::random_device random;
  return path.string() + ".tmp-" + std::to_string(random() % 1000000) + "-" +
         std::to_string(counter++);
}

namespace {

// Pushes a file's (or a folder's) contents to the disk, so that a rename
// that follows cannot reach the disk before the data does. Best effort where
// the platform has no such call.
bool flushToDisk(const std::filesystem::path &path) {
#if defined(__unix__) || defined(__APPLE__)
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0)
    return false;
  const bool ok = ::fsync(descriptor) == 0;
  ::close(descriptor);
  return ok;
#else
  (void)path;
  return true;
#endif
}

} // namespace

WriteResult replaceWithFile(const std::filesystem::path &temporary,
                            const std::filesystem::path &path) {
  std::error_code ignored;
  if (!flushToDisk(temporary)) {
    std::filesystem::remove(temporary, ignored);
    return {false, "writing " + path.string() + " failed: cannot flush it to disk"};
  }
  // rename() replaces the target in one step; removing it first would leave
  // nothing at `path` if the program stopped in between.
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::filesystem::remove(temporary, ignored);
    return {false, "cannot replace " + path.string() + ": " + error.message()};
  }
  const std::filesystem::path folder = path.parent_path();
  flushToDisk(folder.empty() ? std::filesystem::path(".") : folder);
  return {true, {}};
}

WriteResult writeFileAtomically(const std::filesystem::path &path, std::string_view contents) {
  const std::filesystem::path temporary = temporaryPathBeside(path);
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out)
      return {false, "cannot write " + temporary.string()};
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      return {false, "writing " + temporary.string() + " failed (disk full?)"};
    }
  }
  return replaceWithFile(temporary, path);
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
