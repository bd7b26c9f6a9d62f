#include "core/import/invocationlogs.h"

#include "core/import/isotime.h"
#include "core/import/linescan.h"
#include "core/import/modelidentity.h"

#include <simdjson.h>

#include <unordered_map>

namespace bwi::core {
namespace {

namespace dom = simdjson::dom;

static_assert(simdjson::SIMDJSON_PADDING <= kLinePadding, "lines must carry simdjson's padding");

std::vector<std::string> splitPath(const std::string &path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t dot = path.find('.', start);
    parts.push_back(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos)
      return parts;
    start = dot + 1;
  }
}

// More tokens than any request can carry: a corrupt record, and sums of
// such values would overflow.
constexpr std::uint64_t kMaxTokensPerRecord = 1'000'000'000'000ULL;

// A token count: a whole number >= 0 (AWS writes 1500, some tools 1500.0);
// null counts as absent.
bool readCount(dom::element value, std::uint64_t &out, bool &present, const char *name,
               std::string &reason) {
  switch (value.type()) {
  case dom::element_type::NULL_VALUE:
    return true;
  case dom::element_type::UINT64:
    out = value.get_uint64().value_unsafe();
    break;
  case dom::element_type::INT64: {
    const std::int64_t signedValue = value.get_int64().value_unsafe();
    if (signedValue < 0) {
      reason = std::string(name) + " is negative (" + std::to_string(signedValue) + ")";
      return false;
    }
    out = static_cast<std::uint64_t>(signedValue);
    break;
  }
  case dom::element_type::DOUBLE: {
    const double real = value.get_double().value_unsafe();
    if (real < 0) {
      reason = std::string(name) + " is negative";
      return false;
    }
    if (!(real <= 9.0e18) || real != static_cast<double>(static_cast<std::uint64_t>(real))) {
      reason = std::string(name) + " is not a whole number";
      return false;
    }
    out = static_cast<std::uint64_t>(real);
    break;
  }
  default:
    reason = std::string(name) + " is not a number";
    return false;
  }
  if (out > kMaxTokensPerRecord) {
    reason = std::string(name) + " is implausibly large (" + std::to_string(out) + ")";
    return false;
  }
  present = true;
  return true;
}

// The JSON of a line: a CloudWatch Logs export to S3 writes each event as
// "2026-11-25T14:30:00.000Z {…}"; S3 delivery writes the object alone.
std::string_view recordOf(std::string_view line) {
  if (line.empty() || line.front() == '{')
    return line;
  const std::size_t space = line.find(" {");
  if (space == std::string_view::npos || space > 40 || !parseIsoSeconds(line.substr(0, space)))
    return line;
  return line.substr(space + 1);
}

class InvocationLogSink final : public LineSink {
public:
  InvocationLogSink(const RateCard &card, const std::optional<std::string> &groupBy)
      : m_models(card) {
    if (groupBy)
      m_groupPath = splitPath(*groupBy);
  }

  bool line(std::string_view text, std::size_t readable, std::string &reason) override {
    (void)readable; // the scan guarantees simdjson's padding after every line
    text = recordOf(text);
    dom::element document;
    if (const auto error = m_parser.parse(text.data(), text.size(), false).get(document)) {
      reason = std::string("not JSON (") + simdjson::error_message(error) + ")";
      return false;
    }
    dom::object object;
    if (document.get_object().get(object)) {
      reason = "not a JSON object (a record is one object a line)";
      return false;
    }
    std::string_view timestamp, modelId, arn;
    std::optional<std::string_view> key;
    TokenCounts counts;
    counts.requests = 1;
    bool haveTimestamp = false, haveModel = false, haveInput = false, haveOutputObject = false,
         haveOutput = false;
    for (const dom::key_value_pair member : object) {
      const std::string_view name = member.key;
      if (name == "timestamp") {
        if (member.value.get_string().get(timestamp)) {
          reason = "timestamp is not a string";
          return false;
        }
        haveTimestamp = true;
      } else if (name == "modelId") {
        if (member.value.get_string().get(modelId)) {
          reason = "modelId is not a string";
          return false;
        }
        // An empty id is no model: like a missing one, and like the hourly
        // CSV, which refuses a row without a model.
        haveModel = !modelId.empty();
      } else if (name == "input") {
        if (!readInput(member.value, counts, haveInput, reason))
          return false;
      } else if (name == "output") {
        haveOutputObject = true;
        if (!readOutput(member.value, counts, haveOutput, reason))
          return false;
      } else if (m_groupPath.empty() && name == "identity") {
        dom::object identity;
        if (!member.value.get_object().get(identity))
          for (const dom::key_value_pair each : identity)
            if (each.key == "arn" && each.value.get_string().get(arn))
              arn = {};
      } else if (!m_groupPath.empty() && name == m_groupPath[0]) {
        key = keyAt(member.value, 1);
      }
    }
    if (!haveTimestamp) {
      reason = "missing field timestamp";
      return false;
    }
    if (!haveModel) {
      reason = "missing field modelId";
      return false;
    }
    if (!haveInput) {
      reason = "missing field input.inputTokenCount";
      return false;
    }
    if (haveOutputObject && !haveOutput) {
      reason = "missing field output.outputTokenCount";
      return false;
    }
    const auto seconds = parseIsoSeconds(timestamp);
    if (!seconds) {
      reason = "timestamp \"" + std::string(timestamp.substr(0, 40)) +
               "\" is not ISO 8601 from 2000 to 2099";
      return false;
    }
    if (m_groupPath.empty() && !arn.empty())
      key = roleOfArn(arn);
    // An empty key is no key: reports and the hourly CSV cannot tell them
    // apart, and "(no team)" is what both mean.
    if (key && key->empty())
      key.reset();
    const NormalizedModel &model = normalized(modelId);
    const std::size_t group = m_usage.group(key, model.model, model.tier);
    m_usage.add(group, *seconds, counts, true);
    return true;
  }

