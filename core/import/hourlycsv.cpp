#include "core/import/hourlycsv.h"

#include "core/import/csvreader.h"
#include "core/import/isotime.h"
#include "core/import/modelidentity.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <tuple>

namespace bwi::core {
namespace {

constexpr std::array<std::string_view, 9> kColumns{"hour",
                                                   "key",
                                                   "model",
                                                   "tier",
                                                   "requests",
                                                   "input_tokens",
                                                   "output_tokens",
                                                   "cache_read_tokens",
                                                   "cache_write_tokens"};

std::optional<std::uint64_t> parseCount(std::string_view text) {
  if (text.empty())
    return 0;
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  // Above 10^15 a row is corrupt, and sums of such rows would overflow.
  if (error != std::errc{} || end != text.data() + text.size() || value > 1'000'000'000'000'000ULL)
    return std::nullopt;
  return value;
}

std::string csvField(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos)
    return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"')
      quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

} // namespace

UsageImport importHourlyCsv(const std::vector<InputFile> &files, const RateCard &card,
                            ImportControl *control) {
  UsageImport result;
  UsageAccumulator usage;
  ModelResolver resolve(card);
  for (const InputFile &file : files) {
    CsvReader reader(file);
    if (!reader.next()) {
      if (!reader.ok()) {
        result.failure = ImportFailure{file.display + ": " + reader.error()};
        return result;
      }
      ++result.tally.files;
      continue;
    }
    const std::vector<std::string> header = csvHeader(reader.fields());
    std::array<std::size_t, kColumns.size()> at{};
    std::string missing;
    for (std::size_t i = 0; i < kColumns.size(); ++i) {
      const auto found = std::find(header.begin(), header.end(), kColumns[i]);
      at[i] = static_cast<std::size_t>(found - header.begin());
      if (found == header.end())
        missing += std::string(missing.empty() ? "" : ", ") + std::string(kColumns[i]);
    }
    if (!missing.empty()) {
      const std::string message = file.display + ": not an hourly CSV: expected the header \"" +
                                  kHourlyCsvHeader + "\"; missing " + missing;
      if (file.fromFolder) {
        result.tally.warnings.push_back(message + "; skipped");
        continue;
      }
      result.failure = ImportFailure{message};
      return result;
    }
    ++result.tally.files;
    while (reader.next()) {
      if (control && control->cancelled()) {
        result.failure = ImportFailure{"import cancelled", true};
        return result;
      }
      const auto &fields = reader.fields();
      if (fields.size() == 1 && fields[0].empty())
        continue;
      ++result.tally.lines;
      const auto skip = [&](std::string reason) {
        result.tally.skipped.add({file.display, reader.line(), std::move(reason)});
      };
      if (fields.size() != header.size()) {
        skip("expected " + std::to_string(header.size()) + " columns, found " +
             std::to_string(fields.size()));
        continue;
      }
      const auto seconds = parseIsoSeconds(fields[at[0]]);
      if (!seconds) {
        skip("hour \"" + std::string(fields[at[0]]) + "\" is not ISO 8601 from 2000 to 2099");
        continue;
      }
      if (fields[at[2]].empty()) {
        skip("missing model");
        continue;
      }
      TokenCounts counts;
      std::array<std::uint64_t *, 5> targets{&counts.requests, &counts.input, &counts.output,
                                             &counts.cacheRead, &counts.cacheWrite};
      bool good = true;
      for (std::size_t i = 0; i < targets.size() && good; ++i) {
        const std::string_view text = fields[at[4 + i]];
        const auto value = parseCount(text);
        if (!value) {
          skip(std::string(kColumns[4 + i]) + " \"" + std::string(text) + "\" is " +
               (text.starts_with("-") ? "negative" : "not a whole number up to 10^15"));
          good = false;
        } else {
          *targets[i] = *value;
        }
      }
      // A row of zeros is read and adds nothing: no group of no traffic,
      // which the CSV written from the import would have no row for.
      if (!good || counts.empty())
        continue;
      const NormalizedModel &model = resolve(fields[at[2]]);
      const std::string_view tier =
          fields[at[3]].empty() ? std::string_view(model.tier) : fields[at[3]];
      const std::string_view key = fields[at[1]];
      const std::size_t group = usage.group(key.empty() ? std::nullopt : std::optional(key),
                                            model.model, tier, model.known);
      RecordFacts facts;
      facts.scope = model.scope;
      usage.add(group, hourIndex(*seconds) * kSecondsPerHour, counts, false, facts);
    }
    if (!reader.ok())
      result.tally.skipped.add({file.display, reader.line() + 1, reader.error()});
  }
  result.groups = std::move(usage).finish();
  if (auto warning = saturationWarning(result.groups))
    result.tally.warnings.push_back(std::move(*warning));
  return result;
}

std::string hourlyCsv(const std::vector<UsageGroup> &groups) {
  struct Row {
    std::int64_t hour;
    const UsageGroup *group;
    TokenCounts counts;
  };
  std::vector<Row> rows;
  for (const UsageGroup &group : groups)
    for (const auto &[hour, counts] : group.hourly)
      rows.push_back({hour, &group, counts});
  std::stable_sort(rows.begin(), rows.end(),
                   [](const Row &a, const Row &b) { return a.hour < b.hour; });
  std::string text = std::string(kHourlyCsvHeader) + "\n";
  for (const Row &row : rows) {
    text += isoFromSeconds(row.hour * kSecondsPerHour);
    text += ',' + csvField(row.group->key.value_or("")) + ',' + csvField(row.group->model) + ',' +
            csvField(row.group->tier);
    for (std::uint64_t value : {row.counts.requests, row.counts.input, row.counts.output,
                                row.counts.cacheRead, row.counts.cacheWrite})
      text += ',' + std::to_string(value);
    text += '\n';
  }
  return text;
}

} // namespace bwi::core
