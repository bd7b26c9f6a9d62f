#include "app/subcommands.h"

#include "app/actualscommand.h"
#include "app/commands.h"
#include "app/comparecommand.h"
#include "app/importcommand.h"
#include "app/modelmaps.h"
#include "app/rangecommands.h"

#include <array>
#include <ostream>
#include <sstream>

namespace bwi::app {
namespace {

const std::array<SubCommand, 16> kSubCommands = {{
    {"evaluate", "SCENARIO [--month N] [--json]",
     "Cost one month (default 0) of a scenario: a readable table, or the JSON\n"
     "object of docs/scenario-format.md.",
     runEvaluateCommand},
    {"forecast", "SCENARIO [--json]",
     "Monthly gross, discount, net and commit retired over forecast.months,\n"
     "with the p10/p50/p90 of the volume uncertainty when the scenario has it.",
     runForecastCommand},
    {"curve",
     "SCENARIO --kind volume|units|escalation [--model ID] [--workload ID] [--month N] [--csv]",
     "Cost curves as CSV: cost against the global volume multiplier (0.1x-10x,\n"
     "on demand only / with the commitments / with optimal PT), a model's\n"
     "cost against provisioned model units (--kind units --model ID), or the\n"
     "month's net cost against a workload's escalation rate (0-1) beside\n"
     "sending it all to the escalation target, with the break-even rate marked\n"
     "(--kind escalation --workload ID).",
     runCurveCommand},
    {"sensitivity", "SCENARIO [--month N] [--range PCT] [--lever NAME=LOW:HIGH]... [--json]",
     "The tornado: the month's net cost with each lever (volume, output_tokens,\n"
     "context_size, calls_per_request, cache_hit_rate, batch_share,\n"
     "premium_routing_share, pt_units, discount, reserved_tpm) at its low and\n"
     "high value, ±25% by default (forecast.sensitivity_range), or ±PCT, or\n"
     "LOW:HIGH percent for one lever (e.g. output_tokens=-10:40); largest\n"
     "swing first.",
     runSensitivityCommand},
    {"goal-seek",
     "SCENARIO --lever NAME --target X [--metric net_usd|net_per_1k_requests_usd|pt_utilization] "
     "[--month N] [--min A] [--max B] [--json]",
     "The lever value at which the month's metric (default net_usd) meets the\n"
     "target within 0.01%, searched from A to B in the lever's unit, or why\n"
     "no value in the range does.",
     runGoalSeekCommand},
    {"plan", "SCENARIO [--history-days N] [--trials N] [--json]",
     "The commitment planner: for each model that could take provisioned\n"
     "throughput, no commitment or the floor or the optimum on a one- or\n"
     "six-month term, against the forecast's uncertainty over 12 months:\n"
     "expected and p90 monthly cost, idle MU-hours, regret, when each pays\n"
     "off, and a recommendation (on demand until 90 days of history).",
     runPlanCommand},
    {"validate", "SCENARIO", "Check a scenario and the rate card it names; print every problem.",
     runValidateCommand},
    {"compare", "BASELINE SCENARIO... [--optimized [--same-provider]] [--month N] [--json]",
     "Two to four scenarios side by side: key figures with the differences\n"
     "against the baseline, and for each the waterfall of levers from the\n"
     "baseline to it (volume, routing, batch, caching, context trimming,\n"
     "service tier, meters, provisioned throughput, rate card, private\n"
     "pricing, in that order). --optimized adds the optimizer's proposal as a\n"
     "column.",
     runCompareCommand},
    {"optimize", "SCENARIO [--same-provider] [--month N] [--out FILE.json] [--json]",
     "Propose a cheaper scenario: batch for latency-tolerant workloads, the\n"
     "cheapest adequate model of each tier (--same-provider: of the provider\n"
     "already used), commitments at their optimum; print the changes and the\n"
     "waterfall, and write it to FILE.json.",
     runOptimizeCommand},
    {"export",
     "SCENARIO --chart NAME --out FILE.png|.svg|.pdf [--width PX --height PX] [--month N] "
     "[--compare SCENARIO]... [--workload ID] | SCENARIO --out FILE.xlsx [--month N] | "
     "SCENARIO --out FILE.csv --table workloads|rates|meters|monthly|forecast",
     "Draw one chart (volume, units, breakdown, forecast, load, waterfall,\n"
     "compare, tornado, planner, unit-cost, escalation, calendar) to a PNG\n"
     "(2x pixel ratio), SVG or PDF, 1200x675 by default, with a footer that traces it to\n"
     "the scenario and its dated rate card; waterfall and compare take\n"
     "--compare (default: the optimizer's proposal); unit-cost takes\n"
     "--workload (default: the first workload that names a unit), and so does\n"
     "escalation (default: the first workload with an exception path). Or the\n"
     "Excel workbook (sheets Inputs,\n"
     "Rates, Meters, Monthly with live formulas, Forecast), or one of its\n"
     "tables as CSV.\n"
     "Needs no display.",
     nullptr, &QtRunners::exportFiles},
    {"report", "SCENARIO --out FILE.pdf [--json] | SCENARIO --json",
     "The meeting pack: a first page a board reads (the decision asked for,\n"
     "spend against the budget, cost per unit against target, the top three\n"
     "movers, the forecast against the budget), then the summary with the\n"
     "commitment recommendation, every chart, the workloads, the assumptions\n"
     "and the rate card excerpt with sources, as one vector PDF. Needs no\n"
     "display. --json prints the first page's figures.",
     nullptr, &QtRunners::report},
    {"import",
     "KIND FILE... [--json] [--group-by KEY] [--queries FILE] [--out "
     "SCENARIO.json|HOURLY.csv|RATECARD.json] [--ratecard CARD.json] [--floor-percentile P] "
     "[--month YYYY-MM] [--threads N] [--region R]",
     "Read measured reality. KIND: invocation-logs (JSON lines, .gz, folders,\n"
     "JSON documents, CloudWatch Logs Insights results as JSON or CSV),\n"
     "cloudwatch (get-metric-data JSON or console CSV), cur, focus (CSV, .gz;\n"
     "--month YYYY-MM picks the month a scenario is built from), pricelist\n"
     "(AWS Price List bulk offer files or GetProducts output, for any region:\n"
     "--region R) or hourly-csv (docs/importing.md).\n"
     "--group-by: a dotted path into each log record (requestMetadata.team);\n"
     "for a bill principal, principal-arn or tag:KEY (tag:iamPrincipal/team).\n"
     "--out writes a scenario built from the traffic or the bill, the hourly\n"
     "CSV, or the price list's rate card.",
     runImportCommand},
    {"reconcile", "SCENARIO BILL [--month YYYY-MM] [--group-by KEY] [--json]",
     "The scenario's month 0 beside a CUR or FOCUS bill, by model, with the\n"
     "variance; with --group-by also by team (principal or tag:KEY).",
     runReconcileCommand},
    {"ratecard",
     "update [--region R] [--source URL|DIR] [--out FILE.json] [--json] "
     "[--timeout SECONDS]",
     "Download region R's Bedrock prices (default us-east-1) from the AWS\n"
     "Price List (no credentials), print how they differ from the current\n"
     "card and save the new card (default: the data folder's\n"
     "ratecards/R-DATE.json, which new scenarios then use). --source: another\n"
     "server or a folder laid out like it (offers/v1.0/aws/index.json);\n"
     "docs/price-list.md.",
     nullptr, &QtRunners::ratecard},
    {"actuals",
     "SCENARIO BILL... [--month YYYY-MM] [--by model|team] [--plan-start YYYY-MM] [--json]",
     "Plan against actual: each month of a CUR or FOCUS bill beside the\n"
     "scenario's month it plans (month 0 is the bill's first month, or\n"
     "--plan-start), the variance split into volume, price, mix and\n"
     "commitment/other, the top movers on the month before, and the\n"
     "budget's run-out month.",
     runActualsCommand},
    {"map", "SCENARIO OLD=NEW... --out FILE.json",
     "Save a copy of the scenario with the traffic on each model OLD (one\n"
     "without a price) moved to the card's model NEW. --map OLD=NEW on import,\n"
     "evaluate, forecast, compare, export and report does the same without\n"
     "saving (docs/cost-model.md section 21).",
     runMapCommand},
}};

// `text` broken into lines of at most `width` characters, the first after
// `lead` and the rest indented as far.
std::string wrapped(const std::string &lead, std::string_view text, std::size_t width = 79) {
  std::string result = lead, line = lead;
  std::istringstream words{std::string(text)};
  std::string word;
  bool first = true;
  while (words >> word) {
    if (!first && line.size() + 1 + word.size() > width) {
      // Appended in place: GCC 12's -O3 misreads "\n" + std::string(...) (-Wrestrict).
      result += '\n';
      result.append(lead.size(), ' ');
      line.assign(lead.size(), ' ');
    } else if (!first) {
      result += ' ';
      line += ' ';
    }
    result += word;
    line += word;
    first = false;
  }
  return result + "\n";
}

std::string indented(std::string_view text, const std::string &indent) {
  std::string result;
  std::istringstream lines{std::string(text)};
  for (std::string line; std::getline(lines, line);)
    result += indent + line + "\n";
  return result;
}

} // namespace

std::span<const SubCommand> subCommands() { return kSubCommands; }

const SubCommand *findSubCommand(std::string_view name) {
  for (const SubCommand &command : kSubCommands)
    if (command.name == name)
      return &command;
  return nullptr;
}

std::string subCommandNames() {
  std::string names;
  for (const SubCommand &command : kSubCommands)
    names += (names.empty() ? "" : ", ") + std::string(command.name);
  return names;
}

std::string usageText() {
  std::string text = "bedrock-whatif: what-if cost modelling for Amazon Bedrock spend\n\n"
                     "Usage:\n"
                     "  bedrock-whatif [SCENARIO]\n"
                     "      Open the workbench window on SCENARIO, or on the built-in example.\n";
  for (const SubCommand &command : kSubCommands) {
    text += wrapped("  bedrock-whatif " + std::string(command.name) + " ", command.usage);
    text += indented(command.description, "      ");
  }
  return text + "  bedrock-whatif --version | --help\n\n"
                "SCENARIO is a scenario file (JSON); resources/example-scenario.json is the\n"
                "built-in example. Exit status: 0 success, 1 invalid input (the message names\n"
                "the file and the JSON path), 2 wrong command line.\n";
}

int usageError(std::ostream &err, std::string_view message, std::string_view commandName) {
  err << "bedrock-whatif: " << message << "\n";
  if (const SubCommand *command = findSubCommand(commandName))
    err << "usage: bedrock-whatif " << command->name << " " << command->usage << "\n";
  else
    err << "run `bedrock-whatif --help` for the commands and their options\n";
  return kUsageError;
}

} // namespace bwi::app
