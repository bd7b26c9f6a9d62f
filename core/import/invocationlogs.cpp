#include "core/import/invocationlogs.h"

#include "core/common/jsonreader.h"
#include "core/import/csvreader.h"
#include "core/import/filekind.h"
#include "core/import/isotime.h"
#include "core/import/linescan.h"
#include "core/import/modelidentity.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cstring>
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

// The text units of every invocationMetrics.usage inside a guardrail
// trace, and whether the guardrail intervened (its action, at any depth).
void scanTrace(dom::element value, RecordFacts &facts, int depth) {
  if (depth > 32)
    return;
  dom::array array;
  if (!value.get_array().get(array)) {
    for (const dom::element each : array)
      if (each.is_object() || each.is_array())
        scanTrace(each, facts, depth + 1);
    return;
  }
  dom::object object;
  if (value.get_object().get(object))
    return;
  for (const dom::key_value_pair member : object) {
    const std::string_view key = member.key;
    const dom::element inner = member.value;
    if (dom::object usage; key == "usage" && !inner.get_object().get(usage)) {
      for (const dom::key_value_pair unit : usage) {
        const auto policy = guardrailPolicyOfKey(unit.key);
        std::uint64_t units = 0;
        bool present = false;
        std::string ignored;
        if (policy && readCount(unit.value, units, present, "units", ignored))
          facts.guardrailUnits[static_cast<std::size_t>(*policy)] += units;
      }
    } else if (inner.is_object() || inner.is_array()) {
      scanTrace(inner, facts, depth + 1);
    }
  }
}

// Guardrail facts in the top level of a response body (a Converse
// response, an InvokeModel body, or one event of a stream): where AWS puts
// the guardrail's action and trace. Only the trace is walked, so the cost
// stays with the records that have one, and a prompt or answer that
// mentions a guardrail counts nothing.
void scanResponse(dom::object body, RecordFacts &facts) {
  for (const dom::key_value_pair member : body) {
    const std::string_view key = member.key;
    if (key == "stopReason" || key == "amazon-bedrock-guardrailAction") {
      std::string_view text;
      if (!member.value.get_string().get(text) &&
          (text == "guardrail_intervened" || text == "INTERVENED"))
        facts.guardrailIntervened = true;
    } else if (key == "trace" || key == "amazon-bedrock-trace") {
      scanTrace(member.value, facts, 0);
    }
  }
}

void scanGuardrail(dom::element body, RecordFacts &facts) {
  dom::object object;
  if (!body.get_object().get(object)) {
    scanResponse(object, facts);
    return;
  }
  dom::array events; // a stream's events
  if (!body.get_array().get(events))
    for (const dom::element event : events)
      if (!event.get_object().get(object))
        scanResponse(object, facts);
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
    // The first line of a file a Windows tool wrote starts with a byte-order mark.
    text = recordOf(withoutBom(text));
    dom::element document;
    if (const auto error = m_parser.parse(text.data(), text.size(), false).get(document)) {
      reason = std::string("not JSON (") + simdjson::error_message(error) + ")";
      return false;
    }
    return record(document, reason);
  }

  // A record held in a string (Insights' @message, a CloudWatch event's message).
  bool recordText(std::string_view text, std::string &reason) {
    m_padded.assign(text);
    m_padded.append(kLinePadding, '\0');
    return line(std::string_view(m_padded.data(), text.size()), m_padded.size(), reason);
  }

  // One CloudWatch Logs Insights result row: its @message is the record; a
  // query that selected fields instead (`fields @timestamp, modelId,
  // input.inputTokenCount, …`) gives the record those fields make.
  bool insightsRow(const std::vector<std::pair<std::string_view, std::string_view>> &fields,
                   std::string &reason) {
    for (const auto &[name, value] : fields)
      if (name == "@message")
        return recordText(value, reason);
    const auto has = [&](std::string_view wanted) {
      return std::any_of(fields.begin(), fields.end(),
                         [&](const auto &field) { return field.first == wanted; });
    };
    const bool hasTimestamp = has("timestamp");
    if (!has("modelId") || !(hasTimestamp || has("@timestamp")) || !has("input.inputTokenCount")) {
      reason = "a Logs Insights row without @message, and without modelId, a timestamp and "
               "input.inputTokenCount (a `stats` row sums records: add `fields @message` to the "
               "query to export the records themselves)";
      return false;
    }
    Json record = Json::object();
    for (const auto &[name, value] : fields) {
      std::string path(name == "@timestamp" && !hasTimestamp ? "timestamp" : name);
      if (path.empty() || path.front() == '@' || value.empty())
        continue;
      Json *at = &record;
      for (std::size_t from = 0;;) {
        const std::size_t dot = path.find('.', from);
        const std::string part = path.substr(from, dot == std::string::npos ? dot : dot - from);
        if (dot == std::string::npos) {
          // Insights writes every value as text: counts go back to numbers.
          std::uint64_t number = 0;
          const auto [end, error] =
              std::from_chars(value.data(), value.data() + value.size(), number);
          (*at)[part] = error == std::errc{} && end == value.data() + value.size()
                            ? Json(number)
                            : Json(std::string(value));
          break;
        }
        Json &next = (*at)[part];
        if (!next.is_object())
          next = Json::object();
        at = &next;
        from = dot + 1;
      }
    }
    return recordText(record.dump(-1, ' ', false, Json::error_handler_t::replace), reason);
  }

  UsageAccumulator &usage() { return m_usage; }

