#include "core/common/jsonreader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <sstream>

namespace bwi::core {
namespace {

bool isIdentifier(std::string_view key) {
  if (key.empty() || !(std::isalpha(static_cast<unsigned char>(key[0])) || key[0] == '_'))
    return false;
  for (char c : key)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_'))
      return false;
  return true;
}

std::string formatNumber(double value) {
  std::ostringstream out;
  out.precision(10);
  out << value;
  return out.str();
}

std::string describeRule(const NumberRule &rule) {
  std::string text = rule.whole ? "a whole number" : "a number";
  const bool hasMin = std::isfinite(rule.min);
  const bool hasMax = std::isfinite(rule.max);
  if (hasMin && hasMax && !rule.minExclusive)
    return text + " from " + formatNumber(rule.min) + " to " + formatNumber(rule.max);
  if (hasMin)
    text += (rule.minExclusive ? " > " : " >= ") + formatNumber(rule.min);
  if (hasMax)
    text += std::string(hasMin ? " and" : "") + " <= " + formatNumber(rule.max);
  return text;
}

std::string shortJson(const Json &value) {
  std::string text = value.dump();
  if (text.size() > 40)
    text = text.substr(0, 37) + "...";
  return text;
}

} // namespace

std::string childPath(std::string_view parent, std::string_view key) {
  std::string path(parent);
  if (isIdentifier(key)) {
    if (!path.empty())
      path += '.';
    path += key;
  } else {
    path += "[\"";
    for (char c : key) {
      if (c == '"' || c == '\\')
        path += '\\';
      path += c;
    }
    path += "\"]";
  }
  return path;
}

std::string indexPath(std::string_view parent, std::size_t index) {
  return std::string(parent) + "[" + std::to_string(index) + "]";
}

std::string describeType(const Json &value) {
  switch (value.type()) {
  case Json::value_t::null:
    return "null";
  case Json::value_t::boolean:
    return "a boolean";
  case Json::value_t::string:
    return "a string";
  case Json::value_t::array:
    return "an array";
  case Json::value_t::object:
    return "an object";
  default:
    return "a number";
  }
}

namespace {

std::string lineAndColumn(std::string_view text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

struct StructureProblem {
  std::size_t offset;
  std::string message;
};

// Where a hostile file would hurt the parser, if anywhere: nesting deeper
// than kMaxJsonDepth (the recursive parser would exhaust the stack), or an
// object with more than kMaxObjectMembers members (ordered objects look keys
// up linearly, so inserting them is quadratic).
std::optional<StructureProblem> structureProblem(std::string_view text) {
  std::array<char, kMaxJsonDepth + 1> containers{};
  std::array<std::size_t, kMaxJsonDepth + 1> members{};
  int depth = 0;
  bool inString = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (inString) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth)
        return StructureProblem{i,
                                "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"};
      containers[static_cast<std::size_t>(depth)] = c;
      members[static_cast<std::size_t>(depth)] = 0;
    } else if (c == ']' || c == '}') {
      depth = std::max(0, depth - 1);
    } else if (c == ',' && depth > 0 && containers[static_cast<std::size_t>(depth)] == '{' &&
               ++members[static_cast<std::size_t>(depth)] >= kMaxObjectMembers) {
      return StructureProblem{i, "an object with more than " + std::to_string(kMaxObjectMembers) +
                                     " members"};
    }
  }
  return std::nullopt;
}

} // namespace

std::optional<Json> parseJsonText(std::string_view text, ValidationIssues &issues) {
  if (const auto problem = structureProblem(text)) {
    issues.push_back({lineAndColumn(text, problem->offset), "refused: " + problem->message});
    return std::nullopt;
  }
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error &error) {
    // nlohmann's byte offset is one past the offending character.
    const std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
    std::string message = error.what();
    // Drop nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: ".
    if (const auto colon = message.find(": "); colon != std::string::npos)
      message = message.substr(colon + 2);
    issues.push_back({lineAndColumn(text, offset), "invalid JSON: " + message});
  } catch (const Json::exception &error) {
    // Out-of-range numbers (1e999) and the like carry no position.
    std::string message = error.what();
    if (const auto bracket = message.find("] "); bracket != std::string::npos)
      message = message.substr(bracket + 2);
    issues.push_back({"", "invalid JSON: " + message});
  }
  return std::nullopt;
}

