#include "app/ratecardcommand.h"

#include "app/commandline.h"
#include "core/common/jsonwriter.h"
#include "core/files/ratecardjson.h"
#include "core/files/savedcards.h"
#include "core/files/scenariofile.h"
#include "core/import/importjson.h"
#include "core/import/importtext.h"
#include "core/import/usagetype.h"
#include "ui/document/savedratecards.h"
#include "ui/network/pricelistdownload.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

namespace bwi::app {
namespace {

struct UpdateLine {
  std::string region = "us-east-1";
  std::string source;
  std::string out;
  bool json = false;
  int timeoutSeconds = 30;
};

std::optional<UpdateLine> parseUpdateLine(const std::vector<std::string> &arguments,
                                          std::string &error) {
  if (arguments.size() < 2 || arguments[1] != "update") {
    error = "ratecard takes the sub-command update";
    return std::nullopt;
  }
  UpdateLine line;
  for (std::size_t i = 2; i < arguments.size(); ++i) {
    const std::string &word = arguments[i];
    const auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= arguments.size()) {
        error = word + " needs a value";
        return std::nullopt;
      }
      return arguments[++i];
    };
    std::optional<std::string> text;
    if (word == "--json") {
      line.json = true;
    } else if (word == "--region") {
      if (!(text = value()))
        return std::nullopt;
      if (!core::looksLikeRegionCode(*text)) {
        error = "--region takes a region code such as eu-central-1, got \"" + *text + "\"";
        return std::nullopt;
      }
      line.region = *text;
    } else if (word == "--source") {
      if (!(text = value()))
        return std::nullopt;
      line.source = *text;
    } else if (word == "--out") {
      if (!(text = value()))
        return std::nullopt;
      if (!text->ends_with(".json")) {
        error = "--out takes RATECARD.json, got \"" + *text + "\"";
        return std::nullopt;
      }
      line.out = *text;
    } else if (word == "--timeout") {
      if (!(text = value()))
        return std::nullopt;
      const auto seconds = parseWholeNumber(*text);
      if (!seconds || *seconds < 1 || *seconds > 3600) {
        error = "--timeout takes whole seconds from 1 to 3600, got \"" + *text + "\"";
        return std::nullopt;
      }
      line.timeoutSeconds = *seconds;
    } else {
      error = "unknown " + std::string(word.starts_with("--") ? "option " : "argument ") + word +
              " for ratecard update";
      return std::nullopt;
    }
  }
  return line;
}

int update(const UpdateLine &line) {
  ui::PriceListDownload download;
  ui::PriceListDownload::Options options;
  options.source = QString::fromStdString(line.source);
  options.region = QString::fromStdString(line.region);
  options.timeoutMs = line.timeoutSeconds * 1000;
  QEventLoop loop;
  QObject::connect(&download, &ui::PriceListDownload::finished, &loop, &QEventLoop::quit);
  int lastStep = 0;
  QObject::connect(&download, &ui::PriceListDownload::progress, &loop,
                   [&](const QString &what, qint64, qint64, int step, int steps) {
                     if (step == lastStep || line.json)
                       return;
                     lastStep = step;
                     std::cerr << "[" << step << "/" << steps << "] " << what.toStdString() << "\n";
                   });
  download.start(options);
  if (download.isRunning())
    loop.exec();
  if (!download.errorMessage().isEmpty() || download.documents().empty()) {
    std::cerr << "bedrock-whatif: " << download.errorMessage().toStdString()
              << "\nNothing was written; the current rate card is unchanged.\n";
    return kInvalidInput;
  }
  // Compared with, and built on, the newest card saved for the region; the
  // built-in card where there is none.
  const std::optional<core::RateCard> saved = ui::newestSavedRateCard(options.region);
  const core::RateCard reference = saved ? *saved : core::builtinRateCard();
  const core::PriceListImport imported =
      core::readPriceList(download.documents(), reference, {line.region});
  if (imported.failure) {
    std::cerr << "bedrock-whatif: " << imported.failure->message
              << "\nNothing was written; the current rate card is unchanged.\n";
    return kInvalidInput;
  }
  const QString folder = ui::savedRateCardsFolder();
  const std::string out =
      !line.out.empty()
          ? line.out
          : QDir(folder)
                .filePath(QString::fromStdString(core::savedCardFileName(imported.card)))
                .toStdString();
  if (line.out.empty() && !QDir().mkpath(folder)) {
    std::cerr << "bedrock-whatif: " << folder.toStdString() << ": cannot create the folder\n";
    return kInvalidInput;
  }
  const std::string compared =
      saved ? "the saved " + line.region + " card as of " + saved->asOf
            : "the built-in card (" + reference.region + ", as of " + reference.asOf + ")";
  const core::WriteResult written =
      core::writeFileAtomically(out, core::prettyJson(core::rateCardToJson(imported.card)) + "\n");
  if (!written.ok) {
    std::cerr << "bedrock-whatif: " << out << ": " << written.message << "\n";
    return kInvalidInput;
  }
  if (line.json) {
    core::Json json = core::priceListImportToJson(imported);
    json["compared_with"] = compared;
    json["written"] = out;
    for (const QString &note : download.notes())
      json["warnings"].push_back(note.toStdString());
    std::cout << core::importJsonText(json);
  } else {
    std::cout << "Compared with " << compared << ".\n" << core::priceListImportText(imported);
    for (const QString &note : download.notes())
      std::cout << "Note: " << note.toStdString() << "\n";
    std::cout << "Wrote the rate card " << out << "\n";
  }
  return kSuccess;
}

} // namespace

std::string ratecardUsageText() {
  return R"(Usage:
  bedrock-whatif ratecard update [--region R] [--source URL|DIR] [--out FILE.json] [--json]
                                 [--timeout SECONDS]
      Download region R's Bedrock prices (default us-east-1) from the AWS Price
      List (no credentials), print how they differ from the current card and
      save the new card (default: the data folder's ratecards/R-DATE.json,
      which new scenarios then use). --source: another server or a folder laid
      out like it (offers/v1.0/aws/index.json).
)";
}

int runRatecardCommand(int argc, char **argv, const std::vector<std::string> &arguments) {
  std::string error;
  const auto line = parseUpdateLine(arguments, error);
  if (!line) {
    std::cerr << "bedrock-whatif: " << error << "\n\n" << ratecardUsageText();
    return kUsageError;
  }
  std::unique_ptr<QCoreApplication> application;
  if (!QCoreApplication::instance())
    application = std::make_unique<QCoreApplication>(argc, argv);
  // The same data folder as the window's.
  QCoreApplication::setOrganizationName(QStringLiteral("BedrockWhatIf"));
  QCoreApplication::setApplicationName(QStringLiteral("bedrock-whatif"));
  return update(*line);
}

} // namespace bwi::app
