#include "core/model/weeklyprofile.h"
#include "tests/core/testsupport.h"

#include <cmath>
#include <numbers>
#include <numeric>

using namespace bwi;
using test::near;

TEST_CASE("Weekly profiles are normalized to mean 1", "[core][profile]") {
  core::WeeklyProfile profile;
  SECTION("flat") {
    for (double weight : core::normalizedWeights(profile))
      CHECK_THAT(weight, near(1.0));
  }
  SECTION("business hours weigh Mon-Fri 09:00-17:59 four times") {
    profile.kind = core::WeeklyProfile::Kind::BusinessHours;
    const auto weights = core::normalizedWeights(profile);
    CHECK_THAT(weights[0], near(168.0 / 303));      // Monday 00:00
    CHECK_THAT(weights[9], near(4 * 168.0 / 303));  // Monday 09:00
    CHECK_THAT(weights[17], near(4 * 168.0 / 303)); // Monday 17:00
    CHECK_THAT(weights[18], near(168.0 / 303));
    CHECK_THAT(weights[5 * 24 + 10], near(168.0 / 303)); // Saturday 10:00
    int busy = 0;
    for (double weight : weights)
      busy += weight > 1 ? 1 : 0;
    CHECK(busy == 45);
  }
  SECTION("diurnal peaks at 14:00") {
    profile.kind = core::WeeklyProfile::Kind::Diurnal;
    const auto weights = core::normalizedWeights(profile);
    CHECK_THAT(weights[14], near(1.5)); // the cosine averages 0 over a day
    CHECK_THAT(weights[2], near(0.5));
  }
  SECTION("explicit weights are divided by their own mean") {
    profile.kind = core::WeeklyProfile::Kind::Weekly;
    profile.weeklyWeights.assign(168, 0.0);
    profile.weeklyWeights[0] = 2;
    profile.weeklyWeights[1] = 6;
    const auto weights = core::normalizedWeights(profile);
    CHECK_THAT(weights[0], near(2 * 168.0 / 8));
    CHECK_THAT(weights[1], near(6 * 168.0 / 8));
    CHECK_THAT(std::accumulate(weights.begin(), weights.end(), 0.0), near(168.0));
  }
}
