#include "app/comparecommand.h"

#include "app/commandline.h"
#include "app/modelmaps.h"
#include "app/texttables.h"
#include "core/analysis/optimizedproposal.h"
#include "core/analysis/scenariocomparison.h"
#include "core/common/jsonwriter.h"
#include "core/common/moneyformat.h"
#include "core/files/scenariofile.h"
#include "core/report/comparisonjson.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>
#include <ostream>

namespace bwi::app {
namespace {

struct CompareLine {
  std::vector<std::string> scenarioPaths;
  bool optimized = false; // add the optimizer's proposal of the baseline
  core::OptimizeOptions options;
  bool json = false;
  int month = 0;
  std::string out; // optimize: where to write the proposal
};

std::optional<CompareLine> parse(const Arguments &arguments, std::string &error) {
  CompareLine line;
  const std::string &command = arguments.front();
  OptionReader in(arguments);
  while (in.next()) {
    if (in.is("--json")) {
      line.json = true;
    } else if (in.is("--optimized") && command == "compare") {
      line.optimized = true;
    } else if (in.is("--same-provider")) {
      line.options.sameProvider = true;
    } else if (in.is("--out") && command == "optimize") {
      if (const auto out = in.value())
        line.out = *out;
    } else if (in.is("--month")) {
      if (const auto month = in.wholeNumber(0, 1200))
        line.month = *month;
    } else if (in.isOption()) {
      in.unknownOption(command);
    } else {
      line.scenarioPaths.push_back(in.word());
    }
  }
  if (in.failed()) {
    error = in.error();
    return std::nullopt;
  }
  const std::size_t columns = line.scenarioPaths.size() + (line.optimized ? 1 : 0);
  if (command == "optimize" && line.scenarioPaths.size() != 1) {
    error = "optimize takes one SCENARIO file";
    return std::nullopt;
  }
  if (command == "compare" &&
      (line.scenarioPaths.empty() || columns < 2 || columns > core::kMaxComparedScenarios)) {
    error = "compare takes a BASELINE and 1 to 3 other SCENARIO files (or --optimized), got " +
            std::to_string(columns) + " scenario(s)";
    return std::nullopt;
  }
  return line;
}

std::optional<core::LoadedScenario> load(const std::string &path, std::ostream &err) {
  core::ScenarioLoadResult loaded = loadMappedScenario(path);
  if (!loaded.loaded) {
    err << loaded.report();
    return std::nullopt;
  }
  err << loaded.unknownFieldsReport();
  return std::move(loaded.loaded);
}

// The column heading: the scenario's name, or its file's name where two
// would read the same.
std::vector<std::string> labelsOf(const std::vector<core::ComparisonInput> &inputs,
                                  const std::vector<std::string> &paths) {
  std::vector<std::string> labels;
  for (const core::ComparisonInput &input : inputs)
    labels.push_back(input.label);
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (std::count(labels.begin(), labels.end(), labels[i]) > 1 && i < paths.size())
      labels[i] = std::filesystem::path(paths[i]).filename().string();
  return labels;
}

bool finite(const core::Comparison &comparison) {
  for (const core::FigureRow &row : comparison.rows)
    for (const auto &value : row.values)
      if (value && !std::isfinite(*value))
        return false;
  return true;
}

std::string figureText(const std::optional<double> &value, core::FigureUnit unit) {
  if (!value)
    return "-";
  switch (unit) {
  case core::FigureUnit::Share:
    return core::formatPercent(*value);
  case core::FigureUnit::Count:
    return core::formatCount(*value);
  default:
    return core::formatUsdExact(*value);
  }
}

std::string signedText(const std::optional<double> &value, core::FigureUnit unit) {
  if (!value)
    return "";
  const std::string text = figureText(value, unit);
  return *value > 0 ? "+" + text : text;
}

void printWaterfall(const core::LeverAttribution &attribution, const std::string &from,
                    const std::string &to, std::ostream &out) {
  out << "\nFrom " << from << " to " << to << ", month " << attribution.month
      << " (net USD per month)\n";
  out << "Attribution order: " << core::attributionOrderText()
      << " (each lever moves with the ones before it already moved)\n";
  const std::size_t labelWidth = 34;
  out << "  " << padRight(from, labelWidth)
      << padLeft(core::formatUsdExact(attribution.baselineNetUsd), 18) << "\n";
  for (const core::LeverBar &bar : attribution.bars)
    out << "  " << padRight(bar.label, labelWidth)
        << padLeft(signedText(bar.deltaUsd, core::FigureUnit::Usd), 18) << "\n";
  out << "  " << padRight(to, labelWidth)
      << padLeft(core::formatUsdExact(attribution.comparedNetUsd), 18) << "\n";
}

void printComparison(const core::Comparison &comparison, std::ostream &out) {
  const std::size_t n = comparison.labels.size();
  out << "Comparing " << n << " scenarios, month " << comparison.month
      << "; the first is the baseline, Δ is against it\n\n";
  std::vector<std::string> headings = {""};
  for (const std::string &label : comparison.labels)
    headings.push_back(label);
  for (std::size_t i = 1; i < n; ++i)
    headings.push_back("Δ " + comparison.labels[i]);
  std::vector<std::vector<std::string>> cells;
  for (const core::FigureRow &row : comparison.rows) {
    std::vector<std::string> line = {row.label};
    for (const auto &value : row.values)
      line.push_back(figureText(value, row.unit));
    for (std::size_t i = 1; i < n; ++i) {
      std::string difference = signedText(row.differences[i], row.unit);
      if (row.relativeDifferences[i] && row.unit != core::FigureUnit::Share)
        difference += " (" + signedText(row.relativeDifferences[i], core::FigureUnit::Share) + ")";
      line.push_back(difference);
    }
    cells.push_back(std::move(line));
  }
  std::vector<std::size_t> widths(headings.size(), 0);
  const auto measure = [&](const std::vector<std::string> &line) {
    for (std::size_t c = 0; c < line.size(); ++c)
      widths[c] = std::max(widths[c], shownWidth(line[c]));
  };
  measure(headings);
  for (const auto &line : cells)
    measure(line);
  const auto print = [&](const std::vector<std::string> &line) {
    out << padRight(line[0], widths[0]);
    for (std::size_t c = 1; c < line.size(); ++c)
      out << "  " << padLeft(line[c], widths[c]);
    out << "\n";
  };
  print(headings);
  for (const auto &line : cells)
    print(line);
  for (std::size_t i = 0; i < comparison.attributions.size(); ++i)
    printWaterfall(comparison.attributions[i], comparison.labels.front(), comparison.labels[i + 1],
                   out);
}

// Each change with the quality rule it obeyed on the line below it.
void printChanges(const std::vector<core::ProposedChange> &changes, std::ostream &out) {
  if (changes.empty())
    out << "  No change: the routing is already the cheapest within each workload's adequate "
           "set, no latency-tolerant workload waits for batch, and the commitments are at their "
           "optimum.\n";
  for (const core::ProposedChange &change : changes) {
    out << "  - " << change.text << "\n      rule: " << change.ruleText << "\n      "
        << core::savingText(change) << "\n";
    if (const auto &escalation = change.escalation) {
      out << "      exception path: " << core::formatPercent(escalation->rate) << " to "
          << escalation->to << " ("
          << (escalation->rateSource == core::RateSource::Assumed
                  ? "assumed rate: the workload has no measured escalation"
                  : "the workload's measured rate")
          << "); break-even e* "
          << (escalation->breakEvenRate ? core::formatPercent(*escalation->breakEvenRate) : "none")
          << "\n";
    }
    if (const auto &router = change.router) {
      out << "      router split: ";
      for (std::size_t i = 0; i < router->split.size(); ++i)
        out << (i ? " / " : "") << core::formatPercent(router->split[i].share) << " "
            << router->split[i].modelId;
      out << " (" << core::toString(router->splitSource) << ")\n";
    }
    if (!change.caveat.empty())
      out << "      caveat: " << change.caveat << "\n";
  }
}

core::ComparisonInput optimizedInput(const core::ComparisonInput &baseline, int month,
                                     const core::OptimizeOptions &options,
                                     std::vector<core::ProposedChange> *changes) {
  core::OptimizedProposal proposal =
      core::proposeOptimized(baseline.scenario, baseline.card, month, options);
  if (changes)
    *changes = proposal.changes;
  const std::string label = proposal.scenario.name;
  return {label, std::move(proposal.scenario), baseline.card};
}

} // namespace

std::optional<std::vector<core::ComparisonInput>>
loadComparisonInputs(const std::vector<std::string> &paths, bool addOptimized, int month,
                     const core::OptimizeOptions &options, std::ostream &err,
                     std::vector<core::ProposedChange> *changes) {
  std::vector<core::ComparisonInput> inputs;
  for (const std::string &path : paths) {
    auto loaded = load(path, err);
    if (!loaded)
      return std::nullopt;
    const std::string label = loaded->scenario.name.empty()
                                  ? std::filesystem::path(path).filename().string()
                                  : loaded->scenario.name;
    inputs.push_back({label, std::move(loaded->scenario), std::move(loaded->card)});
  }
  if (addOptimized && !inputs.empty())
    inputs.push_back(optimizedInput(inputs.front(), month, options, changes));
  const std::vector<std::string> labels = labelsOf(inputs, paths);
  for (std::size_t i = 0; i < inputs.size(); ++i)
    inputs[i].label = labels[i];
  return inputs;
}

int runCompareCommand(const std::vector<std::string> &arguments, std::ostream &out,
                      std::ostream &err) {
  std::string error;
  const auto line = parse(arguments, error);
  if (!line)
    return usageError(err, error, arguments.front());
  std::vector<core::ProposedChange> changes;
  const auto inputs = loadComparisonInputs(line->scenarioPaths, line->optimized, line->month,
                                           line->options, err, &changes);
  if (!inputs)
    return kInvalidInput;
  const core::Comparison comparison = core::compareScenarios(*inputs, line->month);
  if (!finite(comparison)) {
    err << "bedrock-whatif: " << core::overflowMessage(line->month) << "\n";
    return kInvalidInput;
  }
  if (line->json) {
    core::Json json = core::comparisonToJson(comparison);
    if (line->optimized)
      json["optimizer_changes"] = core::proposedChangesToJson(changes);
    out << core::prettyJson(json) << "\n";
    return kSuccess;
  }
  printComparison(comparison, out);
  if (line->optimized) {
    out << "\nThe optimizer's changes (" << inputs->back().label << "):\n";
    printChanges(changes, out);
  }
  return kSuccess;
}

int runOptimizeCommand(const std::vector<std::string> &arguments, std::ostream &out,
                       std::ostream &err) {
  std::string error;
  const auto line = parse(arguments, error);
  if (!line)
    return usageError(err, error, arguments.front());
  const std::string &path = line->scenarioPaths.front();
  auto loaded = load(path, err);
  if (!loaded)
    return kInvalidInput;
  const core::OptimizedProposal proposal =
      core::proposeOptimized(loaded->scenario, loaded->card, line->month, line->options);
  const core::LeverAttribution attribution = core::attributeLevers(
      loaded->scenario, loaded->card, proposal.scenario, loaded->card, line->month);
  if (!std::isfinite(attribution.baselineNetUsd) || !std::isfinite(attribution.comparedNetUsd)) {
    err << path << ": " << core::overflowMessage(line->month) << "\n";
    return kInvalidInput;
  }
  if (!line->out.empty()) {
    core::Scenario toSave = proposal.scenario;
    core::rebaseRateCardPath(toSave, std::filesystem::path(path).parent_path(),
                             std::filesystem::path(line->out).parent_path());
    const core::WriteResult written = core::saveScenarioFile(toSave, line->out);
    if (!written.ok) {
      err << "bedrock-whatif: " << written.message << "\n";
      return kInvalidInput;
    }
  }
  if (line->json) {
    out << core::prettyJson(core::proposalToJson(proposal, attribution)) << "\n";
    return kSuccess;
  }
  out << "Proposed: " << proposal.scenario.name << "\n";
  printChanges(proposal.changes, out);
  printWaterfall(attribution, loaded->scenario.name, proposal.scenario.name, out);
  if (!line->out.empty())
    out << "\nWritten to " << line->out << "\n";
  return kSuccess;
}

} // namespace bwi::app
