#include "core/model/routingpolicy.h"
#include "tests/core/testsupport.h"

#include <numeric>

using namespace bwi;
using test::near;

namespace {

double total(const std::vector<core::RoutingShare> &shares) {
  return std::accumulate(shares.begin(), shares.end(), 0.0,
                         [](double sum, const core::RoutingShare &s) { return sum + s.share; });
}

core::ModelRates model(const std::string &id, const std::string &tier, double in, double out) {
  core::ModelRates rates;
  rates.id = id;
  rates.tier = tier;
  rates.onDemand.inputPer1m = in;
  rates.onDemand.outputPer1m = out;
  return rates;
}

} // namespace

TEST_CASE("Rebalancing sets one share and scales the others to a total of 1", "[core][model]") {
  const std::vector<core::RoutingShare> shares = {{"a", 0.5}, {"b", 0.3}, {"c", 0.2}};
  const auto moved = core::rebalanceShares(shares, 0, 0.8);
  CHECK_THAT(moved[0].share, near(0.8));
  CHECK_THAT(moved[1].share, near(0.12)); // 0.3 / 0.5 of the 0.2 left
  CHECK_THAT(moved[2].share, near(0.08));
  CHECK_THAT(total(moved), near(1.0));

  CHECK_THAT(core::rebalanceShares(shares, 1, 1.5)[1].share, near(1.0)); // clamped
  CHECK_THAT(core::rebalanceShares(shares, 1, -1)[1].share, near(0.0));

  // The others all at 0: the remainder is split evenly.
  const auto even = core::rebalanceShares({{"a", 1.0}, {"b", 0.0}, {"c", 0.0}}, 0, 0.4);
  CHECK_THAT(even[1].share, near(0.3));
  CHECK_THAT(even[2].share, near(0.3));
}

TEST_CASE("Route by tier gives each tier's share to its cheapest model", "[core][model]") {
  core::RateCard card;
  card.models = {model("small-dear", "small", 1.0, 4.0), model("small-cheap", "small", 0.1, 0.4),
                 model("mid", "mid", 3.0, 15.0), model("premium", "premium", 15.0, 75.0)};
  const auto shares = core::routeByTier(card, {0.7, 0.25, 0.05});
  CHECK_THAT(total(shares), near(1.0));
  const auto shareOf = [&](const std::string &id) {
    for (const core::RoutingShare &share : shares)
      if (share.modelId == id)
        return share.share;
    return 0.0;
  };
  CHECK_THAT(shareOf("small-cheap"), near(0.7));
  CHECK_THAT(shareOf("small-dear"), near(0.0));
  CHECK_THAT(shareOf("mid"), near(0.25));
  CHECK_THAT(shareOf("premium"), near(0.05));

  SECTION("a model the estate already uses is chosen first") {
    const auto preferred = core::routeByTier(card, {0.7, 0.25, 0.05}, {"small-dear"});
    double dear = 0;
    for (const core::RoutingShare &share : preferred)
      if (share.modelId == "small-dear")
        dear = share.share;
    CHECK_THAT(dear, near(0.7));
  }
  SECTION("a tier without a model passes its share on") {
    core::RateCard noPremium = card;
    noPremium.models.pop_back();
    const auto passed = core::routeByTier(noPremium, {0.7, 0.25, 0.05});
    CHECK_THAT(total(passed), near(1.0));
    for (const core::RoutingShare &share : passed)
      CHECK(share.modelId != "premium");
  }
}