private:
  bool record(dom::element document, std::string &reason) {
    dom::object object;
    if (document.get_object().get(object)) {
      reason = "not a JSON object (a record is one object a line)";
      return false;
    }
    std::string_view timestamp, modelId, arn;
    std::optional<std::string_view> key;
    TokenCounts counts;
    counts.requests = 1;
    RecordFacts facts;
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
        if (!readOutput(member.value, counts, facts, haveOutput, reason))
          return false;
      } else if (name == "operation") {
        std::string_view operation;
        // InvokeModelWithResponseStream, ConverseStream: the log holds the stream's events.
        facts.streaming =
            !member.value.get_string().get(operation) && operation.ends_with("Stream");
      } else if (name == "inferenceRegion") {
        // Present on cross-region calls: the region that served the request.
        if (member.value.get_string().get(facts.inferenceRegion))
          facts.inferenceRegion = {};
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
    const NormalizedModel &model = m_models(modelId);
    facts.scope = model.scope;
    const std::size_t group = m_usage.group(key, model.model, model.tier, model.known);
    m_usage.add(group, *seconds, counts, true, facts);
    return true;
  }

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

  static bool readOutput(dom::element value, TokenCounts &counts, RecordFacts &facts,
                         bool &haveOutput, std::string &reason) {
    dom::object object;
    if (value.get_object().get(object)) {
      reason = "output is not an object";
      return false;
    }
    for (const dom::key_value_pair member : object) {
      if (member.key == "outputTokenCount") {
        if (!readCount(member.value, counts.output, haveOutput, "output.outputTokenCount", reason))
          return false;
      } else if (member.key == "outputBodyJson") {
        scanGuardrail(member.value, facts);
      }
    }
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
  std::string m_padded;
  ModelResolver m_models;
};

// Where JSON values begin and end in text already in memory, without
// parsing them: a document of records (an Insights result, an array, one
// pretty-printed record, several after one another as `jq .` writes them)
// is cut into its records, each parsed alone, so memory stays the size of
// the text rather than of its parsed tree, and each record's line is known.
class JsonSpans {
public:
  explicit JsonSpans(std::string_view text) : m_text(text) {}

  std::size_t skipSpace(std::size_t pos) const {
    while (pos < m_text.size() && (m_text[pos] == ' ' || m_text[pos] == '\n' ||
                                   m_text[pos] == '\r' || m_text[pos] == '\t'))
      ++pos;
    return pos;
  }

  // One past the value that starts at `pos`; npos where the text ends
  // first or no value starts there.
  std::size_t valueEnd(std::size_t pos) const {
    if (pos >= m_text.size())
      return std::string_view::npos;
    const char first = m_text[pos];
    if (first == '"')
      return stringEnd(pos);
    if (first == '{' || first == '[') {
      int depth = 0;
      for (std::size_t i = pos; i < m_text.size(); ++i) {
        const char c = m_text[i];
        if (c == '"') {
          i = stringEnd(i);
          if (i == std::string_view::npos)
            return i;
          --i;
        } else if (c == '{' || c == '[') {
          ++depth;
        } else if (c == '}' || c == ']') {
          if (--depth == 0)
            return i + 1;
        }
      }
      return std::string_view::npos;
    }
    std::size_t end = pos;
    while (end < m_text.size() && std::strchr(",]} \t\r\n", m_text[end]) == nullptr)
      ++end;
    return end == pos ? std::string_view::npos : end;
  }

