#include "app/commands.h"

#include "app/modelmaps.h"
#include "app/texttables.h"
#include "core/analysis/escalation.h"
#include "core/cost/curves.h"
#include "core/cost/evaluation.h"
#include "core/files/scenariofile.h"
#include "core/files/scenariovalidation.h"
#include "core/forecast/forecast.h"
#include "core/model/ratecardage.h"
#include "core/report/resultjson.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ostream>

namespace bwi::app {
namespace {

std::string todayIso() {
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day date{today};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

// A result that overflowed a double (growth compounded over many months)
// is an input problem: say so rather than print inf or null.
int overflowError(const CommandLine &line, int month, std::ostream &err) {
  err << line.scenarioPath << ": " << core::overflowMessage(month) << "\n";
  return kInvalidInput;
}

bool finite(double value) { return std::isfinite(value); }

// A month after the forecast was not checked with the scenario: its card may
// retire a model whose traffic cannot move, or not price a commitment.
bool monthIsValid(const CommandLine &line, const core::LoadedScenario &loaded, std::ostream &err) {
  if (line.month < loaded.scenario.forecast.months)
    return true;
  core::ValidationIssues issues;
  core::validateCalendarMonth(loaded.scenario, loaded.card, line.month, issues);
  if (issues.empty())
    return true;
  err << core::formatIssues(line.scenarioPath, issues);
  return false;
}

int evaluateCommand(const CommandLine &line, const core::LoadedScenario &loaded, std::ostream &out,
                    std::ostream &err) {
  if (!monthIsValid(line, loaded, err))
    return kInvalidInput;
  const core::PreparedScenario prepared = core::prepareScenario(loaded.scenario, loaded.card);
  const core::Evaluation evaluation = core::evaluate(prepared, line.month);
  if (!core::allFinite(evaluation))
    return overflowError(line, line.month, err);
  const std::string today = todayIso();
  if (line.json) {
    core::Json json = core::evaluationToJson(evaluation, loaded.scenario.name, loaded.card.asOf);
    json["ratecard_stale"] = core::isStale(loaded.card.asOf, today);
    json["escalations"] = core::escalationsToJson(
        core::escalationBreakEvens(loaded.scenario, loaded.card, line.month));
    out << json.dump(2) << "\n";
  } else {
    out << evaluationTable(evaluation, loaded, today);
  }
  return kSuccess;
}

int forecastCommand(const CommandLine &line, const core::LoadedScenario &loaded, std::ostream &out,
                    std::ostream &err) {
  const core::PreparedScenario prepared = core::prepareScenario(loaded.scenario, loaded.card);
  const core::Forecast forecast = core::forecast(prepared);
  for (const core::ForecastMonth &month : forecast.months)
    if (!finite(month.grossUsd) || !finite(month.netUsd) || !finite(month.commitRetiredUsd) ||
        !finite(month.netP90Usd.value_or(0)) || !finite(month.netP10Usd.value_or(0)) ||
        !finite(month.netP50Usd.value_or(0)))
      return overflowError(line, month.month, err);
  const core::CommitmentCalendar calendar = core::commitmentCalendar(prepared, forecast);
  if (line.json) {
    core::Json json = core::forecastToJson(forecast);
    json["commitment_calendar"] = core::commitmentCalendarToJson(calendar);
    json["next_decision"] = core::commitmentDecisionToJson(calendar.nextDecision);
    out << json.dump(2) << "\n";
  } else {
    out << forecastTable(forecast, loaded, core::unpricedNote(core::evaluate(prepared, 0)))
        << commitmentCalendarTable(calendar);
  }
  return kSuccess;
}

int escalationCurveCommand(const CommandLine &line, const core::LoadedScenario &loaded,
                           std::ostream &out, std::ostream &err) {
  const auto curve =
      core::escalationCurve(loaded.scenario, loaded.card, line.workloadId, line.month);
  if (!curve) {
    err << line.scenarioPath << ": workload \"" << line.workloadId
        << "\" has no escalation (or no such workload): give it \"escalation\": {\"to\": "
           "MODEL, \"rate\": e}\n";
    return kInvalidInput;
  }
  for (const core::EscalationCurvePoint &point : curve->points)
    if (!finite(point.netUsd))
      return overflowError(line, line.month, err);
  out << core::escalationCurveCsv(*curve);
  return kSuccess;
}

int curveCommand(const CommandLine &line, const core::LoadedScenario &loaded, std::ostream &out,
                 std::ostream &err) {
  if (!monthIsValid(line, loaded, err))
    return kInvalidInput;
  if (line.curveKind == "escalation")
    return escalationCurveCommand(line, loaded, out, err);
  const core::PreparedScenario prepared = core::prepareScenario(loaded.scenario, loaded.card);
  if (line.curveKind == "volume") {
    const auto points = core::volumeCurve(prepared, line.month);
    for (const core::VolumeCurvePoint &point : points)
      if (!finite(point.onDemandOnlyUsd) || !finite(point.withCommitmentsUsd) ||
          !finite(point.withOptimalUsd))
        return overflowError(line, line.month, err);
    out << core::volumeCurveCsv(points);
    return kSuccess;
  }
  std::string modelId = line.modelId;
  if (modelId.empty()) {
    // The committed model first, else the first one that could be.
    const core::PreparedSegment &segment = prepared.segment(line.month);
    for (const core::PreparedModel &model : segment.models)
      if (model.provisioned) {
        modelId = model.rates.id;
        break;
      }
    for (const core::PreparedModel &model : segment.models)
      if (modelId.empty() && model.ptCapable)
        modelId = model.rates.id;
  }
  if (modelId.empty()) {
    err << line.scenarioPath
        << ": no model in this scenario has a provisioned-throughput price and capacity "
           "(quote needed: add them under ratecard_overrides)\n";
    return kInvalidInput;
  }
  const auto curve = core::unitsCurve(prepared, line.month, modelId);
  if (!curve) {
    err << line.scenarioPath << ": model " << modelId
        << " has no units curve: it needs a provisioned-throughput price and capacity and "
           "real-time traffic\n";
    return kInvalidInput;
  }
  for (const core::UnitsCurvePoint &point : curve->points)
    if (!finite(point.costUsd))
      return overflowError(line, line.month, err);
  out << core::unitsCurveCsv(*curve);
  return kSuccess;
}

int validateCommand(const CommandLine &line, const core::LoadedScenario &loaded, std::ostream &out,
                    std::ostream &) {
  out << line.scenarioPath << ": valid (" << loaded.scenario.workloads.size()
      << " workloads, rate card as of " << loaded.card.asOf << ")\n";
  if (core::isStale(loaded.card.asOf, todayIso()))
    out << staleRateCardNotice(loaded.card.asOf, todayIso()) << "\n";
  return kSuccess;
}

} // namespace

int runScenarioCommand(const Arguments &arguments, std::ostream &out, std::ostream &err,
                       ScenarioBody body) {
  std::string error;
  const auto line = parseCommandLine(arguments, error);
  if (!line)
    return usageError(err, error, arguments.at(0));
  const core::ScenarioLoadResult load = loadMappedScenario(line->scenarioPath);
  if (!load.loaded) {
    err << load.report();
    return kInvalidInput;
  }
  // Fields this version does not read are named, not dropped silently.
  err << load.unknownFieldsReport();
  return body(*line, *load.loaded, out, err);
}

int runEvaluateCommand(const Arguments &arguments, std::ostream &out, std::ostream &err) {
  return runScenarioCommand(arguments, out, err, evaluateCommand);
}

int runForecastCommand(const Arguments &arguments, std::ostream &out, std::ostream &err) {
  return runScenarioCommand(arguments, out, err, forecastCommand);
}

int runCurveCommand(const Arguments &arguments, std::ostream &out, std::ostream &err) {
  return runScenarioCommand(arguments, out, err, curveCommand);
}

int runValidateCommand(const Arguments &arguments, std::ostream &out, std::ostream &err) {
  return runScenarioCommand(arguments, out, err, validateCommand);
}

} // namespace bwi::app
