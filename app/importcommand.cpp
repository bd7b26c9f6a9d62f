#include "importcommand.h"

#include "billimport.h"
#include "commandline.h"
#include "importjson.h"
#include "inputfiles.h"
#include "invocationlogs.h"
#include "scenariofile.h"

#include <optional>
#include <ostream>

namespace bwi::app {
namespace {

struct ImportLine {
  core::ImportKind kind = core::ImportKind::InvocationLogs;
  std::vector<std::string> files;
  bool json = false;
  std::optional<std::string> groupBy;
  std::optional<std::string> queriesPath;
  std::optional<std::string> outPath;
  std::optional<std::string> ratecardPath;
  unsigned threads = 0;
};

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
      if (!(line.outPath = value()))
        return std::nullopt;
    } else if (word == "--ratecard") {
      if (!(line.ratecardPath = value()))
        return std::nullopt;
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
  if (line.groupBy && line.kind != core::ImportKind::InvocationLogs) {
    error = "--group-by applies to invocation-logs only";
    return std::nullopt;
  }
  if (line.queriesPath && line.kind != core::ImportKind::CloudWatch) {
    error = "--queries applies to cloudwatch only";
    return std::nullopt;
  }
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

int runImport(const ImportLine &line, std::ostream &out, std::ostream &err) {
  std::string error;
  const auto files = core::expandInputFiles(line.files, error);
  if (!files) {
    err << "bedrock-whatif: " << error << "\n";
    return kInvalidInput;
  }
  const auto card = rateCardFor(line, err);
  if (!card)
    return kInvalidInput;
  if (line.kind == core::ImportKind::Cur || line.kind == core::ImportKind::Focus) {
    const core::BillImport bill = core::importBill(line.kind, *files, *card);
    if (bill.failure)
      return reportFailure(*bill.failure, err);
    out << core::billImportToJson(line.kind, bill).dump(2) << "\n";
    return kSuccess;
  }
  core::InvocationLogOptions options;
  options.groupBy = line.groupBy;
  options.threads = line.threads;
  const core::UsageImport imported = core::importInvocationLogs(*files, *card, options);
  if (imported.failure)
    return reportFailure(*imported.failure, err);
  out << core::usageImportToJson(line.kind, imported.tally, imported.groups).dump(2) << "\n";
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
      KIND: invocation-logs, cloudwatch, cur, focus, pricelist or hourly-csv.
  bedrock-whatif reconcile SCENARIO BILL [--month YYYY-MM] [--json]
)";
}

int runImportCommand(const std::vector<std::string> &arguments, std::ostream &out,
                     std::ostream &err) {
  std::string error;
  const auto line = parseImportLine(arguments, error);
  if (!line) {
    err << "bedrock-whatif: " << error << "\n\n" << importUsageText();
    return kUsageError;
  }
  return runImport(*line, out, err);
}

} // namespace bwi::app
