// Throughput of the importers on a generated file (tests/bench/generate_import_data.py):
//
//   bwi_import_bench invocation-logs FILE [--threads N] [--repeat R]
//   bwi_import_bench cur FILE [--repeat R]
//   bwi_import_bench invocation-logs|cur FILE --cancel-after MS
//
// The last form starts the import off this thread, requests cancel after MS
// milliseconds and prints how long the import took to stop (budget: 100 ms).
//
// Prints MB/s (wall clock), CPU seconds, peak RSS and the totals, and checks
// them against FILE.totals.json when the generator wrote one. Not run by ctest.
#include "core/files/scenariofile.h"
#include "core/import/billimport.h"
#include "core/import/importrequest.h"
#include "core/import/invocationlogs.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <thread>

namespace {

double cpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

long peakRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

int fail(const std::string &message) {
  std::fprintf(stderr, "bwi_import_bench: %s\n", message.c_str());
  return 1;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 3)
    return fail("usage: bwi_import_bench invocation-logs|cur FILE [--threads N] [--repeat R]");
  const std::string kind = argv[1];
  const std::string path = argv[2];
  unsigned threads = 0;
  int repeat = 3;
  int cancelAfterMs = -1;
  for (int i = 3; i + 1 < argc; i += 2) {
    const std::string option = argv[i];
    if (option == "--threads")
      threads = static_cast<unsigned>(std::atoi(argv[i + 1]));
    else if (option == "--repeat")
      repeat = std::max(1, std::atoi(argv[i + 1]));
    else if (option == "--cancel-after")
      cancelAfterMs = std::max(0, std::atoi(argv[i + 1]));
    else
      return fail("unknown option " + option);
  }
  std::string error;
  const auto files = bwi::core::expandInputFiles({path}, error);
  if (!files)
    return fail(error);
  const double megabytes = static_cast<double>(files->front().bytes) / 1e6;
  const bwi::core::RateCard card = bwi::core::builtinRateCard();
  if (cancelAfterMs >= 0) {
    bwi::core::ImportRequest request;
    request.kind =
        kind == "cur" ? bwi::core::ImportKind::Cur : bwi::core::ImportKind::InvocationLogs;
    request.paths = {path};
    request.threads = threads;
    bwi::core::ImportControl control;
    bwi::core::ImportOutcome outcome;
    std::chrono::steady_clock::time_point stopped;
    std::thread worker([&] {
      outcome = bwi::core::runImport(request, card, &control);
      stopped = std::chrono::steady_clock::now();
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(cancelAfterMs));
    const auto requested = std::chrono::steady_clock::now();
    const std::uint64_t done = control.bytesDone.load();
    control.cancelRequested = true;
    worker.join();
    const bool cancelled = outcome.failure && outcome.failure->cancelled;
    std::printf("%s after %d ms (%.0f of %.0f MB read): %s %.1f ms after the request\n",
                kind.c_str(), cancelAfterMs, static_cast<double>(done) / 1e6, megabytes,
                cancelled ? "cancelled" : "finished",
                std::chrono::duration<double, std::milli>(stopped - requested).count());
    return 0;
  }
  nlohmann::json expected;
  if (std::ifstream totals(path + ".totals.json"); totals)
    expected = nlohmann::json::parse(totals);
  double best = 1e300;
  for (int run = 0; run < repeat; ++run) {
    const double cpuBefore = cpuSeconds();
    const auto start = std::chrono::steady_clock::now();
    std::uint64_t lines = 0, requests = 0, input = 0;
    double cost = 0;
    if (kind == "invocation-logs") {
      bwi::core::InvocationLogOptions options;
      options.threads = threads;
      options.groupBy = "requestMetadata.team";
      const auto imported = bwi::core::importInvocationLogs(*files, card, options);
      if (imported.failure)
        return fail(imported.failure->message);
      lines = imported.tally.lines;
      for (const auto &group : imported.groups) {
        requests += group.totals.requests;
        input += group.totals.input;
      }
    } else if (kind == "cur") {
      const auto bill = bwi::core::importBill(bwi::core::ImportKind::Cur, *files, card);
      if (bill.failure)
        return fail(bill.failure->message);
      lines = bill.tally.lines;
      cost = bill.bedrockCostUsd;
    } else {
      return fail("unknown kind " + kind);
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cpu = cpuSeconds() - cpuBefore;
    best = std::min(best, seconds);
    std::printf("%s %s: %.1f MB in %.3f s wall (%.0f MB/s), %.3f s CPU (%.0f MB per CPU-second), "
                "%llu lines\n",
                kind.c_str(), std::filesystem::path(path).filename().c_str(), megabytes, seconds,
                megabytes / seconds, cpu, megabytes / cpu, static_cast<unsigned long long>(lines));
    if (!expected.is_null()) {
      bool same = expected["lines"].get<std::uint64_t>() == lines;
      if (kind == "invocation-logs") {
        std::uint64_t wantRequests = 0, wantInput = 0;
        for (const auto &[key, totals] : expected["groups"].items()) {
          wantRequests += totals[0].get<std::uint64_t>();
          wantInput += totals[1].get<std::uint64_t>();
        }
        same = same && wantRequests == requests && wantInput == input;
      } else {
        same = same && std::fabs(expected["bedrock_cost_usd"].get<double>() - cost) < 1e-3;
      }
      if (!same)
        return fail("totals differ from " + path + ".totals.json");
    }
  }
  std::printf("best %.0f MB/s; peak RSS %ld MB\n", megabytes / best, peakRssKb() / 1024);
  return 0;
}
