#include "tests/core/testsupport.h"

#include "core/cost/preparedscenario.h"

#include <cmath>
#include <sstream>

namespace bwi::test {

std::string testRateCardJson() {
  // plain: $1 in / $5 out per 1M, with cache and batch. nobatch: no batch.
  // pt: PT at $0.30/MU-hour, 10,000 in / 1,000 out TPM per MU.
  // res: Reserved tier at $10 / $50 per 1K TPM-month, minimums 1,000 / 100.
  // market: a marketplace model at $2 / $10.
  // Meters: Guardrails content filters and denied topics at $0.15 per 1K
  // text units, OpenSearch Serverless at $0.24 per OCU-hour, AgentCore
  // runtime CPU at $0.0895 per vCPU-hour (marked an estimate).
  return R"({
    "format": "bedrock-whatif-ratecard", "version": 1, "as_of": "2026-11-01",
    "region": "us-east-1", "currency": "USD",
    "meters": [
      { "kind": "guardrails.content_filters", "name": "Guardrails content filters",
        "category": "guardrails", "unit": "1K text units", "usd_per_unit": 0.15,
        "source": "test", "source_date": "2026-11-01", "estimate": false },
      { "kind": "guardrails.denied_topics", "name": "Guardrails denied topics",
        "category": "guardrails", "unit": "1K text units", "usd_per_unit": 0.15,
        "source": "test", "source_date": "2026-11-01", "estimate": false },
      { "kind": "knowledge_base.opensearch_serverless_ocu", "name": "OpenSearch Serverless",
        "category": "knowledge_base", "unit": "OCU-hour", "usd_per_unit": 0.24,
        "source": "test", "source_date": "2026-11-01", "estimate": false },
      { "kind": "agentcore.runtime_vcpu", "name": "AgentCore Runtime CPU",
        "category": "agentcore", "unit": "vCPU-hour", "usd_per_unit": 0.0895,
        "source": "test", "source_date": "2026-11-01", "estimate": true }
    ],
    "models": [
      { "id": "plain", "on_demand": { "input_per_1m": 1.0, "output_per_1m": 5.0 },
        "batch": { "input_per_1m": 0.5, "output_per_1m": 2.5 },
        "cache": { "write_per_1m": 1.25, "read_per_1m": 0.1, "write_1h_per_1m": 2.0 },
        "tiers": { "priority": 1.75, "flex": 0.5 } },
      { "id": "nobatch", "on_demand": { "input_per_1m": 1.0, "output_per_1m": 5.0 },
        "batch": null, "cache": { "write_per_1m": null, "read_per_1m": 0.25 } },
      { "id": "pt", "on_demand": { "input_per_1m": 1.0, "output_per_1m": 5.0 },
        "batch": { "input_per_1m": 0.5, "output_per_1m": 2.5 }, "cache": null,
        "provisioned": { "per_mu_hour": { "no_commit": null, "one_month": 0.30, "six_month": 0.20 },
                         "input_tpm_per_mu": 10000, "output_tpm_per_mu": 1000 } },
      { "id": "res", "on_demand": { "input_per_1m": 1.0, "output_per_1m": 5.0 },
        "batch": null, "cache": { "write_per_1m": 1.25, "read_per_1m": 0.1 },
        "reserved": { "one_month": { "input_per_1k_tpm_month": 10, "output_per_1k_tpm_month": 50 },
                      "three_month": null, "min_input_tpm": 1000, "min_output_tpm": 100 } },
      { "id": "market", "marketplace": true,
        "on_demand": { "input_per_1m": 2.0, "output_per_1m": 10.0 }, "batch": null, "cache": null }
    ]
  })";
}

std::string scenarioJson(const std::string &workloadsJson, const std::string &extra) {
  return R"({ "format": "bedrock-whatif-scenario", "version": 1, "name": "test",
              "hours_per_month": 730, "ratecard": )" +
         testRateCardJson() + R"(, "workloads": )" + workloadsJson +
         (extra.empty() ? "" : ", " + extra) + "}";
}

core::LoadedScenario load(const std::string &json) {
  const core::ScenarioLoadResult result = core::loadScenarioText(json, ".", "test.json");
  INFO(result.report());
  REQUIRE(result.loaded.has_value());
  return *result.loaded;
}

core::Evaluation evaluateJson(const std::string &json, int month) {
  const core::LoadedScenario loaded = load(json);
  return core::evaluate(core::prepareScenario(loaded.scenario, loaded.card), month);
}

core::ValidationIssues issuesOf(const std::string &json) {
  const core::ScenarioLoadResult result = core::loadScenarioText(json, ".", "test.json");
  REQUIRE_FALSE(result.loaded.has_value());
  return result.issues;
}

bool hasIssueAt(const core::ValidationIssues &issues, const std::string &path) {
  for (const core::ValidationIssue &issue : issues)
    if (issue.path == path)
      return true;
  return false;
}

double costOf(const std::vector<core::NamedCost> &costs, const std::string &key) {
  for (const core::NamedCost &cost : costs)
    if (cost.key == key)
      return cost.usd;
  FAIL("no cost under key " << key);
  return 0;
}

} // namespace bwi::test
