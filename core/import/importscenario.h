#pragma once

#include "core/common/jsonreader.h"
#include "core/import/billimport.h"
#include "core/import/usagegroups.h"
#include "core/model/ratecard.h"
#include "core/model/scenario.h"

#include <map>
#include <string>
#include <vector>

// A scenario from measured traffic: one workload per group key (per model
// where the source has no key, as CloudWatch), with its measured requests
// per month, token shape (input, output, the cached prefix and hit rate),
// weekly profile (the mean of the imported weeks) and routing (each model's
// share of the requests), so a what-if starts from what was measured.
namespace bwi::core {

// A quantity a workload uses per request beside its tokens, priced by the
// cost model at the rate card's meter of the same kind: guardrail text
// units by policy ("guardrails.content_filters", "guardrails.denied_topics",
// "guardrails.word_filters", "guardrails.sensitive_information",
// "guardrails.contextual_grounding"), in the card meter's unit per request
// (1K text units on the built-in card; a text unit is up to 1,000
// characters).
struct WorkloadMeter {
  std::string kind;
  double perRequest = 0;
};
using WorkloadMeters = std::map<std::string, std::vector<WorkloadMeter>>; // by workload id

// The meter kind of a guardrail policy; empty for a policy with none
// (images, free regex filters, automated reasoning).
std::string_view guardrailMeterKind(GuardrailPolicy policy);

// Traffic on models the card lacks stays in the routing, the models listed
// in the scenario's unpriced_models, with a warning (docs/cost-model.md §21).
// Each workload carries its guardrail meters (Workload::meters, the card's
// kinds only); `meters`, when given, also receives them all, kinds the card
// lacks included: the text units of its requests on card models over those
// requests.
Scenario scenarioFromUsage(const std::vector<UsageGroup> &groups, const RateCard &card,
                           const std::string &name, std::vector<std::string> &warnings,
                           double hoursPerMonth = 730, WorkloadMeters *meters = nullptr);

// A scenario from a bill's month (`month` empty: the latest): one workload
// per model and tier (batch apart), and per key where the bill was grouped
// (the key becomes the workload's team), whose monthly tokens are the bill's.
// A bill counts no requests, so each workload has 1,000 nominal requests a
// month carrying a thousandth of the tokens each: the tokens, and so the
// cost at list price, are the bill's; the profile is flat.
Scenario scenarioFromBill(const BillImport &bill, const RateCard &card, const std::string &month,
                          const std::string &name, std::vector<std::string> &warnings);

// The mean week: requests per hour of the week (0 = Monday 00:00 UTC),
// summed over the imported hours and divided by how often each hour of the
// week occurs between the first and the last imported hour.
std::vector<double> meanWeek(const std::vector<const UsageGroup *> &groups);

} // namespace bwi::core
