#include "core/cost/privatepricing.h"
#include "core/cost/provisionedsizing.h"
#include "core/cost/reservedsizing.h"
#include "tests/core/testsupport.h"

using namespace bwi;
using test::near;

TEST_CASE("The discount applies to first-party models, and to marketplace ones when agreed",
          "[core][privatepricing]") {
  core::Agreement agreement;
  agreement.discount = 0.08;
  CHECK(core::netShare(std::nullopt, false) == 1.0);
  CHECK(core::netShare(std::nullopt, true) == 1.0);
  CHECK_THAT(core::netShare(agreement, false), near(0.92));
  CHECK(core::netShare(agreement, true) == 1.0);
  agreement.discountAppliesToMarketplace = true;
  CHECK_THAT(core::netShare(agreement, true), near(0.92));

  // applyAgreement discounts by the same rule.
  agreement.discountAppliesToMarketplace = false;
  agreement.annualCommitUsd = 1'200'000;
  agreement.marketplaceCapShare = 0.25;
  const core::PrivatePricing pricing =
      core::applyAgreement(agreement, {{1000.0, false}, {50'000.0, true}});
  CHECK_THAT(pricing.discountUsd, near(80.0));
  // 920 first-party net, marketplace capped at 0.25 × 1,200,000 / 12 = 25,000.
  CHECK_THAT(pricing.commitRetiredUsd, near(920.0 + 25'000.0));
}

TEST_CASE("A commitment's charge is units x rate x hours, a reservation's TPM/1000 x price",
          "[core][privatepricing]") {
  CHECK_THAT(core::ptChargeUsd(2, 21.5, 730), near(2 * 21.5 * 730));
  CHECK(core::ptChargeUsd(0, 21.5, 730) == 0);
  CHECK_THAT(core::reservedChargeUsd(200'000, 7.5), near(1500.0));
}

TEST_CASE("The cheapest unit count keeps the smallest N on a tie", "[core][provisioned]") {
  // Overflow falls by exactly the charge of one unit from 0 to 3 units, then
  // by nothing: every N in 0 … 3 costs the same, and 0 is kept.
  const auto flat = [](double units) { return std::max(0.0, 3 - units) * 100.0; };
  CHECK(core::cheapestModelUnits(10, 100.0 / 730, 730, flat) == 0);
  // Cheaper capacity: the overflow saved beats the charge up to 3 units.
  CHECK(core::cheapestModelUnits(10, 50.0 / 730, 730, flat) == 3);
}
