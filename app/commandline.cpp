#include "app/commandline.h"

#include "app/commands.h"
#include "app/comparecommand.h"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <iostream>

namespace bwi::app {
namespace {

bool isCommand(const std::string &word) {
  return word == "evaluate" || word == "forecast" || word == "curve" || word == "validate" ||
         word == "sensitivity" || word == "goal-seek" || word == "plan";
}

} // namespace

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

bool wantsWorkbench(const std::vector<std::string> &arguments) {
  if (arguments.empty())
    return true;
  if (arguments.size() != 1 || arguments[0].starts_with("-") || isCommand(arguments[0]) ||
      arguments[0] == "help" || arguments[0] == "compare" || arguments[0] == "optimize")
    return false;
  // A scenario file: one that exists, or is named like one (its error shows in the window).
  std::error_code error;
  return arguments[0].ends_with(".json") || std::filesystem::is_regular_file(arguments[0], error);
}

std::string usageText() {
  return R"(bedrock-whatif: what-if cost modelling for Amazon Bedrock spend

Usage:
  bedrock-whatif [SCENARIO]
      Open the workbench window on SCENARIO, or on the built-in example.
  bedrock-whatif evaluate SCENARIO [--month N] [--json]
      Cost one month (default 0) of a scenario: a readable table, or the JSON
      object of docs/scenario-format.md.
  bedrock-whatif forecast SCENARIO [--json]
      Monthly gross, discount, net and commit retired over forecast.months,
      with the p10/p50/p90 of the volume uncertainty when the scenario has it.
  bedrock-whatif curve SCENARIO --kind volume|units [--model ID] [--month N] [--csv]
      Cost curves as CSV: cost against the global volume multiplier (0.1x-10x,
      on demand only / with the commitments / with optimal PT), or a model's
      cost against provisioned model units.
  bedrock-whatif sensitivity SCENARIO [--month N] [--range PCT] [--lever NAME=LOW:HIGH]... [--json]
      The tornado: the month's net cost with each lever (volume, output_tokens,
      context_size, calls_per_request, cache_hit_rate, batch_share,
      premium_routing_share, pt_units, discount, reserved_tpm) at its low and
      high value, ±25% by default (forecast.sensitivity_range), or ±PCT, or
      LOW:HIGH percent for one lever (e.g. output_tokens=-10:40); largest swing first.
  bedrock-whatif goal-seek SCENARIO --lever NAME --target X
                        [--metric net_usd|net_per_1k_requests_usd|pt_utilization]
                        [--month N] [--min A] [--max B] [--json]
      The lever value at which the month's metric (default net_usd) meets the
      target within 0.01%, searched from A to B in the lever's unit, or why
      no value in the range does.
  bedrock-whatif plan SCENARIO [--history-days N] [--trials N] [--json]
      The commitment planner: for each model that could take provisioned
      throughput, no commitment or the floor or the optimum on a one- or
      six-month term, against the forecast's uncertainty over 12 months:
      expected and p90 monthly cost, idle MU-hours, regret, when each pays
      off, and a recommendation (on demand until 90 days of history).
  bedrock-whatif validate SCENARIO
      Check a scenario and the rate card it names; print every problem.
  bedrock-whatif compare BASELINE SCENARIO... [--optimized [--same-provider]]
                         [--month N] [--json]
      Two to four scenarios side by side: key figures with the differences
      against the baseline, and for each the waterfall of levers from the
      baseline to it (volume, routing, batch, caching, context trimming,
      service tier, meters, provisioned throughput, rate card, private
      pricing, in that order). --optimized adds the optimizer's proposal as a column.
  bedrock-whatif optimize SCENARIO [--same-provider] [--month N] [--out FILE.json]
                          [--json]
      Propose a cheaper scenario: batch for latency-tolerant workloads, the
      cheapest adequate model of each tier (--same-provider: of the provider
      already used), commitments at their optimum;
      print the changes and the waterfall, and write it to FILE.json.
  bedrock-whatif export SCENARIO --chart NAME --out FILE.png|.svg|.pdf
                        [--width PX --height PX] [--month N]
      Draw one chart (volume, units, breakdown, forecast, load, waterfall,
      compare, tornado, planner, unit-cost) to a PNG (2x pixel ratio), SVG
      or PDF, 1200x675 by default, with a footer that traces it to the
      scenario and its dated rate card. waterfall and compare take
      [--compare SCENARIO]... (default: the optimizer's proposal); unit-cost
      takes [--workload ID] (default: the first workload that names a unit).
      Needs no display.
  bedrock-whatif export SCENARIO --out FILE.xlsx [--month N]
  bedrock-whatif export SCENARIO --out FILE.csv
                        --table workloads|rates|meters|monthly|forecast
      The Excel workbook (sheets Inputs, Rates, Meters, Monthly with live
      formulas, Forecast), or one of its tables as CSV.
  bedrock-whatif report SCENARIO --out FILE.pdf
      The meeting pack: title page, one-page summary with the commitment
      recommendation, every chart, the workloads, the assumptions and the rate
      card excerpt with sources, as one vector PDF.
  bedrock-whatif import KIND FILE... [--json] [--group-by PATH] [--queries FILE]
                        [--out SCENARIO.json|HOURLY.csv|RATECARD.json]
      Read measured reality: invocation-logs, cloudwatch, cur, focus,
      pricelist or hourly-csv (docs/importing.md); --out builds a scenario
      from the traffic, writes the hourly CSV, or the price list's rate card.
  bedrock-whatif reconcile SCENARIO BILL [--month YYYY-MM] [--json]
      The scenario beside a CUR or FOCUS bill, by model, with the variance.
  bedrock-whatif --version | --help

SCENARIO is a scenario file (JSON); resources/example-scenario.json is the
built-in example. Exit status: 0 success, 1 invalid input (the message names
the file and the JSON path), 2 wrong command line.
)";
}

