#include "app/optionreader.h"

#include <charconv>
#include <cmath>

namespace bwi::app {

std::optional<int> parseWholeNumber(const std::string &text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size())
    return std::nullopt;
  return value;
}

std::optional<double> parseDecimal(const std::string &text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size() ||
      !std::isfinite(value))
    return std::nullopt;
  return value;
}

OptionReader::OptionReader(const Arguments &arguments, std::size_t first)
    : m_arguments(arguments), m_index(first) {}

bool OptionReader::next() {
  if (failed())
    return false;
  if (m_started)
    ++m_index;
  m_started = true;
  return m_index < m_arguments.size();
}

std::optional<std::string> OptionReader::value() {
  if (m_index + 1 >= m_arguments.size()) {
    fail(word() + " needs a value");
    return std::nullopt;
  }
  return m_arguments[++m_index];
}

std::optional<int> OptionReader::wholeNumber(int min, int max) {
  const std::string option = word();
  const auto text = value();
  if (!text)
    return std::nullopt;
  const auto number = parseWholeNumber(*text);
  if (!number || *number < min || *number > max) {
    fail(option + " must be a whole number from " + std::to_string(min) + " to " +
         std::to_string(max) + ", got \"" + *text + "\"");
    return std::nullopt;
  }
  return number;
}

std::optional<double> OptionReader::decimal() {
  const std::string option = word();
  const auto text = value();
  if (!text)
    return std::nullopt;
  const auto number = parseDecimal(*text);
  if (!number)
    fail(option + " must be a number, got \"" + *text + "\"");
  return number;
}

bool OptionReader::unknownOption(std::string_view command) {
  return fail("unknown option " + word() + " for " + std::string(command));
}

bool OptionReader::fail(std::string message) {
  if (m_error.empty())
    m_error = std::move(message);
  return false;
}

} // namespace bwi::app
