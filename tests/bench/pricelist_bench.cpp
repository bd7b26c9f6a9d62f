// Reading one region's three Bedrock offer files (about 10 MB, generated in
// the real grammar by tests/core/import/pricelistfixtures) into a rate card, and the
// diff against the built-in card: the budget is 300 ms (docs/benchmarks.md).
// Run: build/release/tests/bench/bwi_pricelist_bench [--runs N] [--write DIR]
#include "core/files/scenariofile.h"
#include "core/import/pricelist.h"
#include "core/model/ratecarddiff.h"
#include "tests/core/import/pricelistfixtures.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

using namespace bwi;
using test::OfferRow;

namespace {

std::string usd(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.10f", value);
  return text;
}

std::vector<OfferRow> bedrockRows(int models) {
  std::vector<OfferRow> rows;
  for (int m = 0; m < models; ++m) {
    const std::string part = "Model" + std::to_string(m) + "Text";
    const std::string name = "Bench Model " + std::to_string(m) + " Text";
    const double input = 0.0001 * (1 + m % 40);
    for (const auto &[suffix, factor] :
         std::vector<std::pair<std::string, double>>{{"-input-tokens", 1},
                                                     {"-output-tokens", 4},
                                                     {"-input-tokens-batch", 0.5},
                                                     {"-output-tokens-batch", 2},
                                                     {"-cache-read-input-token-count", 0.25},
                                                     {"-input-tokens-priority", 1.75},
                                                     {"-output-tokens-priority", 7},
                                                     {"-input-tokens-flex", 0.5},
                                                     {"-output-tokens-flex", 2},
                                                     {"-input-tokens-latency-optimized", 1.25},
                                                     {"-Model-Customization-input-tokens", 1},
                                                     {"-input-tokens-cross-region-global", 0.9},
                                                     {"-output-tokens-cross-region-global", 3.6}}) {
      OfferRow row;
      row.usageType = "EUC1-" + part + suffix;
      row.usd = usd(input * factor);
      row.model = name;
      row.regionCode = "eu-central-1";
      row.inferenceType =
          suffix.find("output") != std::string::npos ? "Output tokens" : "Input tokens";
      row.feature = "On-demand Inference";
      rows.push_back(row);
    }
  }
  return rows;
}

std::vector<OfferRow> marketplaceRows(int models) {
  std::vector<OfferRow> rows;
  for (int m = 0; m < models; ++m) {
    const std::string name = "Claude Bench " + std::to_string(m) + " (Amazon Bedrock Edition)";
    const double input = 0.5 + m % 20;
    for (const auto &[type, factor, unit] :
         std::vector<std::tuple<std::string, double, std::string>>{
             {"InputTokenCount", 1, "1M tokens"},
             {"OutputTokenCount", 5, "1M tokens"},
             {"InputTokenCount_Global", 0.9, "1M tokens"},
             {"OutputTokenCount_Global", 4.5, "1M tokens"},
             {"CacheReadInputTokenCount", 0.1, "1M tokens"},
             {"CacheWriteInputTokenCount", 1.25, "1M tokens"},
             {"CacheWrite1hInputTokenCount", 2, "1M tokens"},
             {"CacheReadInputTokenCount_Global", 0.09, "1M tokens"},
             {"CacheWriteInputTokenCount_Global", 1.125, "1M tokens"},
             {"CacheWrite1hInputTokenCount_Global", 1.8, "1M tokens"},
             {"input_tokens_long_ctx_standard", 2, "1M tokens"},
             {"output_tokens_long_ctx_standard", 7.5, "1M tokens"},
             {"Reserved_1Month_InputTPM_Geo", 0.06, "hour"},
             {"Reserved_1Month_OutputTPM_Geo", 0.3, "hour"},
             {"Reserved_3Month_InputTPM_Geo", 0.054, "hour"},
             {"Reserved_3Month_OutputTPM_Geo", 0.27, "hour"}}) {
      OfferRow row;
      row.usageType = "EUC1-MP:EUC1_" + type + "-Units";
      row.usd = usd(input * factor);
      row.unit = unit;
      row.servicename = name;
      row.regionCode = "eu-central-1";
      row.description = "AWS Marketplace software usage|eu-central-1|" + type;
      rows.push_back(row);
    }
  }
  return rows;
}

} // namespace

int main(int argc, char **argv) {
  int runs = 15;
  const char *writeTo = nullptr;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0)
      runs = std::max(1, std::atoi(argv[++i]));
    else if (std::strcmp(argv[i], "--write") == 0)
      writeTo = argv[++i];
  }
  std::vector<core::PriceListDocument> documents{
      {"AmazonBedrock.json",
       test::bulkOffer("AmazonBedrock", "2026-11-24T08:00:00Z", bedrockRows(330)), "", false},
      {"AmazonBedrockFoundationModels.json",
       test::bulkOffer("AmazonBedrockFoundationModels", "2026-11-24T08:00:00Z",
                       marketplaceRows(240)),
       "", false},
      {"AmazonBedrockService.json",
       test::bulkOffer("AmazonBedrockService", "2026-11-24T08:00:00Z", {}), "", false}};
  std::size_t bytes = 0;
  for (const auto &document : documents) {
    bytes += document.bytes.size();
    if (writeTo)
      std::ofstream(std::string(writeTo) + "/" + document.name) << document.bytes;
  }
  const core::RateCard builtin = core::builtinRateCard();
  std::vector<double> times, cpu;
  std::size_t models = 0, changes = 0;
  for (int run = 0; run < runs; ++run) {
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpuStart = std::clock();
    const core::PriceListImport imported =
        core::readPriceList(documents, builtin, {"eu-central-1"});
    const auto diff = core::diffRateCards(builtin, imported.card);
    const auto end = std::chrono::steady_clock::now();
    cpu.push_back(1000.0 * static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC);
    if (imported.failure) {
      std::fprintf(stderr, "failed: %s\n", imported.failure->message.c_str());
      return 1;
    }
    models = imported.card.models.size();
    changes = diff.size();
    times.push_back(std::chrono::duration<double, std::milli>(end - start).count());
  }
  std::sort(times.begin(), times.end());
  std::sort(cpu.begin(), cpu.end());
  std::printf("three offer files, %.1f MB, %zu products -> %zu models, %zu changes\n",
              static_cast<double>(bytes) / 1e6,
              bedrockRows(330).size() + marketplaceRows(240).size(), models, changes);
  std::printf("read + build + diff: median %.1f ms, min %.1f ms, max %.1f ms (%d runs; budget "
              "300 ms)\n",
              times[times.size() / 2], times.front(), times.back(), runs);
  // On a shared machine the wall time includes waiting for a core; the
  // process's CPU time does not.
  std::printf("CPU time: median %.1f ms, min %.1f ms\n", cpu[cpu.size() / 2], cpu.front());
  return 0;
}
