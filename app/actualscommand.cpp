#include "app/actualscommand.h"

#include "app/optionreader.h"
#include "app/texttables.h"
#include "core/analysis/planvsactual.h"
#include "core/common/moneyformat.h"
#include "core/files/scenariofile.h"
#include "core/import/billactuals.h"
#include "core/import/importjson.h"
#include "core/model/calendarmonth.h"
#include "core/report/planvsactualjson.h"

#include <optional>
#include <ostream>
#include <sstream>

namespace bwi::app {
namespace {

struct ActualsLine {
  std::string scenarioPath;
  std::vector<std::string> billPaths;
  core::PlanVsActualOptions options;
  bool json = false;
};

std::optional<ActualsLine> parseActualsLine(const Arguments &arguments, std::string &error) {
  ActualsLine line;
  std::vector<std::string> positional;
  OptionReader in(arguments);
  const auto month = [&in](const char *option, std::string &into) {
    if (const auto value = in.value()) {
      into = *value;
      if (!core::parseCalendarMonth(into))
        in.fail(std::string(option) + " takes YYYY-MM, got \"" + into + "\"");
    }
  };
  while (in.next()) {
    if (in.is("--json")) {
      line.json = true;
    } else if (in.is("--month")) {
      month("--month", line.options.month);
    } else if (in.is("--plan-start")) {
      month("--plan-start", line.options.planStart);
    } else if (in.is("--by")) {
      if (const auto by = in.value()) {
        if (*by == "model")
          line.options.by = core::PlanGrouping::Model;
        else if (*by == "team")
          line.options.by = core::PlanGrouping::Team;
        else
          in.fail("--by takes model or team, got \"" + *by + "\"");
      }
    } else if (in.isOption()) {
      in.unknownOption("actuals");
    } else {
      positional.push_back(in.word());
    }
  }
  if (in.failed()) {
    error = in.error();
    return std::nullopt;
  }
  if (positional.size() < 2) {
    error = "actuals takes a SCENARIO and one or more BILL files (CUR or FOCUS CSV)";
    return std::nullopt;
  }
  line.scenarioPath = positional[0];
  line.billPaths.assign(positional.begin() + 1, positional.end());
  return line;
}

std::string usd(double value) { return core::formatUsdExact(value); }

// A sign in front of a positive figure. Built by appending: GCC 12 at -O3
// misreads "literal" + std::string&& as an overlapping copy (-Wrestrict).
std::string withSign(double value, const std::string &text) {
  if (!(value > 0))
    return text;
  std::string result(1, '+');
  result += text;
  return result;
}

std::string signedUsd(double value) { return withSign(value, usd(value)); }

std::string signedPercent(double share) { return withSign(share, core::formatPercent(share)); }

std::string actualsText(const core::PlanVsActual &figures, const std::string &scenarioName) {
  const core::PlanVsActualMonth &month = figures.months[figures.selected];
  const bool byTeam = figures.by == core::PlanGrouping::Team;
  std::ostringstream out;
  out << "Scenario " << scenarioName << " (month " << month.planMonth << ", plan from "
      << figures.planStart << ") against the bill for " << month.month << ", gross:\n\n";
  constexpr std::size_t kKey = 44, kMoney = 15;
  out << padRight(byTeam ? "TEAM" : "MODEL", kKey);
  for (const char *heading :
       {"PLAN", "ACTUAL", "VARIANCE", "VOLUME", "PRICE", "MIX", "COMMIT/OTHER"})
    out << "  " << padLeft(heading, kMoney);
  out << "\n";
  const auto line = [&out](const std::string &key, double plan, double actual,
                           const core::VarianceEffects &effects) {
    out << padRight(key, kKey);
    for (double value : {plan, actual, actual - plan, effects.volumeUsd, effects.priceUsd,
                         effects.mixUsd, effects.commitmentUsd})
      out << "  " << padLeft(usd(value), kMoney);
    out << "\n";
  };
  for (const core::PlanVsActualRow &row : month.rows)
    line(row.key, row.planUsd, row.actualUsd, row.effects);
  line("Total", month.planUsd, month.actualUsd, month.effects);

  out << "\nVariance, plan to actual:\n";
  constexpr std::size_t kStep = 18;
  out << "  " << padRight("Plan", kStep) << padLeft(usd(month.planUsd), kMoney) << "\n";
  const std::pair<const char *, double> steps[] = {
      {"Volume", month.effects.volumeUsd},
      {"Price", month.effects.priceUsd},
      {"Mix", month.effects.mixUsd},
      {"Commitment/other", month.effects.commitmentUsd}};
  for (const auto &[name, value] : steps)
    out << "  " << padRight(name, kStep) << padLeft(signedUsd(value), kMoney) << "\n";
  out << "  " << padRight("Actual", kStep) << padLeft(usd(month.actualUsd), kMoney) << "\n";
  out << "  (tokens: plan " << core::formatCount(month.planTokens) << ", actual "
      << core::formatCount(month.actualTokens) << ")\n";

  out << "\nTop movers, " << (figures.moversFrom.empty() ? "-" : figures.moversFrom) << " to "
      << month.month << ":\n";
  if (figures.moversFrom.empty())
    out << "  none: the bill has no charges in the month before\n";
  else if (figures.movers.empty())
    out << "  none: nothing changed\n";
  for (const core::Mover &mover : figures.movers)
    out << "  " << padRight(mover.key, kKey) << "  " << padLeft(usd(mover.fromUsd), kMoney) << " → "
        << padLeft(usd(mover.toUsd), kMoney) << "  "
        << padLeft(signedUsd(mover.changeUsd()), kMoney) << "  "
        << padLeft(mover.changeShare ? signedPercent(*mover.changeShare) : "new", 8) << "\n";

  if (figures.budget) {
    const core::BudgetRunOut &budget = *figures.budget;
    out << "\nBudget " << usd(budget.monthlyBudgetUsd) << " a month, "
        << usd(budget.horizonBudgetUsd) << " over " << budget.points.size()
        << " months (net; actual, then forecast):\n";
    for (const core::BudgetPoint &point : budget.points)
      out << "  " << point.month << "  " << padRight(point.actual ? "actual" : "forecast", 9)
          << padLeft(usd(point.spendUsd), kMoney) << "  cumulative "
          << padLeft(usd(point.cumulativeUsd), kMoney) << "  budget "
          << padLeft(usd(point.budgetCumulativeUsd), kMoney) << "\n";
    out << "Run-out: "
        << (budget.runOutMonth ? *budget.runOutMonth : std::string("none within the forecast"))
        << "\n";
  }
  for (const std::string &note : figures.notes)
    out << "Note: " << note << "\n";
  return out.str();
}

} // namespace

int runActualsCommand(const Arguments &arguments, std::ostream &out, std::ostream &err) {
  std::string error;
  const auto line = parseActualsLine(arguments, error);
  if (!line)
    return usageError(err, error, "actuals");
  const core::ScenarioLoadResult load = core::loadScenarioFile(line->scenarioPath);
  if (!load.loaded) {
    err << load.report();
    return kInvalidInput;
  }
  const core::BillActuals bill = core::readBillActuals(line->billPaths, load.loaded->card);
  if (!bill.spend) {
    err << "bedrock-whatif: " << bill.error << "\n";
    return kInvalidInput;
  }
  const core::PreparedScenario prepared =
      core::prepareScenario(load.loaded->scenario, load.loaded->card);
  const core::PlanVsActualResult result = core::planVsActual(prepared, *bill.spend, line->options);
  if (!result.value) {
    err << "bedrock-whatif: " << line->billPaths.front() << ": " << result.error << "\n";
    return kInvalidInput;
  }
  if (line->json) {
    core::Json json = core::planVsActualToJson(*result.value, load.loaded->scenario.name);
    core::Json bills = core::Json::array();
    for (const std::string &path : line->billPaths)
      bills.push_back(path);
    json["bills"] = std::move(bills);
    out << core::importJsonText(json);
    return kSuccess;
  }
  out << actualsText(*result.value, load.loaded->scenario.name);
  return kSuccess;
}

} // namespace bwi::app
