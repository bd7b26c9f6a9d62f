#include "core/model/workloadedits.h"
#include "tests/core/testsupport.h"

using namespace bwi;

namespace {

core::Scenario twoWorkloads() {
  core::Scenario scenario;
  core::Workload a;
  a.id = "support";
  a.routing = {{"plain", 1.0}};
  core::Workload b;
  b.id = "search";
  b.routing = {{"nobatch", 0.0}, {"pt", 1.0}};
  scenario.workloads = {a, b};
  return scenario;
}

} // namespace

TEST_CASE("A new workload id is the base, else the first free numbered one", "[core][model]") {
  core::Scenario scenario = twoWorkloads();
  CHECK(core::uniqueWorkloadId(scenario, "chat") == "chat");
  CHECK(core::uniqueWorkloadId(scenario, "support") == "support-2");
  scenario.workloads.push_back(scenario.workloads[0]);
  scenario.workloads.back().id = "support-2";
  CHECK(core::uniqueWorkloadId(scenario, "support") == "support-3");
}

TEST_CASE("A new workload is routed to the first model the estate uses", "[core][model]") {
  const core::RateCard card = test::load(test::scenarioJson("[]")).card;
  const core::Scenario scenario = twoWorkloads();
  // "nobatch" has a share of 0 in "search": the first routed model with a share is "plain".
  CHECK(core::defaultModelForNewWorkload(scenario, card) == "plain");
  CHECK(core::defaultModelForNewWorkload(core::Scenario{}, card) == card.models.front().id);
  CHECK(core::defaultModelForNewWorkload(core::Scenario{}, core::RateCard{}).empty());

  int index = -1;
  const core::Scenario next = core::withNewWorkload(scenario, card, "New", &index);
  REQUIRE(next.workloads.size() == 3);
  CHECK(index == 2);
  const core::Workload &added = next.workloads[2];
  CHECK(added.id == "workload-3");
  CHECK(added.name == "New");
  CHECK(added.requestsPerMonth == 100'000);
  CHECK(added.routing == std::vector<core::RoutingShare>{{"plain", 1.0}});
  // The workloads that were there are unchanged.
  CHECK(scenario.workloads == std::vector(next.workloads.begin(), next.workloads.begin() + 2));
}

TEST_CASE("Duplicating inserts a renamed copy after its source; removing takes one out",
          "[core][model]") {
  const core::Scenario scenario = twoWorkloads();
  int index = -1;
  const core::Scenario copied = core::withDuplicatedWorkload(scenario, 0, "Support copy", &index);
  REQUIRE(copied.workloads.size() == 3);
  CHECK(index == 1);
  CHECK(copied.workloads[1].id == "support-copy");
  CHECK(copied.workloads[1].name == "Support copy");
  CHECK(copied.workloads[1].routing == scenario.workloads[0].routing);
  CHECK(copied.workloads[2].id == "search");
  const core::Scenario again = core::withDuplicatedWorkload(copied, 0, "x", nullptr);
  CHECK(again.workloads[1].id == "support-copy-2");

  CHECK(core::withDuplicatedWorkload(scenario, 5, "x", &index).workloads == scenario.workloads);
  const core::Scenario removed = core::withoutWorkload(scenario, 0);
  REQUIRE(removed.workloads.size() == 1);
  CHECK(removed.workloads[0].id == "search");
  CHECK(core::withoutWorkload(scenario, -1).workloads == scenario.workloads);
  CHECK(core::withoutWorkload(scenario, 2).workloads == scenario.workloads);
}
