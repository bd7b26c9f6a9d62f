#include "app/importcommand.h"

#include "app/commandline.h"
#include "core/common/jsonwriter.h"
#include "core/cost/evaluation.h"
#include "core/files/ratecardjson.h"
#include "core/files/scenariofile.h"
#include "core/import/billimport.h"
#include "core/import/hourlycsv.h"
#include "core/import/importjson.h"
#include "core/import/importrequest.h"
#include "core/import/importscenario.h"
#include "core/import/importtext.h"
#include "core/import/inputfiles.h"
#include "core/import/isotime.h"
#include "core/import/reconcile.h"

#include <charconv>
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
  for (std::size_t i = 2; i < arguments.size(); ++i) {
    const std::string &word = arguments[i];
    const auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= arguments.size()) {
        error = word + " needs a value";
        return std::nullopt;
      }
      return arguments[++i];
    };
    if (word == "--json") {
      line.json = true;
    } else if (word == "--group-by") {
      if (!(line.groupBy = value()))
        return std::nullopt;
      if (line.groupBy->empty() || line.groupBy->front() == '.' || line.groupBy->back() == '.' ||
          line.groupBy->find("..") != std::string::npos) {
        error = "--group-by takes a dotted path such as requestMetadata.team, got \"" +
                *line.groupBy + "\"";
        return std::nullopt;
      }
    } else if (word == "--queries") {
      if (!(line.queriesPath = value()))
        return std::nullopt;
    } else if (word == "--out" || word == "--scenario") {
      scenarioOption = word == "--scenario";
      if (!(line.outPath = value()))
        return std::nullopt;
    } else if (word == "--month") {
      if (!(line.month = value()))
        return std::nullopt;
      if (!isYearMonth(*line.month)) {
        error = "--month takes YYYY-MM, got \"" + *line.month + "\"";
        return std::nullopt;
      }
    } else if (word == "--ratecard") {
      if (!(line.ratecardPath = value()))
        return std::nullopt;
    } else if (word == "--region") {
      const auto region = value();
      if (!region)
        return std::nullopt;
      line.region = *region;
    } else if (word == "--floor-percentile") {
      const auto text = value();
      if (!text)
        return std::nullopt;
      double percent = -1;
      const auto [end, code] = std::from_chars(text->data(), text->data() + text->size(), percent);
      if (code != std::errc{} || end != text->data() + text->size() || !(percent >= 0) ||
          percent > 100) {
        error = "--floor-percentile must be a number from 0 to 100, got \"" + *text + "\"";
        return std::nullopt;
      }
      line.floorPercentile = percent / 100.0;
    } else if (word == "--threads") {
      const auto text = value();
      if (!text)
        return std::nullopt;
      const auto threads = parseWholeNumber(*text);
      if (!threads || *threads < 1 || *threads > 256) {
        error = "--threads must be a whole number from 1 to 256, got \"" + *text + "\"";
        return std::nullopt;
      }
      line.threads = static_cast<unsigned>(*threads);
    } else if (word.starts_with("--")) {
      error = "unknown option " + word + " for import";
      return std::nullopt;
    } else {
      line.files.push_back(word);
    }
  }
  if (line.files.empty()) {
    error = "import " + arguments[1] + " needs at least one FILE or folder";
    return std::nullopt;
  }
  if (line.groupBy && line.kind != ImportKind::InvocationLogs) {
    error = "--group-by applies to invocation-logs only";
    return std::nullopt;
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
  for (std::size_t i = 1; i < arguments.size(); ++i) {
    const std::string &word = arguments[i];
    if (word == "--json") {
      line.json = true;
    } else if (word == "--month") {
      if (i + 1 >= arguments.size()) {
        error = "--month needs a value";
        return std::nullopt;
      }
      line.month = arguments[++i];
      if (!isYearMonth(line.month)) {
        error = "--month takes YYYY-MM, got \"" + line.month + "\"";
        return std::nullopt;
      }
    } else if (word.starts_with("--")) {
      error = "unknown option " + word + " for reconcile";
      return std::nullopt;
    } else {
      positional.push_back(word);
    }
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
    err << "bedrock-whatif: " << path << ": " << written.message << "\n";
    return kInvalidInput;
  }
  if (!json)
    out << "Wrote " << what << " " << path << "\n";
  return kSuccess;
}

