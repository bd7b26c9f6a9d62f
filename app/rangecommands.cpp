#include "app/rangecommands.h"

#include "app/commands.h"
#include "app/texttables.h"
#include "core/analysis/commitmentplanner.h"
#include "core/analysis/goalseek.h"
#include "core/analysis/tornado.h"
#include "core/common/moneyformat.h"
#include "core/report/rangesjson.h"

#include <cmath>
#include <cstdio>
#include <ostream>

namespace bwi::app {
namespace {

std::string number(double value, const char *format = "%.4g") {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

int notFinite(const CommandLine &line, std::ostream &err) {
  err << line.scenarioPath << ": " << core::overflowMessage(line.month) << "\n";
  return kInvalidInput;
}

// "output_tokens=-10:40" → the lever and its range as shares.
bool parseLeverRange(const std::string &text, core::ScaledLever &lever, core::LeverRange &range) {
  const auto equals = text.find('=');
  const auto colon = text.find(':', equals == std::string::npos ? 0 : equals);
  if (equals == std::string::npos || colon == std::string::npos)
    return false;
  const auto parsed = core::leverFromName(text.substr(0, equals));
  const auto low = parseDecimal(text.substr(equals + 1, colon - equals - 1));
  const auto high = parseDecimal(text.substr(colon + 1));
  if (!parsed || !low || !high || *low < -100 || *high > 1000 || *low > *high)
    return false;
  lever = *parsed;
  range = {*low / 100, *high / 100};
  return true;
}

std::string leverNames() {
  std::string names;
  for (core::ScaledLever lever : core::kAllLevers)
    names += (names.empty() ? "" : ", ") + std::string(core::leverName(lever));
  return names;
}

int sensitivityCommand(const CommandLine &line, const core::LoadedScenario &loaded,
                       std::ostream &out, std::ostream &err) {
  core::TornadoOptions options;
  options.month = line.month;
  if (line.rangePercent)
    options.range = *line.rangePercent / 100;
  for (const std::string &text : line.leverRanges) {
    core::ScaledLever lever;
    core::LeverRange range;
    if (!parseLeverRange(text, lever, range))
      return usageError(err, "--lever must be NAME=LOW:HIGH in percent (e.g. output_tokens=-10:40) "
                             "with NAME one of " +
                                 leverNames() + "; got \"" + text + "\"");
    options.overrides[lever] = range;
  }
  const core::Tornado tornado = core::tornado(loaded.scenario, loaded.card, options);
  bool finite = std::isfinite(tornado.baseUsd);
  for (const core::TornadoBar &bar : tornado.bars)
    finite = finite && std::isfinite(bar.lowUsd) && std::isfinite(bar.highUsd);
  if (!finite)
    return notFinite(line, err);
  if (line.json) {
    out << core::tornadoToJson(tornado).dump(2) << "\n";
    return kSuccess;
  }
  out << "Sensitivity of month " << tornado.month << " net cost ("
      << core::formatUsdExact(tornado.baseUsd) << "), largest swing first\n\n"
      << padRight("lever", 22) << padLeft("low", 10) << padLeft("high", 10) << padLeft("at low", 17)
      << padLeft("at high", 17) << padLeft("swing", 17) << "\n";
  for (const core::TornadoBar &bar : tornado.bars)
    out << padRight(std::string(core::leverName(bar.lever)), 22)
        << padLeft(number(bar.lowValue), 10) << padLeft(number(bar.highValue), 10)
        << padLeft(core::formatUsdExact(bar.lowUsd), 17)
        << padLeft(core::formatUsdExact(bar.highUsd), 17)
        << padLeft(core::formatUsdExact(bar.swingUsd()), 17) << "\n";
  out << "\nValues: volume is the global multiplier, pt_units whole model units, discount a "
         "share; the other levers are factors on each workload's own value.\n";
  return kSuccess;
}

int goalSeekCommand(const CommandLine &line, const core::LoadedScenario &loaded, std::ostream &out,
                    std::ostream &err) {
  core::GoalSeekRequest request;
  const auto lever = core::leverFromName(line.lever);
  if (!lever)
    return usageError(err,
                      "--lever must be one of " + leverNames() + ", got \"" + line.lever + "\"",
                      line.command);
  const auto metric = core::goalMetricFromName(line.metric);
  if (!metric)
    return usageError(
        err, "--metric must be net_usd, net_per_1k_requests_usd or pt_utilization, got \"" +
                 line.metric + "\"");
  request.lever = *lever;
  request.metric = *metric;
  request.target = *line.target;
  request.month = line.month;
  request.minValue = line.minValue;
  request.maxValue = line.maxValue;
  if (request.minValue && request.maxValue && *request.minValue > *request.maxValue)
    return usageError(err, "--min must not exceed --max", line.command);
  const core::GoalSeekResult result = core::goalSeek(loaded.scenario, loaded.card, request);
  if (line.json)
    out << core::goalSeekToJson(request, result).dump(2) << "\n";
  else
    out << (result.found ? "Found: " : "Not found: ") << result.message << "\n";
  return kSuccess;
}

int planCommand(const CommandLine &line, const core::LoadedScenario &loaded, std::ostream &out,
                std::ostream &err) {
  const core::PreparedScenario prepared = core::prepareScenario(loaded.scenario, loaded.card);
  core::PlanOptions options;
  options.historyDays = line.historyDays;
  options.trials = line.trials;
  const auto plan = core::planCommitments(prepared, options);
  if (!plan)
    return kInvalidInput; // not cancellable from here
  for (const core::ModelPlan &model : plan->models)
    for (const core::PlanChoice &choice : model.choices)
      if (!std::isfinite(choice.expectedMonthlyUsd) || !std::isfinite(choice.p90MonthlyUsd))
        return notFinite(line, err);
  if (line.json) {
    out << core::commitmentPlanToJson(*plan).dump(2) << "\n";
    return kSuccess;
  }
  out << "Commitment plan over " << core::kPlanMonths << " months, " << plan->trials
      << " trials (seed " << plan->seed << ")\n";
  for (const core::ModelPlan &model : plan->models) {
    out << "\n"
        << model.modelId << ": " << core::planRecommendationName(model.recommendation) << "\n  "
        << model.reason << "\n";
    if (model.choices.empty())
      continue;
    out << "  " << padRight("choice", 26) << padLeft("expected/mo", 16) << padLeft("p90/mo", 16)
        << padLeft("idle MU-h/mo", 14) << padLeft("regret/mo", 14) << padLeft("pays from", 11)
        << "\n";
    for (const core::PlanChoice &choice : model.choices) {
      const std::string name = choice.term ? std::string(core::planChoiceKindName(choice.kind)) +
                                                 " " + std::to_string(choice.modelUnits) + " MU " +
                                                 std::string(core::toString(*choice.term))
                                           : "none (on demand)";
      out << "  " << padRight(name, 26)
          << padLeft(core::formatUsdExact(choice.expectedMonthlyUsd), 16)
          << padLeft(core::formatUsdExact(choice.p90MonthlyUsd), 16)
          << padLeft(number(choice.expectedIdleMuHours, "%.0f"), 14)
          << padLeft(core::formatUsdExact(choice.expectedRegretUsd), 14)
          << padLeft(choice.breakEvenMonth ? "month " + std::to_string(*choice.breakEvenMonth)
                                           : std::string(choice.term ? "never" : "-"),
                     11)
          << "\n";
    }
  }
  return kSuccess;
}

} // namespace

int runSensitivityCommand(const Arguments &arguments, std::ostream &out, std::ostream &err) {
  return runScenarioCommand(arguments, out, err, sensitivityCommand);
}

int runGoalSeekCommand(const Arguments &arguments, std::ostream &out, std::ostream &err) {
  return runScenarioCommand(arguments, out, err, goalSeekCommand);
}

int runPlanCommand(const Arguments &arguments, std::ostream &out, std::ostream &err) {
  return runScenarioCommand(arguments, out, err, planCommand);
}

} // namespace bwi::app
