#include "core/import/cloudwatch.h"

#include "core/import/csvreader.h"
#include "core/import/isotime.h"
#include "core/import/linescan.h"
#include "core/import/measuredsizing.h"
#include "core/import/modelidentity.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace bwi::core {
namespace {

namespace dom = simdjson::dom;

constexpr std::uintmax_t kMaxJsonBytes = 1024u * 1024 * 1024;

enum class Metric { Invocations, Input, Output, CacheRead, CacheWrite, Other };

std::optional<Metric> metricOf(std::string_view name) {
  if (name == "Invocations")
    return Metric::Invocations;
  if (name == "InputTokenCount")
    return Metric::Input;
  if (name == "OutputTokenCount")
    return Metric::Output;
  if (name == "CacheReadInputTokenCount")
    return Metric::CacheRead;
  if (name == "CacheWriteInputTokenCount")
    return Metric::CacheWrite;
  // Other AWS/Bedrock metrics are known and not needed.
  for (std::string_view other :
       {"InvocationLatency", "InvocationClientErrors", "InvocationServerErrors",
        "InvocationThrottles", "LegacyModelInvocations", "OutputImageCount", "TimeToFirstToken",
        "EstimatedTPMQuotaUsage"})
    if (name == other)
      return Metric::Other;
  return std::nullopt;
}

struct Series {
  std::string modelId;
  Metric metric = Metric::Other;
};

// "us.amazon.nova-pro-v1:0 InputTokenCount" → model and metric.
std::optional<Series> seriesOfLabel(std::string_view label) {
  while (!label.empty() && label.back() == ' ')
    label.remove_suffix(1);
  const std::size_t space = label.rfind(' ');
  if (space == std::string_view::npos)
    return std::nullopt;
  const auto metric = metricOf(label.substr(space + 1));
  std::string_view model = label.substr(0, space);
  while (!model.empty() && model.back() == ' ')
    model.remove_suffix(1);
  if (!metric || model.empty())
    return std::nullopt;
  return Series{std::string(model), *metric};
}

using QueryMap = std::map<std::string, Series, std::less<>>;

std::optional<QueryMap> readQueries(const InputFile &file, std::string &error) {
  const auto text = readWholeInput(file, kMaxJsonBytes, error);
  if (!text)
    return std::nullopt;
  dom::parser parser;
  dom::element root;
  if (const auto code = parser.parse(*text).get(root)) {
    error = file.display + ": not JSON (" + simdjson::error_message(code) + ")";
    return std::nullopt;
  }
  dom::array queries;
  if (root.get_array().get(queries)) {
    dom::object object;
    if (root.get_object().get(object) || object["MetricDataQueries"].get_array().get(queries)) {
      error = file.display + ": expected the --metric-data-queries JSON array";
      return std::nullopt;
    }
  }
  QueryMap map;
  for (dom::element query : queries) {
    std::string_view id, metricName, modelId;
    if (query["Id"].get_string().get(id) ||
        query.at_pointer("/MetricStat/Metric/MetricName").get_string().get(metricName))
      continue;
    dom::array dimensions;
    if (!query.at_pointer("/MetricStat/Metric/Dimensions").get_array().get(dimensions))
      for (dom::element dimension : dimensions) {
        std::string_view name;
        if (!dimension["Name"].get_string().get(name) && name == "ModelId")
          if (dimension["Value"].get_string().get(modelId))
            modelId = {};
      }
    const auto metric = metricOf(metricName);
    if (metric && !modelId.empty())
      map.emplace(std::string(id), Series{std::string(modelId), *metric});
  }
  return map;
}

class CloudWatchReader {
public:
  CloudWatchReader(const RateCard &card, const QueryMap &queries, UsageImport &result)
      : m_queries(queries), m_result(result), m_models(card) {}

  // One data point (or a period's sum); spread over the hours of its period.
  void add(const Series &series, std::int64_t seconds, std::int64_t periodSeconds,
           std::uint64_t value) {
    if (series.metric == Metric::Other || value == 0)
      return;
    const NormalizedModel &model = m_models(series.modelId);
    const std::size_t group = m_usage.group(std::nullopt, model.model, model.tier, model.known);
    RecordFacts facts;
    facts.scope = model.scope;
    const std::int64_t hours = std::max<std::int64_t>(1, periodSeconds / kSecondsPerHour);
    const auto share = value / static_cast<std::uint64_t>(hours);
    auto remainder = value % static_cast<std::uint64_t>(hours);
    for (std::int64_t hour = 0; hour < hours; ++hour) {
      std::uint64_t part = share + (remainder > 0 ? 1 : 0);
      if (remainder > 0)
        --remainder;
      if (part == 0)
        continue;
      TokenCounts counts;
      switch (series.metric) {
      case Metric::Invocations:
        counts.requests = part;
        break;
      case Metric::Input:
        counts.input = part;
        break;
      case Metric::Output:
        counts.output = part;
        break;
      case Metric::CacheRead:
        counts.cacheRead = part;
        break;
      case Metric::CacheWrite:
        counts.cacheWrite = part;
        break;
      case Metric::Other:
        break;
      }
      m_usage.add(group, seconds + hour * kSecondsPerHour, counts, false, facts);
    }
  }