  // The members of the object at `open` as (raw key, value begin, value
  // end); false where the text is not such an object.
  template <typename Visit> bool members(std::size_t open, Visit visit) const {
    if (open >= m_text.size() || m_text[open] != '{')
      return false;
    std::size_t pos = skipSpace(open + 1);
    if (pos < m_text.size() && m_text[pos] == '}')
      return true;
    for (;;) {
      if (pos >= m_text.size() || m_text[pos] != '"')
        return false;
      const std::size_t keyEnd = stringEnd(pos);
      if (keyEnd == std::string_view::npos)
        return false;
      const std::string_view key = m_text.substr(pos + 1, keyEnd - pos - 2);
      pos = skipSpace(keyEnd);
      if (pos >= m_text.size() || m_text[pos] != ':')
        return false;
      pos = skipSpace(pos + 1);
      const std::size_t end = valueEnd(pos);
      if (end == std::string_view::npos)
        return false;
      visit(key, pos, end);
      pos = skipSpace(end);
      if (pos < m_text.size() && m_text[pos] == '}')
        return true;
      if (pos >= m_text.size() || m_text[pos] != ',')
        return false;
      pos = skipSpace(pos + 1);
    }
  }

  // The elements of the array at `open` as (begin, end); false where the
  // text is not such an array.
  template <typename Visit> bool elements(std::size_t open, Visit visit) const {
    if (open >= m_text.size() || m_text[open] != '[')
      return false;
    std::size_t pos = skipSpace(open + 1);
    if (pos < m_text.size() && m_text[pos] == ']')
      return true;
    for (;;) {
      const std::size_t end = valueEnd(pos);
      if (end == std::string_view::npos)
        return false;
      if (!visit(pos, end))
        return true;
      pos = skipSpace(end);
      if (pos < m_text.size() && m_text[pos] == ']')
        return true;
      if (pos >= m_text.size() || m_text[pos] != ',')
        return false;
      pos = skipSpace(pos + 1);
    }
  }

private:
  std::size_t stringEnd(std::size_t open) const {
    for (std::size_t i = open + 1; i < m_text.size(); ++i) {
      const std::size_t at = m_text.find_first_of("\"\\", i);
      if (at == std::string_view::npos)
        return at;
      if (m_text[at] == '"')
        return at + 1;
      i = at + 1; // the escaped character
    }
    return std::string_view::npos;
  }

  std::string_view m_text;
};

// The largest JSON document read whole (a Logs Insights result holds at most
// 10,000 rows); a larger log is JSON lines, read in blocks on every core.
constexpr std::uintmax_t kMaxDocumentBytes = 1024u * 1024 * 1024;

// Reads the records of one JSON document file into a sink.
class DocumentReader {
public:
  DocumentReader(const InputFile &file, InvocationLogSink &sink, ImportTally &tally,
                 ImportControl *control)
      : m_file(file), m_sink(sink), m_tally(tally), m_control(control) {}

