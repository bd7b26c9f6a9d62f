#include "core/files/ratecardjson.h"
#include "core/files/scenariofile.h"
#include "core/files/scenariovalidation.h"
#include "core/import/billimport.h"
#include "core/import/cloudwatch.h"
#include "core/import/hourlycsv.h"
#include "core/import/importscenario.h"
#include "core/import/invocationlogs.h"
#include "core/import/modelidentity.h"
#include "core/import/pricelist.h"
#include "core/import/usagetype.h"
#include "core/import/utf8text.h"
#include "tests/core/import/importtestsupport.h"
#include "tests/core/testsupport.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace bwi;
using bwi::test::importDataPath;
using bwi::test::inputs;
using bwi::test::near;

TEST_CASE("The usage-type grammar gives kind, tier and routing", "[core][import][usagetype]") {
  const auto parts = [](const char *text) { return core::parseUsageType(text); };
  CHECK(parts("USE1-NovaPro-input-tokens").modelName == "NovaPro");
  CHECK(parts("USE1-NovaPro-input-tokens").usage == "input");
  CHECK(parts("USE1-NovaPro-output-tokens-flex").tier == "flex");
  CHECK(parts("USE1-NovaPro-input-tokens-latency-optimized").tier == "latency-optimized");
  CHECK(parts("USE1-NovaPro-cache-read-input-token-count").usage == "cache_read");
  CHECK(parts("USE1-Llama3-1-405B-output-tokens-batch").tier == "batch");
  const auto global = parts("USE1-Claude4Sonnet-output-tokens-long-context-cross-region-global");
  CHECK(global.global);
  CHECK(global.longContext);
  const auto mantle = parts("USE1-openai.gpt-oss-120b-mantle-input-tokens-standard");
  CHECK(mantle.modelName == "openai.gpt-oss-120b");
  CHECK(mantle.usage == "input");
  const auto write = parts("USE1-MP:USE1_CacheWrite1hInputTokenCount_Global-Units");
  CHECK(write.marketplace);
  CHECK(write.usage == "cache_write");
  CHECK(write.cacheWrite1h);
  CHECK(write.global);
  CHECK(parts("USE1-MP:USE1_input_tokens_global_standard-Units").usage == "input");
  CHECK(parts("USE1-MP:USE1_MillionBatchInputTokens-Units").tier == "batch");
  CHECK(parts("USE1-MP:USE1_Reserved_1Month_InputTPM_Geo-Units").usage == "reserved");
  CHECK(parts("USE1-NovaMicro-Model-Customization-input-tokens").usage == "other");
}
