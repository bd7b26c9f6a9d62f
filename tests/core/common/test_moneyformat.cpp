#include "core/common/moneyformat.h"
#include "core/model/ratecardage.h"
#include "tests/core/testsupport.h"

using namespace bwi;

TEST_CASE("Money reads to the cent and in short form", "[core][format]") {
  CHECK(core::formatUsdExact(1234567.891) == "$1,234,567.89");
  CHECK(core::formatUsdExact(-12) == "-$12.00");
  CHECK(core::formatUsdExact(0.004) == "$0.00");
  CHECK(core::formatUsdExact(999.995) == "$1,000.00");
  CHECK(core::formatUsdShort(12345) == "$12.3k");
  CHECK(core::formatUsdShort(1.25e6) == "$1.2M");
  CHECK(core::formatUsdShort(950) == "$950");
  CHECK(core::formatPercent(0.875) == "87.5%");
  // A share that rounds to zero has no sign (reconcile printed "-0.0%").
  CHECK(core::formatPercent(-0.0004) == "0.0%");
  CHECK(core::formatPercent(-0.0006) == "-0.1%");
  CHECK(core::formatPercent(-0.25, 0) == "-25%");
  // Beyond what a 64-bit count of cents holds: still exact digits, no crash.
  CHECK(core::formatUsdExact(1e18) == "$1,000,000,000,000,000,000.00");
  CHECK(core::formatUsdExact(-0.001) == "$0.00");
}

TEST_CASE("A rate card older than 90 days is stale", "[core][format]") {
  CHECK(core::daysBetween("2026-08-21", "2026-11-26") == 97);
  CHECK(core::isStale("2026-08-21", "2026-11-26"));
  CHECK_FALSE(core::isStale("2026-09-01", "2026-11-26"));
  CHECK_FALSE(core::daysBetween("2026-02-30", "2026-11-26").has_value());
}