int saveImportedScenario(const ImportLine &line, core::Scenario scenario,
                         const std::vector<std::string> &warnings, std::ostream &out,
                         std::ostream &err) {
  const std::string &path = *line.outPath;
  if (line.ratecardPath) {
    scenario.ratecard.kind = core::RateCardSource::Kind::Path;
    scenario.ratecard.path = std::filesystem::absolute(*line.ratecardPath).string();
  }
  for (const std::string &warning : warnings)
    err << "Warning: " << warning << "\n";
  if (scenario.workloads.empty()) {
    err << "bedrock-whatif: " << path << ": not written: nothing on models of the rate card to "
        << "build a scenario from\n";
    return kInvalidInput;
  }
  const core::WriteResult written = core::saveScenarioFile(scenario, path);
  if (!written.ok) {
    err << "bedrock-whatif: " << path << ": " << written.message << "\n";
    return kInvalidInput;
  }
  if (!line.json)
    out << "Wrote the scenario " << path << " (" << scenario.workloads.size()
        << (scenario.workloads.size() == 1 ? " workload)\n" : " workloads)\n");
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
  return saveImportedScenario(line, std::move(scenario), warnings, out, err);
}

int writeBillScenario(const ImportLine &line, const core::BillImport &bill,
                      const core::RateCard &card, std::ostream &out, std::ostream &err) {
  std::vector<std::string> warnings;
  core::Scenario scenario = core::scenarioFromBill(
      bill, card, line.month.value_or(""),
      "From the bill " + std::filesystem::path(line.files[0]).filename().string(), warnings);
  return saveImportedScenario(line, std::move(scenario), warnings, out, err);
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
  const core::BillImport bill = core::importBill(*kind, *files, load.loaded->card);
  if (bill.failure)
    return reportFailure(*bill.failure, err);
  const core::PreparedScenario prepared =
      core::prepareScenario(load.loaded->scenario, load.loaded->card);
  const core::Evaluation evaluation = core::evaluate(prepared, 0);
  const auto result = core::reconcile(evaluation, bill, line.month);
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

bool isImportCommand(const std::vector<std::string> &arguments) {
  return !arguments.empty() && (arguments[0] == "import" || arguments[0] == "reconcile");
}

std::string importUsageText() {
  return R"(Usage:
  bedrock-whatif import KIND FILE... [--json] [--group-by PATH] [--queries FILE]
                        [--out SCENARIO.json|HOURLY.csv|RATECARD.json] [--ratecard CARD.json]
                        [--floor-percentile P] [--month YYYY-MM] [--region R]
      Read measured reality. KIND: invocation-logs (JSON lines, .gz, folders),
      cloudwatch (get-metric-data JSON or console CSV), cur, focus (CSV, .gz;
      --month YYYY-MM picks the month a scenario is built from), pricelist
      (AWS Price List bulk offer files or GetProducts output, for any region:
      --region R) or hourly-csv. --out writes a scenario built
      from the traffic or the bill, the hourly CSV, or the new rate card.
  bedrock-whatif reconcile SCENARIO BILL [--month YYYY-MM] [--json]
      The scenario's month 0 beside a CUR or FOCUS bill, by model, with the variance.
)";
}

int runImportCommand(const std::vector<std::string> &arguments, std::ostream &out,
                     std::ostream &err) {
  std::string error;
  if (arguments[0] == "reconcile") {
    const auto line = parseReconcileLine(arguments, error);
    if (!line) {
      err << "bedrock-whatif: " << error << "\n\n" << importUsageText();
      return kUsageError;
    }
    return runReconcile(*line, out, err);
  }
  const auto line = parseImportLine(arguments, error);
  if (!line) {
    err << "bedrock-whatif: " << error << "\n\n" << importUsageText();
    return kUsageError;
  }
  return runImport(*line, out, err);
}

} // namespace bwi::app
