#include "app/importcommand.h"

#include "app/commandline.h"
#include "app/modelmaps.h"
#include "core/common/atomicfile.h"
#include "core/common/jsonwriter.h"
#include "core/cost/evaluation.h"
#include "core/files/ratecardjson.h"
#include "core/files/scenariofile.h"
#include "core/files/scenariojson.h"
#include "core/import/billimport.h"
#include "core/import/hourlycsv.h"
#include "core/import/importjson.h"
#include "core/import/importrequest.h"
#include "core/import/importscenario.h"
#include "core/import/importtext.h"
#include "core/import/inputfiles.h"
#include "core/import/isotime.h"
#include "core/import/reconcile.h"

#include <optional>
#include <ostream>

namespace bwi::app {
namespace {

using core::ImportKind;

struct ImportLine {
  ImportKind kind = ImportKind::InvocationLogs;
  std::vector<std::string> files;
  bool json = false;
  std::optional<std::string> groupBy;
  std::optional<std::string> queriesPath;
  std::optional<std::string> outPath;
  std::optional<std::string> ratecardPath;
  std::optional<std::string> month; // bills: the month a scenario is built from
  double floorPercentile = 0.10;
  unsigned threads = 0;
  std::string region; // pricelist: the card's region
};

struct ReconcileLine {
  std::string scenarioPath;
  std::string billPath;
  std::string month;
  std::optional<std::string> groupBy;
  bool json = false;
};

bool endsWith(const std::string &text, const char *suffix) { return text.ends_with(suffix); }

// "2026-10": a month as bills name them.
bool isYearMonth(const std::string &text) {
  return text.size() == 7 && text[4] == '-' && core::parseIsoSeconds(text + "-01").has_value();
}

std::optional<ImportLine> parseImportLine(const std::vector<std::string> &arguments,
                                          std::string &error) {
  ImportLine line;
  if (arguments.size() < 2) {
    error = "import needs a KIND: cloudwatch, invocation-logs, cur, focus, pricelist or hourly-csv";
    return std::nullopt;
  }
  const auto kind = core::importKindFromString(arguments[1]);
  if (!kind) {
    error = "unknown import kind \"" + arguments[1] +
            "\" (cloudwatch, invocation-logs, cur, focus, pricelist, hourly-csv)";
    return std::nullopt;
  }
  line.kind = *kind;
  bool scenarioOption = false;
  OptionReader in(arguments, 2);
  while (in.next()) {
    if (in.is("--json")) {
      line.json = true;
    } else if (in.is("--group-by")) {
      line.groupBy = in.value(); // checked below: its form depends on the kind
    } else if (in.is("--queries")) {
      line.queriesPath = in.value();
    } else if (in.is("--out") || in.is("--scenario")) {
      scenarioOption = in.is("--scenario");
      line.outPath = in.value();
    } else if (in.is("--month")) {
      if ((line.month = in.value()) && !isYearMonth(*line.month))
        in.fail("--month takes YYYY-MM, got \"" + *line.month + "\"");
    } else if (in.is("--ratecard")) {
      line.ratecardPath = in.value();
    } else if (in.is("--region")) {
      if (const auto region = in.value())
        line.region = *region;
    } else if (in.is("--floor-percentile")) {
      const auto percent = in.decimal();
      if (percent && (*percent < 0 || *percent > 100))
        in.fail("--floor-percentile must be a number from 0 to 100, got \"" + in.word() + "\"");
      else if (percent)
        line.floorPercentile = *percent / 100.0;
    } else if (in.is("--threads")) {
      if (const auto threads = in.wholeNumber(1, 256))
        line.threads = static_cast<unsigned>(*threads);
    } else if (in.isOption()) {
      in.unknownOption("import");
    } else {
      line.files.push_back(in.word());
    }
  }
  if (in.failed()) {
    error = in.error();
    return std::nullopt;
  }
  if (line.files.empty()) {
    error = "import " + arguments[1] + " needs at least one FILE or folder";
    return std::nullopt;
  }
  if (line.groupBy) {
    if (line.kind == ImportKind::Cur || line.kind == ImportKind::Focus) {
      if (!core::parseBillGrouping(*line.groupBy, error)) {
        error = "--group-by: " + error;
        return std::nullopt;
      }
    } else if (line.kind != ImportKind::InvocationLogs) {
      error = "--group-by applies to invocation-logs, cur and focus";
      return std::nullopt;
    } else if (line.groupBy->empty() || line.groupBy->front() == '.' ||
               line.groupBy->back() == '.' || line.groupBy->find("..") != std::string::npos) {
      error = "--group-by takes a dotted path such as requestMetadata.team, got \"" +
              *line.groupBy + "\"";
      return std::nullopt;
    }
  }
  if (line.month && line.kind != ImportKind::Cur && line.kind != ImportKind::Focus) {
    error = "--month applies to cur and focus only";
    return std::nullopt;
  }
  if (!line.region.empty() && line.kind != ImportKind::PriceList) {
    error = "--region applies to pricelist only";
    return std::nullopt;
  }
  if (line.queriesPath && line.kind != ImportKind::CloudWatch) {
    error = "--queries applies to cloudwatch only";
    return std::nullopt;
  }
  if (line.outPath) {
    const bool usage = line.kind == ImportKind::InvocationLogs ||
                       line.kind == ImportKind::CloudWatch || line.kind == ImportKind::HourlyCsv;
    const std::string &out = *line.outPath;
    if ((line.kind == ImportKind::Cur || line.kind == ImportKind::Focus) &&
        !endsWith(out, ".json")) {
      error = "import " + arguments[1] + " --out takes SCENARIO.json, got \"" + out + "\"";
      return std::nullopt;
    }
    if (usage && !endsWith(out, ".json") && !(endsWith(out, ".csv") && !scenarioOption)) {
      error = "--out takes SCENARIO.json (a scenario) or HOURLY.csv (the hourly CSV), got \"" +
              out + "\"";
      return std::nullopt;
    }
    if (line.kind == ImportKind::PriceList && (!endsWith(out, ".json") || scenarioOption)) {
      error = "import pricelist --out takes RATECARD.json, got \"" + out + "\"";
      return std::nullopt;
    }
  }
  return line;
}

std::optional<ReconcileLine> parseReconcileLine(const std::vector<std::string> &arguments,
                                                std::string &error) {
  ReconcileLine line;
  std::vector<std::string> positional;
  OptionReader in(arguments);
  while (in.next()) {
    if (in.is("--json")) {
      line.json = true;
    } else if (in.is("--month")) {
      if (const auto month = in.value()) {
        line.month = *month;
        if (!isYearMonth(line.month))
          in.fail("--month takes YYYY-MM, got \"" + line.month + "\"");
      }
    } else if (in.is("--group-by")) {
      std::string why;
      if ((line.groupBy = in.value()) && !core::parseBillGrouping(*line.groupBy, why))
        in.fail("--group-by: " + why);
    } else if (in.isOption()) {
      in.unknownOption("reconcile");
    } else {
      positional.push_back(in.word());
    }
  }
  if (in.failed()) {
    error = in.error();
    return std::nullopt;
  }
  if (positional.size() != 2) {
    error = "reconcile takes a SCENARIO and a BILL (CUR or FOCUS CSV)";
    return std::nullopt;
  }
  line.scenarioPath = positional[0];
  line.billPath = positional[1];
  return line;
}

std::optional<core::RateCard> rateCardFor(const ImportLine &line, std::ostream &err) {
  if (!line.ratecardPath)
    return core::builtinRateCard();
  core::ValidationIssues issues;
  auto card = core::loadRateCardFile(*line.ratecardPath, issues);
  if (!card)
    err << core::formatIssues(*line.ratecardPath, issues);
  return card;
}

int reportFailure(const core::ImportFailure &failure, std::ostream &err) {
  err << "bedrock-whatif: " << failure.message << "\n";
  return kInvalidInput;
}

int writeOut(const std::string &path, const std::string &contents, const char *what,
             std::ostream &out, std::ostream &err, bool json) {
  const core::WriteResult written = core::writeFileAtomically(path, contents);
  if (!written.ok) {
    err << "bedrock-whatif: " << written.message << "\n";
    return kInvalidInput;
  }
  if (!json)
    out << "Wrote " << what << " " << path << "\n";
  return kSuccess;
}

int saveImportedScenario(const ImportLine &line, core::Scenario scenario,
                         const core::RateCard &card, const std::vector<std::string> &warnings,
                         std::ostream &out, std::ostream &err) {
  const std::string &path = *line.outPath;
  // --map OLD=NEW: applied before the scenario is written (docs/cost-model.md §21).
  std::vector<std::string> problems;
  if (!applyModelMaps(scenario, card, ActiveModelMaps::current(), problems)) {
    for (const std::string &problem : problems)
      err << "bedrock-whatif: " << path << ": not written: " << problem << "\n";
    return kInvalidInput;
  }
  if (line.ratecardPath) {
    scenario.ratecard.kind = core::RateCardSource::Kind::Path;
    scenario.ratecard.path = std::filesystem::absolute(*line.ratecardPath).string();
  }
  for (const std::string &warning : warnings)
    err << "Warning: " << warning << "\n";
  if (scenario.workloads.empty()) {
    err << "bedrock-whatif: " << path << ": not written: no requests or tokens to build a "
        << "scenario from\n";
    return kInvalidInput;
  }
  const core::WriteResult written =
      core::writeFileAtomically(path, core::prettyJson(core::scenarioToJson(scenario)));
  if (!written.ok) {
    err << "bedrock-whatif: " << written.message << "\n";
    return kInvalidInput;
  }
  if (!line.json) {
    out << "Wrote the scenario " << path << " (" << scenario.workloads.size()
        << (scenario.workloads.size() == 1 ? " workload" : " workloads");
    if (!scenario.unpricedModels.empty()) {
      out << "; without a price, left out of its totals:";
      for (const std::string &id : scenario.unpricedModels)
        out << " " << id;
    }
    out << ")\n";
  }
  return kSuccess;
}

int writeUsageOut(const ImportLine &line, const core::UsageImport &imported,
                  const core::RateCard &card, std::ostream &out, std::ostream &err) {
  const std::string &path = *line.outPath;
  if (path.ends_with(".csv"))
    return writeOut(path, core::hourlyCsv(imported.groups), "the hourly CSV", out, err, line.json);
  std::vector<std::string> warnings;
  core::Scenario scenario = core::scenarioFromUsage(
      imported.groups, card,
      "Imported from " + std::filesystem::path(line.files[0]).filename().string(), warnings);
  return saveImportedScenario(line, std::move(scenario), card, warnings, out, err);
}

int writeBillScenario(const ImportLine &line, const core::BillImport &bill,
                      const core::RateCard &card, std::ostream &out, std::ostream &err) {
  std::vector<std::string> warnings;
  core::Scenario scenario = core::scenarioFromBill(
      bill, card, line.month.value_or(""),
      "From the bill " + std::filesystem::path(line.files[0]).filename().string(), warnings);
  return saveImportedScenario(line, std::move(scenario), card, warnings, out, err);
}

int runImport(const ImportLine &line, std::ostream &out, std::ostream &err) {
  const auto card = rateCardFor(line, err);
  if (!card)
    return kInvalidInput;
  core::ImportRequest request;
  request.kind = line.kind;
  request.paths = line.files;
  request.groupBy = line.groupBy;
  request.queriesPath = line.queriesPath;
  request.floorPercentile = line.floorPercentile;
  request.threads = line.threads;
  request.region = line.region;
  const core::ImportOutcome outcome = core::runImport(request, *card);
  if (outcome.failure)
    return reportFailure(*outcome.failure, err);
  switch (line.kind) {
  case ImportKind::Cur:
  case ImportKind::Focus:
    out << (line.json ? core::importJsonText(core::billImportToJson(line.kind, outcome.bill))
                      : core::billImportText(outcome.bill));
    return line.outPath ? writeBillScenario(line, outcome.bill, *card, out, err) : kSuccess;
  case ImportKind::PriceList:
    out << (line.json ? core::importJsonText(core::priceListImportToJson(outcome.priceList))
                      : core::priceListImportText(outcome.priceList));
    if (!line.outPath)
      return kSuccess;
    return writeOut(*line.outPath,
                    core::prettyJson(core::rateCardToJson(outcome.priceList.card)) + "\n",
                    "the rate card", out, err, line.json);
  default:
    break;
  }
  if (line.json) {
    core::Json json = core::usageImportToJson(line.kind, outcome.usage.tally, outcome.usage.groups);
    if (line.kind == ImportKind::CloudWatch) {
      json["sizing"] = core::Json::array();
      for (const core::MeasuredSizing &sizing : outcome.sizing)
        json["sizing"].push_back(core::measuredSizingToJson(sizing));
    }
    out << core::importJsonText(json);
  } else {
    out << core::usageImportText(outcome.usage, outcome.sizing);
  }
  return line.outPath ? writeUsageOut(line, outcome.usage, *card, out, err) : kSuccess;
}

// --map changes only a scenario the import writes.
bool mapsHaveAScenario(const ImportLine &line, std::ostream &err) {
  if (ActiveModelMaps::current().empty())
    return true;
  const bool scenario =
      line.outPath && line.outPath->ends_with(".json") && line.kind != ImportKind::PriceList;
  if (!scenario)
    usageError(err, "--map applies to the scenario import writes: give --out SCENARIO.json",
               "import");
  return scenario;
}

int runReconcile(const ReconcileLine &line, std::ostream &out, std::ostream &err) {
  const core::ScenarioLoadResult load = core::loadScenarioFile(line.scenarioPath);
  if (!load.loaded) {
    err << load.report();
    return kInvalidInput;
  }
  std::string error;
  const auto files = core::expandInputFiles({line.billPath}, error);
  if (!files) {
    err << "bedrock-whatif: " << error << "\n";
    return kInvalidInput;
  }
  std::optional<ImportKind> kind;
  for (const core::InputFile &file : *files)
    if ((kind = core::billKindOf(file)))
      break;
  if (!kind) {
    err << "bedrock-whatif: " << line.billPath
        << ": not a bill: expected a CUR 2.0 or FOCUS 1.x CSV export\n";
    return kInvalidInput;
  }
  core::BillReadOptions options;
  options.groupBy = line.groupBy;
  const core::BillImport bill =
      core::importBill(*kind, *files, load.loaded->card, nullptr, options);
  if (bill.failure)
    return reportFailure(*bill.failure, err);
  const core::PreparedScenario prepared =
      core::prepareScenario(load.loaded->scenario, load.loaded->card);
  const core::Evaluation evaluation = core::evaluate(prepared, 0);
  const auto result = core::reconcile(load.loaded->scenario, evaluation, bill, line.month);
  if (!result) {
    err << "bedrock-whatif: " << line.billPath << ": no Bedrock charges"
        << (line.month.empty() ? "" : " in " + line.month) << "\n";
    return kInvalidInput;
  }
  if (line.json) {
    core::Json json = core::reconciliationToJson(*result, load.loaded->scenario.name);
    json["bill"] = line.billPath;
    out << core::importJsonText(json);
    return kSuccess;
  }
  out << core::reconciliationText(*result, load.loaded->scenario.name, line.billPath, bill.tally);
  return kSuccess;
}

} // namespace

int runImportCommand(const Arguments &arguments, std::ostream &out, std::ostream &err) {
  std::string error;
  const auto line = parseImportLine(arguments, error);
  if (!line)
    return usageError(err, error, "import");
  if (!mapsHaveAScenario(*line, err))
    return kUsageError;
  return runImport(*line, out, err);
}

int runReconcileCommand(const Arguments &arguments, std::ostream &out, std::ostream &err) {
  std::string error;
  const auto line = parseReconcileLine(arguments, error);
  if (!line)
    return usageError(err, error, "reconcile");
  return runReconcile(*line, out, err);
}

} // namespace bwi::app