std::optional<CommandLine> parseCommandLine(const std::vector<std::string> &arguments,
                                            std::string &error) {
  CommandLine line;
  if (arguments.empty()) {
    line.command = "help";
    return line;
  }
  const std::string &first = arguments[0];
  if (first == "--help" || first == "-h" || first == "help") {
    line.command = "help";
    return line;
  }
  if (first == "--version") {
    line.command = "version";
    return line;
  }
  if (!isCommand(first)) {
    error = "unknown command \"" + first + "\"";
    return std::nullopt;
  }
  line.command = first;
  std::vector<std::string> positional;
  for (std::size_t i = 1; i < arguments.size(); ++i) {
    const std::string &word = arguments[i];
    const auto value = [&](const char *option) -> std::optional<std::string> {
      if (i + 1 >= arguments.size()) {
        error = std::string(option) + " needs a value";
        return std::nullopt;
      }
      return arguments[++i];
    };
    const bool ranges =
        line.command == "sensitivity" || line.command == "goal-seek" || line.command == "plan";
    const auto decimal = [&](const char *option) -> std::optional<double> {
      const auto text = value(option);
      if (!text)
        return std::nullopt;
      const auto number = parseDecimal(*text);
      if (!number)
        error = std::string(option) + " must be a number, got \"" + *text + "\"";
      return number;
    };
    const auto whole = [&](const char *option, int min, int max) -> std::optional<int> {
      const auto text = value(option);
      if (!text)
        return std::nullopt;
      const auto number = parseWholeNumber(*text);
      if (!number || *number < min || *number > max) {
        error = std::string(option) + " must be a whole number from " + std::to_string(min) +
                " to " + std::to_string(max) + ", got \"" + *text + "\"";
        return std::nullopt;
      }
      return number;
    };
    if (word == "--json" && (line.command == "evaluate" || line.command == "forecast" || ranges)) {
      line.json = true;
    } else if (word == "--month" &&
               (line.command == "sensitivity" || line.command == "goal-seek")) {
      const auto month = whole("--month", 0, 1200);
      if (!month)
        return std::nullopt;
      line.month = *month;
    } else if (word == "--range" && line.command == "sensitivity") {
      const auto percent = decimal("--range");
      if (!percent)
        return std::nullopt;
      if (*percent <= 0 || *percent > 100) {
        error = "--range must be a percentage above 0 and at most 100";
        return std::nullopt;
      }
      line.rangePercent = *percent;
    } else if (word == "--lever" && line.command == "sensitivity") {
      const auto text = value("--lever");
      if (!text)
        return std::nullopt;
      line.leverRanges.push_back(*text);
    } else if (word == "--lever" && line.command == "goal-seek") {
      const auto text = value("--lever");
      if (!text)
        return std::nullopt;
      line.lever = *text;
    } else if (word == "--metric" && line.command == "goal-seek") {
      const auto text = value("--metric");
      if (!text)
        return std::nullopt;
      line.metric = *text;
    } else if ((word == "--target" || word == "--min" || word == "--max") &&
               line.command == "goal-seek") {
      const auto number = decimal(word.c_str());
      if (!number)
        return std::nullopt;
      (word == "--target" ? line.target : word == "--min" ? line.minValue : line.maxValue) = number;
    } else if (word == "--history-days" && line.command == "plan") {
      const auto days = whole("--history-days", 0, 36500);
      if (!days)
        return std::nullopt;
      line.historyDays = *days;
    } else if (word == "--trials" && line.command == "plan") {
      const auto trials = whole("--trials", 100, 1000000);
      if (!trials)
        return std::nullopt;
      line.trials = *trials;
    } else if (word == "--csv" && line.command == "curve") {
      // CSV is the only form a curve has; accepted for scripts that ask for it.
    } else if (word == "--month" && (line.command == "evaluate" || line.command == "curve")) {
      const auto text = value("--month");
      if (!text)
        return std::nullopt;
      const auto month = parseWholeNumber(*text);
      if (!month || *month < 0 || *month > 1200) {
        error = "--month must be a whole number from 0 to 1200, got \"" + *text + "\"";
        return std::nullopt;
      }
      line.month = *month;
    } else if (word == "--kind" && line.command == "curve") {
      const auto text = value("--kind");
      if (!text)
        return std::nullopt;
      if (*text != "volume" && *text != "units") {
        error = "--kind must be volume or units, got \"" + *text + "\"";
        return std::nullopt;
      }
      line.curveKind = *text;
    } else if (word == "--model" && line.command == "curve") {
      const auto text = value("--model");
      if (!text)
        return std::nullopt;
      line.modelId = *text;
    } else if (word.starts_with("--")) {
      error = "unknown option " + word + " for " + line.command;
      return std::nullopt;
    } else {
      positional.push_back(word);
    }
  }
  if (positional.size() != 1) {
    error = line.command + " takes one SCENARIO file" +
            (positional.empty() ? "" : ", got " + std::to_string(positional.size()));
    return std::nullopt;
  }
  line.scenarioPath = positional[0];
  if (line.command == "goal-seek" && (line.lever.empty() || !line.target)) {
    error = "goal-seek needs --lever NAME and --target X";
    return std::nullopt;
  }
  if (line.command == "curve" && line.curveKind.empty()) {
    error = "curve needs --kind volume or --kind units";
    return std::nullopt;
  }
  return line;
}

int runCommandLine(const std::vector<std::string> &arguments, std::ostream &out,
                   std::ostream &err) {
  if (!arguments.empty() && arguments[0] == "compare")
    return runCompareCommand(arguments, out, err);
  if (!arguments.empty() && arguments[0] == "optimize")
    return runOptimizeCommand(arguments, out, err);
  std::string error;
  const auto line = parseCommandLine(arguments, error);
  if (!line) {
    err << "bedrock-whatif: " << error << "\n\n" << usageText();
    return kUsageError;
  }
  if (line->command == "help") {
    out << usageText();
    return kSuccess;
  }
  if (line->command == "version") {
    out << "bedrock-whatif " << BWI_VERSION << "\n";
    return kSuccess;
  }
  return runCommand(*line, out, err);
}

int runCommandLine(int argc, char **argv) {
  std::vector<std::string> arguments(argv + 1, argv + argc);
  return runCommandLine(arguments, std::cout, std::cerr);
}

} // namespace bwi::app
