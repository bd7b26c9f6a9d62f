#include "core/forecast/forecast.h"
#include "core/report/meetingsummary.h"
#include "tests/core/testsupport.h"

using namespace bwi;
using test::closeTo;

TEST_CASE("The meeting summary restates the month and the forecast, and advises each model",
          "[core][report]") {
  const auto load = core::loadExampleScenario();
  REQUIRE(load.loaded);
  const core::PreparedScenario prepared =
      core::prepareScenario(load.loaded->scenario, load.loaded->card);
  const core::Evaluation month0 = core::evaluate(prepared, 0);
  const core::Forecast forecast = core::forecast(prepared);
  const core::MeetingSummary summary = core::meetingSummary(prepared.forecast, month0, forecast);

  CHECK(summary.monthlyNetUsd == month0.netUsd);
  CHECK(summary.monthlyGrossUsd == month0.grossUsd);
  CHECK(summary.monthlyDiscountUsd == month0.discountUsd);
  const int months = std::min(12, static_cast<int>(forecast.months.size()));
  CHECK(summary.annualMonths == months);
  double annual = 0;
  for (int month = 0; month < months; ++month)
    annual += forecast.months[static_cast<std::size_t>(month)].netUsd;
  CHECK_THAT(summary.annualNetUsd, closeTo(annual));
  // The example gives volume_p10 and volume_p90: the annual range exists and brackets the plan.
  REQUIRE(summary.annualNetP10Usd);
  REQUIRE(summary.annualNetP90Usd);
  CHECK(*summary.annualNetP10Usd <= *summary.annualNetP90Usd);

  CHECK(summary.topModels.size() <= 5);
  for (std::size_t i = 1; i < summary.topModels.size(); ++i)
    CHECK(summary.topModels[i - 1].usd >= summary.topModels[i].usd);
  CHECK(summary.topWorkloads.size() <= 5);

  REQUIRE(summary.commitments.size() == month0.sizing.size());
  for (std::size_t i = 0; i < summary.commitments.size(); ++i) {
    const core::CommitmentAdvice &advice = summary.commitments[i];
    CHECK_FALSE(advice.advice.empty());
    CHECK(advice.modelId == month0.sizing[i].modelId);
    CHECK(advice.floorUnits == month0.sizing[i].floorModelUnits);
    CHECK(advice.optimalUnits == month0.sizing[i].optimalModelUnits);
    for (const core::ProvisionedResult &pt : month0.provisioned)
      if (pt.modelId == advice.modelId) {
        CHECK(advice.currentUnits == pt.modelUnits);
        CHECK(advice.utilization == pt.utilization);
      }
  }
}