  // nullopt when read (records skipped are in the tally); for a file that
  // holds no records of any shape this reads, why ("" where the file's
  // head says what it is).
  std::optional<std::string> read() {
    std::string error;
    auto text = readWholeInput(m_file, kMaxDocumentBytes, error);
    if (!text)
      return error;
    m_text = withoutBom(*text);
    const JsonSpans spans(m_text);
    std::size_t pos = spans.skipSpace(0);
    bool recognized = false;
    while (pos < m_text.size()) {
      if (m_control && m_control->cancelled())
        return std::nullopt;
      const std::size_t end = spans.valueEnd(pos);
      if (end == std::string_view::npos) {
        if (!recognized)
          return "this is not JSON: the value that starts on line " + std::to_string(lineAt(pos)) +
                 " does not end";
        skip(pos, "not JSON: the value that starts here does not end");
        break;
      }
      if (!topLevel(spans, pos, end, recognized))
        return std::nullopt;
      pos = spans.skipSpace(end);
    }
    return recognized ? std::nullopt : std::optional<std::string>("");
  }

private:
  // One top-level value; false to stop (cancelled).
  bool topLevel(const JsonSpans &spans, std::size_t begin, std::size_t end, bool &recognized) {
    if (m_text[begin] == '[') {
      recognized = true;
      std::size_t index = 0;
      spans.elements(begin, [&](std::size_t from, std::size_t to) {
        element(from, to, "[" + std::to_string(index++) + "]");
        return !(m_control && m_control->cancelled());
      });
      return true;
    }
    if (m_text[begin] != '{') {
      skip(begin, "not a JSON object or array");
      return true;
    }
    // An envelope: Insights results, `aws logs filter-log-events` or
    // `get-log-events` output, a subscription's logEvents.
    std::size_t listAt = std::string_view::npos;
    std::string_view listName;
    spans.members(begin, [&](std::string_view key, std::size_t from, std::size_t) {
      if ((key == "results" || key == "events" || key == "logEvents") && m_text[from] == '[') {
        listAt = from;
        listName = key;
      }
    });
    if (listAt != std::string_view::npos) {
      recognized = true;
      std::size_t index = 0;
      std::vector<std::pair<std::string, std::string>> flat; // PowerShell's one list of fields
      std::size_t flatBegin = 0;
      spans.elements(listAt, [&](std::size_t from, std::size_t to) {
        const std::string where = std::string(listName) + "[" + std::to_string(index++) + "]";
        if (listName == "results" && m_text[from] == '{' && fieldValue(from, to, flat, flatBegin))
          return !(m_control && m_control->cancelled());
        element(from, to, where);
        return !(m_control && m_control->cancelled());
      });
      if (!flat.empty())
        flushFlat(flat, flatBegin);
      return true;
    }
    // One record, pretty-printed or not.
    dom::element value;
    if (!parse(begin, end, value))
      return true;
    dom::object object;
    if (!value.get_object().get(object) && object["modelId"].error() == simdjson::SUCCESS) {
      recognized = true;
      record(begin, end);
    }
    return true;
  }

  // An element of a list: a record, an Insights row, a log event.
  void element(std::size_t begin, std::size_t end, const std::string &where) {
    dom::element value;
    if (!parse(begin, end, value))
      return;
    ++m_tally.lines;
    std::string reason;
    bool good = false;
    dom::array array;
    dom::object object;
    if (!value.get_array().get(array)) {
      // An Insights row: [{"field": …, "value": …}, …].
      std::vector<std::pair<std::string, std::string>> fields;
      for (const dom::element each : array) {
        std::string_view field, text;
        if (!each["field"].get_string().get(field) && !each["value"].get_string().get(text))
          fields.emplace_back(field, text);
      }
      good = row(fields, reason);
    } else if (!value.get_object().get(object)) {
      std::string_view message;
      if (object["modelId"].error() == simdjson::SUCCESS) {
        good = m_sink.recordText(m_text.substr(begin, end - begin), reason);
      } else if (!object["message"].get_string().get(message) ||
                 !object["@message"].get_string().get(message)) {
        // A log event (filter-log-events, get-log-events, a subscription)
        // or a row of the console's JSON download: the message is the record.
        if (object["@message"].error() == simdjson::SUCCESS) {
          std::vector<std::pair<std::string, std::string>> fields;
          for (const dom::key_value_pair member : object) {
            std::string_view text;
            if (!member.value.get_string().get(text))
              fields.emplace_back(member.key, text);
          }
          good = row(fields, reason);
        } else {
          good = m_sink.recordText(message, reason);
        }
      } else {
        reason = "not a record: no modelId, message or @message";
      }
    } else {
      reason = "not a record";
    }
    if (!good)
      skip(begin, where + ": " + reason);
  }

  // One {"field", "value"} pair of a flattened results list (PowerShell's
  // ConvertTo-Json writes every row's fields into one list): a row ends
  // where a field it has comes again.
  bool fieldValue(std::size_t begin, std::size_t end,
                  std::vector<std::pair<std::string, std::string>> &flat, std::size_t &flatBegin) {
    dom::element value;
    if (m_parser.parse(padded(begin, end), end - begin, false).get(value) || !value.is_object())
      return false;
    std::string_view field, text;
    if (value["field"].get_string().get(field))
      return false;
    if (value["value"].get_string().get(text))
      text = {}; // null: no value
    const bool repeated = std::any_of(flat.begin(), flat.end(),
                                      [&](const auto &pair) { return pair.first == field; });
    if (repeated) {
      flushFlat(flat, flatBegin);
      flat.clear();
    }
    if (flat.empty())
      flatBegin = begin;
    flat.emplace_back(field, text);
    return true;
  }