std::optional<double> readNumber(const Json &value, const std::string &path, const NumberRule &rule,
                                 ValidationIssues &issues) {
  if (!value.is_number()) {
    issues.push_back({path, "must be " + describeRule(rule) + ", got " + describeType(value) + " " +
                                shortJson(value)});
    return std::nullopt;
  }
  const double number = value.get<double>();
  if (!std::isfinite(number)) {
    issues.push_back({path, "must be a finite number"});
    return std::nullopt;
  }
  const bool belowMin = rule.minExclusive ? !(number > rule.min) : number < rule.min;
  if (belowMin || number > rule.max || (rule.whole && std::floor(number) != number)) {
    issues.push_back({path, "must be " + describeRule(rule) + ", got " + formatNumber(number)});
    return std::nullopt;
  }
  return number;
}

namespace {
thread_local ValidationIssues *activeUnknownFields = nullptr;
} // namespace

UnknownFieldCollector::UnknownFieldCollector(ValidationIssues &unknown)
    : m_previous(activeUnknownFields) {
  activeUnknownFields = &unknown;
}

UnknownFieldCollector::~UnknownFieldCollector() { activeUnknownFields = m_previous; }

ObjectReader::~ObjectReader() {
  if (!activeUnknownFields || !m_object)
    return;
  for (const auto &[key, value] : m_object->items())
    if (std::find(m_lookedUp.begin(), m_lookedUp.end(), key) == m_lookedUp.end())
      activeUnknownFields->push_back({childPath(m_path, key),
                                      "is not a field this version of Bedrock What-If reads; it is "
                                      "ignored, and saving from this version drops it"});
}

ObjectReader::ObjectReader(const Json &value, std::string path, ValidationIssues &issues)
    : m_path(std::move(path)), m_issues(issues) {
  if (value.is_object())
    m_object = &value;
  else
    m_issues.push_back({m_path, "must be an object, got " + describeType(value)});
}

const Json *ObjectReader::find(std::string_view key) const {
  if (!m_object)
    return nullptr;
  if (std::find(m_lookedUp.begin(), m_lookedUp.end(), key) == m_lookedUp.end())
    m_lookedUp.emplace_back(key);
  const auto it = m_object->find(key);
  if (it == m_object->end() || it->is_null())
    return nullptr;
  return &*it;
}

std::optional<double> ObjectReader::optionalNumber(std::string_view key, const NumberRule &rule) {
  const Json *value = find(key);
  if (!value)
    return std::nullopt;
  return readNumber(*value, pathOf(key), rule, m_issues);
}

double ObjectReader::number(std::string_view key, double fallback, const NumberRule &rule) {
  return optionalNumber(key, rule).value_or(fallback);
}

double ObjectReader::requiredNumber(std::string_view key, const NumberRule &rule) {
  if (!has(key)) {
    missing(key);
    return 0;
  }
  return optionalNumber(key, rule).value_or(0);
}

std::optional<std::string> ObjectReader::optionalString(std::string_view key) {
  const Json *value = find(key);
  if (!value)
    return std::nullopt;
  if (!value->is_string()) {
    addIssue(key, "must be a string, got " + describeType(*value));
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::string ObjectReader::string(std::string_view key, std::string fallback) {
  return optionalString(key).value_or(std::move(fallback));
}

std::string ObjectReader::requiredString(std::string_view key) {
  if (!has(key)) {
    missing(key);
    return {};
  }
  return optionalString(key).value_or(std::string{});
}

bool ObjectReader::boolean(std::string_view key, bool fallback) {
  const Json *value = find(key);
  if (!value)
    return fallback;
  if (!value->is_boolean()) {
    addIssue(key, "must be true or false, got " + describeType(*value));
    return fallback;
  }
  return value->get<bool>();
}

void ObjectReader::addIssue(std::string_view key, std::string message) {
  m_issues.push_back({pathOf(key), std::move(message)});
}

void ObjectReader::missing(std::string_view key) {
  if (m_object)
    addIssue(key, "is required");
}

} // namespace bwi::core