  std::optional<Series> resolve(std::string_view label, std::string_view id) const {
    if (auto series = seriesOfLabel(label))
      return series;
    if (const auto found = m_queries.find(id); found != m_queries.end())
      return found->second;
    return std::nullopt;
  }

  // A data point's value: a whole count >= 0 (sums of counts; rounded).
  static std::optional<std::uint64_t> count(double value, std::string &reason) {
    if (!std::isfinite(value)) {
      reason = "value is not a number";
      return std::nullopt;
    }
    if (value < 0) {
      reason = "negative value";
      return std::nullopt;
    }
    if (value > 1e15) {
      reason = "implausibly large value";
      return std::nullopt;
    }
    return static_cast<std::uint64_t>(std::llround(value));
  }

  // The smallest gap between timestamps: the query's period.
  static std::int64_t periodOf(std::vector<std::int64_t> stamps) {
    std::sort(stamps.begin(), stamps.end());
    std::int64_t period = 0;
    for (std::size_t i = 1; i < stamps.size(); ++i)
      if (const std::int64_t gap = stamps[i] - stamps[i - 1];
          gap > 0 && (period == 0 || gap < period))
        period = gap;
    return period == 0 ? kSecondsPerHour : period;
  }

  // A period's sum is spread over its hours; beyond a month of hours the
  // points are not a metric query's but far-apart or corrupt timestamps.
  static constexpr std::int64_t kMaxPeriodSeconds = 31 * 24 * kSecondsPerHour;
  static std::string periodTooLong(std::int64_t period) {
    return "data points " + std::to_string(period / (24 * kSecondsPerHour)) +
           " days apart; a period of at most 31 days is spread over its hours (query a shorter "
           "period)";
  }

  void readJson(const InputFile &file, const std::string &text) {
    dom::parser parser;
    dom::element root;
    if (const auto code = parser.parse(text).get(root)) {
      m_failure = file.display +
                  ": not the output of `aws cloudwatch get-metric-data`: expected one JSON object "
                  "with \"MetricDataResults\" (" +
                  simdjson::error_message(code) + ")";
      return;
    }
    dom::array results;
    if (root["MetricDataResults"].get_array().get(results)) {
      m_failure = file.display +
                  ": not the output of `aws cloudwatch get-metric-data`: expected an object "
                  "with \"MetricDataResults\"";
      return;
    }
    ++m_result.tally.files;
    // Series i starts at the i-th "Id" key: its line, for messages.
    std::size_t searchFrom = 0;
    std::size_t index = 0;
    for (dom::element each : results) {
      const std::size_t at = text.find("\"Id\"", searchFrom);
      searchFrom = at == std::string::npos ? text.size() : at + 4;
      const auto line = static_cast<std::uint64_t>(
          std::count(text.begin(),
                     text.begin() + static_cast<std::ptrdiff_t>(std::min(searchFrom, text.size())),
                     '\n') +
          1);
      const std::string where = "MetricDataResults[" + std::to_string(index++) + "]";
      std::string_view id, label;
      if (each["Id"].get_string().get(id))
        id = {};
      if (each["Label"].get_string().get(label))
        label = {};
      dom::array stamps, values;
      if (each["Timestamps"].get_array().get(stamps) || each["Values"].get_array().get(values)) {
        skip(file, line, where + ": missing field Timestamps or Values");
        continue;
      }
      if (stamps.size() != values.size()) {
        skip(file, line,
             where + ": " + std::to_string(stamps.size()) + " timestamps but " +
                 std::to_string(values.size()) + " values");
        continue;
      }
      const auto series = resolve(label, id);
      if (!series) {
        skip(file, line,
             where + ": label \"" + std::string(label) +
                 "\" is not \"MODEL_ID METRIC_NAME\" and no --queries entry has Id \"" +
                 std::string(id) + "\"");
        continue;
      }
      std::vector<std::int64_t> seconds;
      seconds.reserve(stamps.size());
      bool good = true;
      for (dom::element stamp : stamps) {
        std::string_view text;
        std::optional<std::int64_t> parsed;
        if (!stamp.get_string().get(text))
          parsed = parseIsoSeconds(text);
        if (!parsed) {
          skip(file, line, where + ": a timestamp is not ISO 8601 from 2000 to 2099");
          good = false;
          break;
        }
        seconds.push_back(*parsed);
      }
      if (!good)
        continue;
      const std::int64_t period = periodOf(seconds);
      if (period > kMaxPeriodSeconds) {
        skip(file, line, where + ": " + periodTooLong(period));
        continue;
      }
      std::size_t point = 0;
      for (dom::element value : values) {
        ++m_result.tally.lines;
        double number = 0;
        std::string reason;
        std::optional<std::uint64_t> counted;
        if (value.get_double().get(number))
          reason = "value is not a number";
        else
          counted = count(number, reason);
        if (!counted)
          skip(file, line, where + ".Values[" + std::to_string(point) + "]: " + reason);
        else
          add(*series, seconds[point], period, *counted);
        ++point;
      }
    }
  }