  void flushFlat(const std::vector<std::pair<std::string, std::string>> &flat, std::size_t begin) {
    ++m_tally.lines;
    std::string reason;
    if (!row(flat, reason))
      skip(begin, "results: " + reason);
  }

  bool row(const std::vector<std::pair<std::string, std::string>> &fields, std::string &reason) {
    std::vector<std::pair<std::string_view, std::string_view>> views(fields.begin(), fields.end());
    return m_sink.insightsRow(views, reason);
  }

  void record(std::size_t begin, std::size_t end) {
    ++m_tally.lines;
    std::string reason;
    if (!m_sink.recordText(m_text.substr(begin, end - begin), reason))
      skip(begin, reason);
  }

  bool parse(std::size_t begin, std::size_t end, dom::element &value) {
    if (const auto error = m_parser.parse(padded(begin, end), end - begin, false).get(value)) {
      ++m_tally.lines;
      skip(begin, std::string("not JSON (") + simdjson::error_message(error) + ")");
      return false;
    }
    return true;
  }

  const char *padded(std::size_t begin, std::size_t end) {
    m_scratch.assign(m_text.substr(begin, end - begin));
    m_scratch.append(kLinePadding, '\0');
    return m_scratch.data();
  }

  // The 1-based line of an offset; offsets come in increasing order.
  std::uint64_t lineAt(std::size_t offset) {
    if (offset < m_lineOffset) {
      m_lineOffset = 0;
      m_line = 1;
    }
    m_line += static_cast<std::uint64_t>(
        std::count(m_text.begin() + static_cast<std::ptrdiff_t>(m_lineOffset),
                   m_text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
    m_lineOffset = offset;
    return m_line;
  }

  void skip(std::size_t offset, std::string reason) {
    m_tally.skipped.add({m_file.display, lineAt(offset), std::move(reason)});
  }

  const InputFile &m_file;
  InvocationLogSink &m_sink;
  ImportTally &m_tally;
  ImportControl *m_control;
  std::string_view m_text;
  dom::parser m_parser;
  std::string m_scratch;
  std::size_t m_lineOffset = 0;
  std::uint64_t m_line = 1;
};

// Logs Insights results downloaded as CSV: a header of field names, a row per result.
void readInsightsCsv(const InputFile &file, InvocationLogSink &sink, ImportTally &tally,
                     ImportControl *control) {
  CsvReader reader(file);
  if (!reader.next())
    return;
  const std::vector<std::string> header = csvHeader(reader.fields());
  std::vector<std::pair<std::string_view, std::string_view>> fields;
  while (reader.next()) {
    if (control && control->cancelled())
      return;
    const auto &values = reader.fields();
    if (values.size() == 1 && values[0].empty())
      continue;
    ++tally.lines;
    std::string reason;
    if (values.size() != header.size()) {
      tally.skipped.add({file.display, reader.line(),
                         "expected " + std::to_string(header.size()) + " columns, found " +
                             std::to_string(values.size())});
      continue;
    }
    fields.clear();
    for (std::size_t i = 0; i < header.size(); ++i)
      fields.emplace_back(header[i], values[i]);
    if (!sink.insightsRow(fields, reason))
      tally.skipped.add({file.display, reader.line(), reason});
  }
  if (!reader.ok())
    tally.skipped.add({file.display, reader.line() + 1, reader.error()});
}

enum class LogShape { Lines, Document, InsightsCsv };

bool csvHeaderNames(std::string_view line, std::string_view name) {
  for (std::size_t from = 0; from <= line.size();) {
    std::size_t end = line.find(',', from);
    if (end == std::string_view::npos)
      end = line.size();
    std::string_view each = line.substr(from, end - from);
    while (!each.empty() && (each.front() == '"' || each.front() == ' '))
      each.remove_prefix(1);
    while (!each.empty() && (each.back() == '"' || each.back() == ' '))
      each.remove_suffix(1);
    if (each == name)
      return true;
    from = end + 1;
  }
  return false;
}

// How a file holds its records, told by its first line; nullopt for a file
// that holds none.
std::optional<LogShape> shapeOf(std::string_view line) {
  line = withoutBom(line);
  line.remove_prefix(std::min(line.size(), line.find_first_not_of(" \t")));
  if (line.empty())
    return std::nullopt;
  if (line.front() == '[')
    return LogShape::Document;
  if (line.front() == '{') {
    const JsonSpans spans(line);
    const std::size_t end = spans.valueEnd(0);
    const bool whole = end != std::string_view::npos && spans.skipSpace(end) == line.size();
    const bool record = line.find("\"modelId\"") != std::string_view::npos ||
                        line.find("ModelInvocationLog") != std::string_view::npos;
    if (!whole)
      // A record a line whose first is broken or longer than the 1 MB read
      // of it; else the start of a pretty-printed document.
      return record ? LogShape::Lines : LogShape::Document;
    // One line of JSON: an envelope written compactly, a record, or another kind.
    bool envelope = false;
    spans.members(0, [&](std::string_view key, std::size_t from, std::size_t) {
      envelope = envelope ||
                 ((key == "results" || key == "events" || key == "logEvents") && line[from] == '[');
    });
    if (envelope)
      return LogShape::Document;
    return record ? std::optional(LogShape::Lines) : std::nullopt;
  }
  if (recordOf(line).size() != line.size())
    return LogShape::Lines; // a CloudWatch Logs export: "TIMESTAMP {record}"
  if (csvHeaderNames(line, "@message") || csvHeaderNames(line, "modelId"))
    return LogShape::InsightsCsv;
  return std::nullopt;
}

std::string notAnInvocationLog(const InputFile &file, const std::string &why) {
  return "not a Bedrock model-invocation log: expected its records (JSON lines as S3 and "
         "CloudWatch Logs deliver them, a JSON document or array of them, or CloudWatch Logs "
         "Insights results as JSON or CSV with @message); " +
         (why.empty() ? "this is " + describeFileHead(fileHead(file)) : why);
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
  std::vector<InputFile> lines;
  std::vector<std::pair<InputFile, LogShape>> documents;
  const auto refuse = [&](const InputFile &file, const std::string &message) {
    if (file.fromFolder) {
      result.tally.warnings.push_back(file.display + ": skipped, " + message);
      return false;
    }
    result.failure = ImportFailure{file.display + ": " + message};
    return true;
  };
  for (const InputFile &file : files) {
    std::string error;
    const auto line = firstLine(file, error);
    if (!line) {
      if (refuse(file, error.substr(std::min(error.size(), file.display.size() + 2))))
        return result;
      continue;
    }
    if (line->empty()) {
      lines.push_back(file); // an empty file: no records
      continue;
    }
    const auto shape = isParquet(*line) ? std::nullopt : shapeOf(*line);
    if (!shape) {
      if (refuse(file, notAnInvocationLog(file, "")))
        return result;
      continue;
    }
    if (*shape == LogShape::Lines)
      lines.push_back(file);
    else
      documents.emplace_back(file, *shape);
  }
  std::vector<std::unique_ptr<LineSink>> sinks;
  LineScanOptions scan;
  scan.threads = options.threads;
  scan.control = options.control;
  if (options.blockBytes)
    scan.blockBytes = options.blockBytes;
  result.failure = scanLines(
      lines, [&] { return std::make_unique<InvocationLogSink>(card, options.groupBy); }, sinks,
      result.tally, scan);
  if (result.failure)
    return result;
  // Documents and Insights CSV files: one after another on this thread.
  InvocationLogSink documentSink(card, options.groupBy);
  for (const auto &[file, shape] : documents) {
    if (options.control) {
      if (options.control->cancelled())
        break;
      options.control->bytesTotal += file.bytes;
    }
    if (shape == LogShape::InsightsCsv) {
      readInsightsCsv(file, documentSink, result.tally, options.control);
    } else {
      // A file refused as a whole leaves nothing in the tally.
      const ImportTally before = result.tally;
      DocumentReader reader(file, documentSink, result.tally, options.control);
      if (const auto problem = reader.read()) {
        result.tally = before;
        if (refuse(file, notAnInvocationLog(file, *problem)))
          return result;
        continue;
      }
    }
    ++result.tally.files;
    if (options.control)
      options.control->bytesDone += file.bytes;
  }
  if (options.control && options.control->cancelled()) {
    result.failure = ImportFailure{"import cancelled", true};
    return result;
  }
  UsageAccumulator total;
  for (auto &sink : sinks)
    total.merge(std::move(static_cast<InvocationLogSink &>(*sink).usage()));
  total.merge(std::move(documentSink.usage()));
  result.groups = std::move(total).finish();
  if (auto warning = saturationWarning(result.groups))
    result.tally.warnings.push_back(std::move(*warning));
  return result;
}

} // namespace bwi::core
