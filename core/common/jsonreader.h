#pragma once

#include "core/common/validationissue.h"

#include <nlohmann/json.hpp>

#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Reading JSON values with their paths, collecting every problem instead of
// stopping at the first (docs/cost-model.md §9 and §10.12-§10.13).
namespace bwi::core {

using Json = nlohmann::ordered_json;

// `parent.key`, or `parent["key"]` when the key is not an identifier.
std::string childPath(std::string_view parent, std::string_view key);
std::string indexPath(std::string_view parent, std::size_t index);

struct NumberRule {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool minExclusive = false;
  bool whole = false;

  static NumberRule between(double min, double max) { return {min, max}; }
  static NumberRule above(double min, double max = std::numeric_limits<double>::infinity()) {
    return {min, max, true};
  }
  static NumberRule wholeBetween(double min, double max) { return {min, max, false, true}; }
};

// Deeper nesting than any valid scenario needs is refused before parsing.
inline constexpr int kMaxJsonDepth = 64;
inline constexpr std::size_t kMaxObjectMembers = 10000;

// Parses `text`; on a syntax error adds an issue at `line L, column C` and
// returns nullopt.
std::optional<Json> parseJsonText(std::string_view text, ValidationIssues &issues);

// While one of these lives (on this thread), every ObjectReader reports the
// members of its object that nothing looked up: fields this version does not
// know, which a newer version may have written (docs/file-compatibility.md).
class UnknownFieldCollector {
public:
  explicit UnknownFieldCollector(ValidationIssues &unknown);
  ~UnknownFieldCollector();
  UnknownFieldCollector(const UnknownFieldCollector &) = delete;
  UnknownFieldCollector &operator=(const UnknownFieldCollector &) = delete;

private:
  ValidationIssues *m_previous;
};

// Reads the fields of one JSON object. A missing key and `null` both mean
// "use the default" unless the field is required.
class ObjectReader {
public:
  ObjectReader(const Json &value, std::string path, ValidationIssues &issues);
  // Reports the members never looked up to the active UnknownFieldCollector.
  ~ObjectReader();
  ObjectReader(const ObjectReader &) = delete;
  ObjectReader &operator=(const ObjectReader &) = delete;

  bool isObject() const { return m_object != nullptr; }
  const std::string &path() const { return m_path; }
  std::string pathOf(std::string_view key) const { return childPath(m_path, key); }
  // The value at key, or nullptr when absent or null.
  const Json *find(std::string_view key) const;
  bool has(std::string_view key) const { return find(key) != nullptr; }

  std::optional<double> optionalNumber(std::string_view key, const NumberRule &rule);
  double number(std::string_view key, double fallback, const NumberRule &rule);
  double requiredNumber(std::string_view key, const NumberRule &rule);
  std::optional<std::string> optionalString(std::string_view key);
  std::string string(std::string_view key, std::string fallback);
  std::string requiredString(std::string_view key);
  bool boolean(std::string_view key, bool fallback);

  void addIssue(std::string_view key, std::string message);
  void missing(std::string_view key);

private:
  const Json *m_object = nullptr;
  std::string m_path;
  ValidationIssues &m_issues;
  mutable std::vector<std::string> m_lookedUp; // keys asked for, known or not
};

// Checks a number against a rule; on failure adds an issue at `path`.
std::optional<double> readNumber(const Json &value, const std::string &path, const NumberRule &rule,
                                 ValidationIssues &issues);

// The JSON type of a value in words ("a string", "an array").
std::string describeType(const Json &value);

} // namespace bwi::core
