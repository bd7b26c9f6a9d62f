#pragma once

#include "tests/fuzz/fuzzcheck.h"

#include "core/cost/evaluation.h"
#include "core/cost/preparedscenario.h"
#include "core/files/scenariovalidation.h"
#include "core/import/inputfiles.h"
#include "core/import/usagegroups.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

// What the importers' targets share. The importers read files, not buffers
// (they stream, gunzip and split files into blocks), so each input is
// written to a scratch file and handed over as the command line would.
namespace bwi::fuzz {

class ScratchFolder {
public:
  ScratchFolder() {
    const char *tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/bwi-fuzz-XXXXXX";
    if (!::mkdtemp(pattern.data()))
      fail(__FILE__, __LINE__, "no scratch folder");
    m_path = pattern;
  }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
  }
  ScratchFolder(const ScratchFolder &) = delete;
  ScratchFolder &operator=(const ScratchFolder &) = delete;

  // The bytes as a file named `name`, as expandInputFiles describes it.
  core::InputFile write(const std::string &name, std::string_view bytes) const {
    const std::filesystem::path path = m_path / name;
    {
      std::ofstream out(path, std::ios::binary | std::ios::trunc);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      if (!out)
        fail(__FILE__, __LINE__, "cannot write the scratch file");
    }
    std::string error;
    auto files = core::expandInputFiles({path.string()}, error);
    if (!files || files->size() != 1)
      fail(__FILE__, __LINE__, "the scratch file does not read back");
    return files->front();
  }

private:
  std::filesystem::path m_path;
};

// One folder per process, removed at exit.
inline const ScratchFolder &scratch() {
  static const ScratchFolder folder;
  return folder;
}

// The same traffic, whichever way it was read (block size, threads).
inline bool sameGroups(const std::vector<core::UsageGroup> &a,
                       const std::vector<core::UsageGroup> &b) {
  if (a.size() != b.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const core::UsageGroup &x = a[i], &y = b[i];
    if (x.key != y.key || x.model != y.model || x.tier != y.tier || !(x.totals == y.totals) ||
        x.hourly != y.hourly || x.firstSeconds != y.firstSeconds || x.lastSeconds != y.lastSeconds)
      return false;
  }
  return true;
}

// A scenario an import made either fails validation with messages (say, a
// volume beyond docs/limits.md) or prices month 0 to finite figures.
inline void checkImportedScenario(const core::Scenario &scenario, const core::RateCard &card) {
  core::ValidationIssues issues;
  core::validateScenario(scenario, card, issues);
  for (const core::ValidationIssue &issue : issues)
    BWI_FUZZ_CHECK(!issue.message.empty());
  if (!issues.empty())
    return;
  const core::Evaluation month0 = core::evaluate(core::prepareScenario(scenario, card), 0);
  BWI_FUZZ_CHECK(core::allFinite(month0));
  BWI_FUZZ_CHECK(month0.netUsd >= 0 && month0.netUsd <= month0.grossUsd);
}

// Every skipped line says where and why; a failure says what.
inline void checkTally(const core::ImportTally &tally,
                       const std::optional<core::ImportFailure> &failure) {
  if (failure)
    BWI_FUZZ_CHECK(!failure->message.empty());
  BWI_FUZZ_CHECK(tally.skipped.first.size() <= core::kMaxSkippedListed);
  BWI_FUZZ_CHECK(tally.skipped.first.size() <= tally.skipped.count);
  for (const core::SkippedLine &skipped : tally.skipped.first)
    BWI_FUZZ_CHECK(!skipped.reason.empty() && !skipped.file.empty());
}

} // namespace bwi::fuzz