  void readCsv(const InputFile &file) {
    CsvReader reader(file);
    if (!reader.next()) {
      if (!reader.ok())
        m_failure = file.display + ": " + reader.error();
      return;
    }
    const std::vector<std::string> header = csvHeader(reader.fields());
    std::vector<std::optional<Series>> columns;
    bool any = false;
    for (std::size_t i = 1; i < header.size(); ++i) {
      columns.push_back(resolve(header[i], header[i]));
      any = any || columns.back().has_value();
    }
    if (!any) {
      m_failure = file.display +
                  ": not a CloudWatch CSV export: expected a timestamp column, then columns "
                  "labelled \"MODEL_ID METRIC_NAME\" (e.g. \"amazon.nova-pro-v1:0 "
                  "InputTokenCount\")";
      return;
    }
    ++m_result.tally.files;
    struct Point {
      std::int64_t seconds;
      std::uint64_t value;
    };
    std::vector<std::vector<Point>> points(columns.size());
    while (reader.next()) {
      const auto &fields = reader.fields();
      if (fields.size() == 1 && fields[0].empty())
        continue;
      ++m_result.tally.lines;
      if (fields.size() != header.size()) {
        skip(file, reader.line(),
             "expected " + std::to_string(header.size()) + " columns, found " +
                 std::to_string(fields.size()));
        continue;
      }
      const auto seconds = parseIsoSeconds(fields[0]);
      if (!seconds) {
        skip(file, reader.line(),
             "timestamp \"" + std::string(fields[0]) + "\" is not ISO 8601 from 2000 to 2099");
        continue;
      }
      for (std::size_t i = 0; i < columns.size(); ++i) {
        const std::string_view text = fields[i + 1];
        if (!columns[i] || text.empty())
          continue;
        double number = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
        std::string reason = "value \"" + std::string(text) + "\" is not a number";
        std::optional<std::uint64_t> counted;
        if (error == std::errc{} && end == text.data() + text.size())
          counted = count(number, reason);
        if (!counted) {
          skip(file, reader.line(), header[i + 1] + ": " + reason);
          continue;
        }
        points[i].push_back({*seconds, *counted});
      }
    }
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (!columns[i])
        continue;
      std::vector<std::int64_t> stamps;
      for (const Point &point : points[i])
        stamps.push_back(point.seconds);
      const std::int64_t period = periodOf(stamps);
      if (period > kMaxPeriodSeconds) {
        skip(file, 1, header[i + 1] + ": " + periodTooLong(period));
        continue;
      }
      for (const Point &point : points[i])
        add(*columns[i], point.seconds, period, point.value);
    }
  }

  const std::string &failure() const { return m_failure; }
  void clearFailure() { m_failure.clear(); }
  UsageAccumulator &usage() { return m_usage; }

private:
  void skip(const InputFile &file, std::uint64_t line, std::string reason) {
    m_result.tally.skipped.add({file.display, line, std::move(reason)});
  }

  const QueryMap &m_queries;
  UsageImport &m_result;
  ModelResolver m_models;
  UsageAccumulator m_usage;
  std::string m_failure;
};

} // namespace

UsageImport importCloudWatch(const std::vector<InputFile> &files, const RateCard &card,
                             const CloudWatchOptions &options) {
  UsageImport result;
  QueryMap queries;
  if (options.queries) {
    std::string error;
    auto read = readQueries(*options.queries, error);
    if (!read) {
      result.failure = ImportFailure{error};
      return result;
    }
    queries = std::move(*read);
  }
  CloudWatchReader reader(card, queries, result);
  for (const InputFile &file : files) {
    if (options.control && options.control->cancelled()) {
      result.failure = ImportFailure{"import cancelled", true};
      return result;
    }
    std::string error;
    const auto first = firstLine(file, error);
    if (!first) {
      result.failure = ImportFailure{error};
      return result;
    }
    if (first->starts_with("{")) {
      const auto text = readWholeInput(file, kMaxJsonBytes, error);
      if (!text) {
        result.failure = ImportFailure{error};
        return result;
      }
      reader.readJson(file, *text);
    } else if (!first->empty()) {
      reader.readCsv(file);
    } else {
      ++result.tally.files;
    }
    if (!reader.failure().empty()) {
      if (file.fromFolder) {
        result.tally.warnings.push_back(reader.failure() + "; skipped");
        reader.clearFailure();
        continue;
      }
      result.failure = ImportFailure{reader.failure()};
      return result;
    }
  }
  result.groups = std::move(reader.usage()).finish();
  if (auto warning = saturationWarning(result.groups))
    result.tally.warnings.push_back(std::move(*warning));
  const double days = coveredDays(result.groups);
  if (!result.groups.empty() && days < 90)
    result.tally.warnings.push_back("the metrics cover " +
                                    std::to_string(static_cast<int>(std::round(days))) +
                                    " days; size a commitment on at least 90 days (the floor of a "
                                    "shorter window may not hold)");
  return result;
}

} // namespace bwi::core
