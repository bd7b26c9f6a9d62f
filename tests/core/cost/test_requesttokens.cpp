#include "core/cost/requesttokens.h"
#include "tests/core/testsupport.h"

using namespace bwi;
using test::near;

TEST_CASE("Request tokens follow section 3 of the cost model", "[core][tokens]") {
  core::TokenShape shape;
  shape.system = 900;
  shape.user = 120;
  shape.retrievalChunks = 5;
  shape.tokensPerChunk = 350;
  shape.history = 400;
  shape.output = 300;
  CHECK_THAT(core::baseInputPerCall(shape), near(3170.0));

  SECTION("one call, no caching") {
    const auto tokens = core::requestTokens(shape, std::nullopt, true);
    CHECK_THAT(tokens.input, near(3170.0));
    CHECK_THAT(tokens.uncachedInput, near(3170.0));
    CHECK_THAT(tokens.output, near(300.0));
  }
  SECTION("fractional calls with growth") {
    shape.callsPerRequest = 2.5;
    shape.contextGrowthPerCall = 100;
    const auto tokens = core::requestTokens(shape, std::nullopt, true);
    CHECK_THAT(tokens.input, near(2.5 * 3170 + 100 * 2.5 * 1.5 / 2));
    CHECK_THAT(tokens.output, near(750.0));
  }
  SECTION("caching only where the model caches") {
    const core::Caching caching{900, 0.8, core::CacheTtl::FiveMinutes};
    const auto cached = core::requestTokens(shape, caching, true);
    CHECK_THAT(cached.cacheRead, near(720.0));
    CHECK_THAT(cached.cacheWrite, near(180.0));
    CHECK_THAT(cached.uncachedInput, near(3170.0 - 900.0));
    const auto uncached = core::requestTokens(shape, caching, false);
    CHECK_THAT(uncached.cacheRead, near(0.0));
    CHECK_THAT(uncached.uncachedInput, near(3170.0));
  }
}
