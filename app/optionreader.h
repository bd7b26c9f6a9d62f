#pragma once

#include "app/subcommands.h"

#include <optional>
#include <string>
#include <string_view>

// Reads one sub-command's arguments word by word: options with their values,
// checked and worded the same way by every sub-command, and the operands
// (files) in between.
namespace bwi::app {

// A whole number and nothing else ("12"; not "12x", "1.5" or "").
std::optional<int> parseWholeNumber(const std::string &text);
// A finite decimal number and nothing else ("250000", "-0.5", "1e6").
std::optional<double> parseDecimal(const std::string &text);

class OptionReader {
public:
  // Reads arguments[1 …] (arguments[0] is the sub-command), or from `first`.
  explicit OptionReader(const Arguments &arguments, std::size_t first = 1);

  // Moves to the next word; false at the end or after an error.
  bool next();
  const std::string &word() const { return m_arguments[m_index]; }
  bool is(std::string_view option) const { return word() == option; }
  bool isOption() const { return word().starts_with("--"); }

  // The value after the current option; nullopt with "--X needs a value".
  std::optional<std::string> value();
  // The value as a whole number in [min, max], or a finite decimal.
  std::optional<int> wholeNumber(int min, int max);
  std::optional<double> decimal();
  // Records "unknown option --X for COMMAND"; always nullopt-like false.
  bool unknownOption(std::string_view command);
  // Records a problem found by the caller.
  bool fail(std::string message);

  bool failed() const { return !m_error.empty(); }
  const std::string &error() const { return m_error; }

private:
  const Arguments &m_arguments;
  std::size_t m_index;
  bool m_started = false;
  std::string m_error;
};

} // namespace bwi::app
