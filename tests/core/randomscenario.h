#pragma once

#include "core/model/ratecard.h"
#include "core/model/scenario.h"

#include <random>

// Random valid scenarios over the test rate card, for property tests.
namespace bwi::test {

// The test rate card (testsupport.h) as a parsed card.
core::RateCard propertyCard();

// A random valid scenario over propertyCard(), drawn from `random`: one to
// six workloads w0, w1, … on two or three models, maybe PT, a reservation,
// an agreement and forecast quantiles.
core::Scenario randomScenario(std::mt19937_64 &random);

} // namespace bwi::test
