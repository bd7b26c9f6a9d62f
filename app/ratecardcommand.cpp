#include "app/ratecardcommand.h"

#include "app/optionreader.h"
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
#include <optional>
#include <ostream>

namespace bwi::app {
namespace {

// QCoreApplication keeps a reference to argc for its lifetime.
int g_argc = 1;
char g_name[] = "bedrock-whatif";
char *g_argv[] = {g_name, nullptr};

struct UpdateLine {
  std::string region = "us-east-1";
  std::string source;
  std::string out;
  bool json = false;
  int timeoutSeconds = 30;
};

std::optional<UpdateLine> parseUpdateLine(const Arguments &arguments, std::string &error) {
  if (arguments.size() < 2 || arguments[1] != "update") {
    error = "ratecard takes the sub-command update";
    return std::nullopt;
  }
  UpdateLine line;
  OptionReader in(arguments, 2);
  while (in.next()) {
    if (in.is("--json")) {
      line.json = true;
    } else if (in.is("--region")) {
      if (const auto region = in.value()) {
        if (core::looksLikeRegionCode(*region))
          line.region = *region;
        else
          in.fail("--region takes a region code such as eu-central-1, got \"" + *region + "\"");
      }
    } else if (in.is("--source")) {
      if (const auto source = in.value())
        line.source = *source;
    } else if (in.is("--out")) {
      if (const auto out = in.value()) {
        if (out->ends_with(".json"))
          line.out = *out;
        else
          in.fail("--out takes RATECARD.json, got \"" + *out + "\"");
      }
    } else if (in.is("--timeout")) {
      if (const auto seconds = in.wholeNumber(1, 3600))
        line.timeoutSeconds = *seconds;
    } else if (in.isOption()) {
      in.unknownOption("ratecard update");
    } else {
      in.fail("unknown argument " + in.word() + " for ratecard update");
    }
  }
  if (in.failed()) {
    error = in.error();
    return std::nullopt;
  }
  return line;
}

int update(const UpdateLine &line, std::ostream &out, std::ostream &err) {
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
                     err << "[" << step << "/" << steps << "] " << what.toStdString() << "\n";
                   });
  download.start(options);
  if (download.isRunning())
    loop.exec();
  if (!download.errorMessage().isEmpty() || download.documents().empty()) {
    err << "bedrock-whatif: " << download.errorMessage().toStdString()
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
    err << "bedrock-whatif: " << imported.failure->message
        << "\nNothing was written; the current rate card is unchanged.\n";
    return kInvalidInput;
  }
  const QString folder = ui::savedRateCardsFolder();
  const std::string target =
      !line.out.empty()
          ? line.out
          : QDir(folder)
                .filePath(QString::fromStdString(core::savedCardFileName(imported.card)))
                .toStdString();
  if (line.out.empty() && !QDir().mkpath(folder)) {
    err << "bedrock-whatif: " << folder.toStdString() << ": cannot create the folder\n";
    return kInvalidInput;
  }
  const std::string compared =
      saved ? "the saved " + line.region + " card as of " + saved->asOf
            : "the built-in card (" + reference.region + ", as of " + reference.asOf + ")";
  const core::WriteResult written = core::writeFileAtomically(
      target, core::prettyJson(core::rateCardToJson(imported.card)) + "\n");
  if (!written.ok) {
    err << "bedrock-whatif: " << target << ": " << written.message << "\n";
    return kInvalidInput;
  }
  if (line.json) {
    core::Json json = core::priceListImportToJson(imported);
    json["compared_with"] = compared;
    json["written"] = target;
    for (const QString &note : download.notes())
      json["warnings"].push_back(note.toStdString());
    out << core::importJsonText(json);
  } else {
    out << "Compared with " << compared << ".\n" << core::priceListImportText(imported);
    for (const QString &note : download.notes())
      out << "Note: " << note.toStdString() << "\n";
    out << "Wrote the rate card " << target << "\n";
  }
  return kSuccess;
}

} // namespace

int runRatecardCommand(const Arguments &arguments, std::ostream &out, std::ostream &err) {
  std::string error;
  const auto line = parseUpdateLine(arguments, error);
  if (!line)
    return usageError(err, error, "ratecard");
  // Qt Network needs an event loop, not a display.
  QCoreApplication application(g_argc, g_argv);
  // The same data folder as the window's.
  QCoreApplication::setOrganizationName(QStringLiteral("BedrockWhatIf"));
  QCoreApplication::setApplicationName(QStringLiteral("bedrock-whatif"));
  return update(*line, out, err);
}

} // namespace bwi::app