  UsageAccumulator &usage() { return m_usage; }

private:
  const NormalizedModel &normalized(std::string_view raw) { return m_models(raw); }

  static bool readInput(dom::element value, TokenCounts &counts, bool &haveInput,
                        std::string &reason) {
    dom::object object;
    if (value.get_object().get(object)) {
      reason = "input is not an object";
      return false;
    }
    bool present = false;
    for (const dom::key_value_pair member : object) {
      const std::string_view name = member.key;
      // Both spellings: the log's …InputTokenCount and the API's …InputTokens.
      if (name == "inputTokenCount") {
        if (!readCount(member.value, counts.input, haveInput, "input.inputTokenCount", reason))
          return false;
      } else if (name == "cacheReadInputTokenCount" || name == "cacheReadInputTokens") {
        if (!readCount(member.value, counts.cacheRead, present, "input.cacheReadInputTokenCount",
                       reason))
          return false;
      } else if (name == "cacheWriteInputTokenCount" || name == "cacheWriteInputTokens") {
        if (!readCount(member.value, counts.cacheWrite, present, "input.cacheWriteInputTokenCount",
                       reason))
          return false;
      }
    }
    return true;
  }

  static bool readOutput(dom::element value, TokenCounts &counts, bool &haveOutput,
                         std::string &reason) {
    dom::object object;
    if (value.get_object().get(object)) {
      reason = "output is not an object";
      return false;
    }
    for (const dom::key_value_pair member : object)
      if (member.key == "outputTokenCount" &&
          !readCount(member.value, counts.output, haveOutput, "output.outputTokenCount", reason))
        return false;
    return true;
  }

  // The value at m_groupPath[depth…] inside `value`, as text; nullopt when absent.
  std::optional<std::string_view> keyAt(dom::element value, std::size_t depth) {
    if (depth == m_groupPath.size()) {
      switch (value.type()) {
      case dom::element_type::STRING:
        return value.get_string().value_unsafe();
      case dom::element_type::INT64:
        return m_keyText = std::to_string(value.get_int64().value_unsafe());
      case dom::element_type::UINT64:
        return m_keyText = std::to_string(value.get_uint64().value_unsafe());
      case dom::element_type::BOOL:
        return value.get_bool().value_unsafe() ? "true" : "false";
      default:
        return std::nullopt;
      }
    }
    dom::object object;
    if (value.get_object().get(object))
      return std::nullopt;
    for (const dom::key_value_pair member : object)
      if (member.key == m_groupPath[depth])
        return keyAt(member.value, depth + 1);
    return std::nullopt;
  }

  std::vector<std::string> m_groupPath;
  dom::parser m_parser;
  UsageAccumulator m_usage;
  std::string m_keyText;
  ModelResolver m_models;
};

// A file whose first record does not look like an invocation log.
std::optional<std::string> notAnInvocationLog(const std::string &line) {
  if (line.empty())
    return std::nullopt;
  const std::string_view record = recordOf(line);
  const bool looksRight =
      record.starts_with('{') && (record.find("\"modelId\"") != std::string_view::npos ||
                                  record.find("ModelInvocationLog") != std::string_view::npos);
  if (looksRight)
    return std::nullopt;
  return "not a Bedrock model-invocation log: expected JSON lines, one record a line with "
         "\"schemaType\": \"ModelInvocationLog\", \"modelId\", \"input\" and \"output\"; the first "
         "line starts \"" +
         line.substr(0, 60) + "\"";
}

} // namespace

std::string_view roleOfArn(std::string_view arn) {
  // arn:partition:service:region:account:resource
  std::size_t from = 0;
  for (int i = 0; i < 5; ++i) {
    const std::size_t colon = arn.find(':', from);
    if (colon == std::string_view::npos)
      return arn;
    from = colon + 1;
  }
  std::string_view resource = arn.substr(from);
  if (resource.starts_with("assumed-role/")) {
    resource.remove_prefix(13);
    return resource.substr(0, resource.find('/'));
  }
  if (resource.starts_with("role/"))
    return resource.substr(resource.rfind('/') + 1);
  return resource;
}

UsageImport importInvocationLogs(const std::vector<InputFile> &files, const RateCard &card,
                                 const InvocationLogOptions &options) {
  UsageImport result;
  std::vector<InputFile> accepted;
  for (const InputFile &file : files) {
    std::string error;
    const auto line = firstLine(file, error);
    std::optional<std::string> wrong = line ? notAnInvocationLog(*line) : std::optional(error);
    if (!wrong) {
      accepted.push_back(file);
    } else if (file.fromFolder) {
      result.tally.warnings.push_back(file.display + ": skipped, " + *wrong);
    } else {
      result.failure = ImportFailure{line ? file.display + ": " + *wrong : error};
      return result;
    }
  }
  std::vector<std::unique_ptr<LineSink>> sinks;
  LineScanOptions scan;
  scan.threads = options.threads;
  scan.control = options.control;
  if (options.blockBytes)
    scan.blockBytes = options.blockBytes;
  result.failure = scanLines(
      accepted, [&] { return std::make_unique<InvocationLogSink>(card, options.groupBy); }, sinks,
      result.tally, scan);
  if (result.failure)
    return result;
  UsageAccumulator total;
  for (auto &sink : sinks)
    total.merge(std::move(static_cast<InvocationLogSink &>(*sink).usage()));
  result.groups = std::move(total).finish();
  if (auto warning = saturationWarning(result.groups))
    result.tally.warnings.push_back(std::move(*warning));
  return result;
}

} // namespace bwi::core
