#include "core/import/importscenario.h"

#include "core/files/scenariojson.h"
#include "core/import/isotime.h"
#include "core/import/reconcile.h"
#include "core/import/usagetype.h"
#include "core/import/utf8text.h"
#include "core/model/meterkinds.h"
#include "core/model/weeklyprofile.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

namespace bwi::core {
namespace {

std::string slug(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u))
      out += static_cast<char>(std::tolower(u));
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-')
    out.pop_back();
  return out.empty() ? "workload" : out;
}

std::optional<ServiceTier> scenarioTier(std::string_view tier) {
  if (tier == "standard" || tier == "latency-optimized")
    return ServiceTier::Standard;
  if (tier == "priority")
    return ServiceTier::Priority;
  if (tier == "flex")
    return ServiceTier::Flex;
  return std::nullopt;
}

// Text units in one unit of the card's meter of `kind`: a meter's quantity
// is in the unit the card prices it in (docs/importing.md). AWS prices each
// guardrail policy per 1,000 text units; a card without the meter, or with
// a unit that is no count of text units, gets that, with a warning.
double textUnitsPerMeterUnit(const RateCard &card, std::string_view kind,
                             std::vector<std::string> &warnings) {
  constexpr double kAwsUnit = 1000;
  const auto meter = std::find_if(card.meters.begin(), card.meters.end(),
                                  [&](const MeterRate &each) { return each.kind == kind; });
  const auto warnOnce = [&](const std::string &message) {
    if (std::find(warnings.begin(), warnings.end(), message) == warnings.end())
      warnings.push_back(message);
  };
  if (meter == card.meters.end()) {
    warnOnce("meter " + std::string(kind) +
             ": the rate card has no such meter, so the scenario leaves it out (give the meter "
             "a usd_per_unit to price it); quantities in 1K text units");
    return kAwsUnit;
  }
  if (meter->unit == "1K text units")
    return 1000;
  if (meter->unit == "1M text units")
    return 1e6;
  if (meter->unit == "text units" || meter->unit == "text unit")
    return 1;
  warnOnce("meter " + std::string(kind) + ": the rate card's unit \"" + meter->unit +
           "\" is no count of text units; quantities in 1K text units");
  return kAwsUnit;
}

std::string unpricedWarning(const std::string &model) {
  return "model " + model +
         " is not in the rate card: its traffic stays in the scenario without a price "
         "(unpriced_models) and is left out of the totals; map it to a card model (--map " +
         model + "=MODEL) or type a price";
}

} // namespace

std::vector<double> meanWeek(const std::vector<const UsageGroup *> &groups) {
  std::vector<double> sums(static_cast<std::size_t>(kHoursPerWeek), 0.0);
  std::optional<std::int64_t> first, last;
  for (const UsageGroup *group : groups)
    for (const auto &[hour, counts] : group->hourly) {
      sums[static_cast<std::size_t>(hourOfWeek(hour * kSecondsPerHour))] +=
          static_cast<double>(counts.requests);
      first = first ? std::min(*first, hour) : hour;
      last = last ? std::max(*last, hour) : hour;
    }
  if (!first)
    return sums;
  std::vector<double> occurrences(static_cast<std::size_t>(kHoursPerWeek), 0.0);
  const std::int64_t span = *last - *first + 1;
  const std::int64_t fullWeeks = span / kHoursPerWeek;
  for (double &count : occurrences)
    count = static_cast<double>(fullWeeks);
  for (std::int64_t hour = *first + fullWeeks * kHoursPerWeek; hour <= *last; ++hour)
    occurrences[static_cast<std::size_t>(hourOfWeek(hour * kSecondsPerHour))] += 1;
  for (std::size_t slot = 0; slot < sums.size(); ++slot)
    if (occurrences[slot] > 0)
      sums[slot] /= occurrences[slot];
  return sums;
}

std::string_view guardrailMeterKind(GuardrailPolicy policy) {
  switch (policy) {
  case GuardrailPolicy::ContentFilter:
    return "guardrails.content_filters";
  case GuardrailPolicy::DeniedTopic:
    return "guardrails.denied_topics";
  case GuardrailPolicy::WordFilter:
    return "guardrails.word_filters";
  case GuardrailPolicy::SensitiveInformation:
    return "guardrails.sensitive_information";
  case GuardrailPolicy::ContextualGrounding:
    return "guardrails.contextual_grounding";
  default:
    return {};
  }
}

Scenario scenarioFromUsage(const std::vector<UsageGroup> &groups, const RateCard &card,
                           const std::string &name, std::vector<std::string> &warnings,
                           double hoursPerMonth, WorkloadMeters *meters) {
  Scenario scenario;
  scenario.name = name;
  scenario.hoursPerMonth = hoursPerMonth;
  // Workloads by key; keyless traffic becomes one workload per model.
  std::map<std::string, std::vector<const UsageGroup *>> byWorkload;
  for (const UsageGroup &group : groups)
    byWorkload[group.key ? *group.key : group.model].push_back(&group);
  std::set<std::string> usedIds;
  std::set<std::string> reportedUnknown;
  for (const auto &[workloadName, members] : byWorkload) {
    TokenCounts totals;
    GuardrailUnits guardrail{};
    std::map<std::string, std::uint64_t> requestsByModel;
    std::map<std::string, std::uint64_t> requestsByTier;
    std::optional<std::int64_t> first, last;
    for (const UsageGroup *group : members) {
      if (!card.find(group->model) && reportedUnknown.insert(group->model).second) {
        // Kept, never dropped: its traffic stays in the routing without a
        // price and is flagged wherever totals show (docs/cost-model.md §21).
        warnings.push_back(unpricedWarning(group->model));
        scenario.unpricedModels.push_back(group->model);
      }
      totals += group->totals;
      for (std::size_t policy = 0; policy < kGuardrailPolicies; ++policy)
        guardrail[policy] += group->guardrailUnits[policy];
      requestsByModel[group->model] += group->totals.requests;
      requestsByTier[group->tier] += group->totals.requests;
      if (!group->hourly.empty()) {
        first =
            first ? std::min(*first, group->hourly.begin()->first) : group->hourly.begin()->first;
        last =
            last ? std::max(*last, group->hourly.rbegin()->first) : group->hourly.rbegin()->first;
      }
    }
    if (totals.requests == 0 || !first) {
      warnings.push_back("workload " + workloadName + ": no requests; not in the scenario");
      continue;
    }
    Workload workload;
    std::string id = slug(workloadName);
    for (int suffix = 2; usedIds.count(id); ++suffix)
      id = slug(workloadName) + "-" + std::to_string(suffix);
    usedIds.insert(id);
    workload.id = id;
    workload.name = validUtf8(workloadName);
    const double requests = static_cast<double>(totals.requests);
    const double coveredHours = static_cast<double>(*last - *first + 1);
    workload.requestsPerMonth = requests / coveredHours * hoursPerMonth;
    // Input per request counts cached tokens (docs/cost-model.md §3: I includes them).
    const double cached = static_cast<double>(totals.cacheRead + totals.cacheWrite);
    workload.tokens.user = (static_cast<double>(totals.input) + cached) / requests;
    workload.tokens.output = static_cast<double>(totals.output) / requests;
    if (cached > 0) {
      Caching caching;
      caching.cacheablePrefix = cached / requests;
      caching.hitRate = static_cast<double>(totals.cacheRead) / cached;
      workload.caching = caching;
    }
    // The tier most requests used; standard on a tie.
    auto mostUsed = requestsByTier.begin();
    for (auto it = requestsByTier.begin(); it != requestsByTier.end(); ++it)
      if (it->second > mostUsed->second ||
          (it->second == mostUsed->second && it->first == "standard"))
        mostUsed = it;
    if (const auto tier = scenarioTier(mostUsed->first))
      workload.serviceTier = *tier;
    if (requestsByTier.size() > 1)
      warnings.push_back("workload " + workloadName + ": requests on several service tiers; " +
                         "the scenario uses " + mostUsed->first);
    double assigned = 0;
    for (auto it = requestsByModel.begin(); it != requestsByModel.end(); ++it) {
      const bool lastModel = std::next(it) == requestsByModel.end();
      const double share = lastModel ? 1.0 - assigned : static_cast<double>(it->second) / requests;
      assigned += share;
      workload.routing.push_back({it->first, std::max(0.0, share)});
    }
    const std::vector<double> week = meanWeek(members);
    if (std::any_of(week.begin(), week.end(), [](double w) { return w > 0; })) {
      workload.profile.kind = WeeklyProfile::Kind::Weekly;
      workload.profile.weeklyWeights = week;
    }
    // The workload's own meters, priced at the card's rate of the kind
    // (docs/cost-model.md §18); a kind the card lacks has no rate, so it
    // stays out of the scenario (which would not validate) with a warning.
    for (std::size_t policy = 0; policy < kGuardrailPolicies; ++policy) {
      if (guardrail[policy] == 0)
        continue;
      const auto each = static_cast<GuardrailPolicy>(policy);
      if (const std::string_view kind = guardrailMeterKind(each); !kind.empty()) {
        const double textUnits = textUnitsPerMeterUnit(card, kind, warnings);
        const WorkloadMeter meter{std::string(kind),
                                  static_cast<double>(guardrail[policy]) / textUnits / requests};
        if (findMeterRate(card, kind)) {
          MeterUse use;
          use.kind = meter.kind;
          use.perRequest = meter.perRequest;
          workload.meters.push_back(std::move(use));
        }
        if (meters)
          (*meters)[workload.id].push_back(meter);
      } else if (each != GuardrailPolicy::SensitiveInformationFree)
        warnings.push_back("workload " + workloadName + ": guardrail " +
                           std::string(guardrailPolicyName(each)) +
                           " units have no meter yet; not in the scenario");
    }
    scenario.workloads.push_back(std::move(workload));
  }
  return scenario;
}

Scenario scenarioFromBill(const BillImport &bill, const RateCard &card, const std::string &month,
                          const std::string &name, std::vector<std::string> &warnings) {
  constexpr double kNominalRequests = 1000;
  std::string chosen = month;
  if (chosen.empty())
    for (const BillGroup &group : bill.groups)
      chosen = std::max(chosen, group.month);
  struct Tokens {
    double input = 0, output = 0, cacheRead = 0, cacheWrite = 0;
  };
  // By key (nullopt where the bill was not grouped), model and tier.
  std::map<std::tuple<std::optional<std::string>, std::string, std::string>, Tokens> byModelTier;
  std::set<std::string> reportedUnknown;
  Scenario scenario;
  for (const BillGroup &group : bill.groups) {
    if (group.month != chosen || !isTokenUsage(group.usage))
      continue;
    if (!card.find(group.model) && reportedUnknown.insert(group.model).second) {
      warnings.push_back(unpricedWarning(group.model));
      scenario.unpricedModels.push_back(group.model);
    }
    Tokens &tokens = byModelTier[{group.key, group.model, group.tier}];
    (group.usage == "input"        ? tokens.input
     : group.usage == "output"     ? tokens.output
     : group.usage == "cache_read" ? tokens.cacheRead
                                   : tokens.cacheWrite) += group.tokens;
  }
  scenario.name = name;
  std::set<std::string> usedIds;
  for (const auto &[modelTier, tokens] : byModelTier) {
    const auto &[key, model, tier] = modelTier;
    const double cached = tokens.cacheRead + tokens.cacheWrite;
    if (tokens.input + cached + tokens.output <= 0)
      continue;
    Workload workload;
    workload.name = model + (tier == "standard" ? "" : " (" + tier + ")");
    if (bill.groupBy) {
      // Show-back in the workbench: the key is the workload's team.
      workload.team = validUtf8(key.value_or(kNoKey));
      workload.name = *workload.team + " · " + workload.name;
    }
    workload.id = slug(workload.name);
    for (int suffix = 2; usedIds.count(workload.id); ++suffix)
      workload.id = slug(workload.name) + "-" + std::to_string(suffix);
    usedIds.insert(workload.id);
    workload.requestsPerMonth = kNominalRequests;
    workload.tokens.user = (tokens.input + cached) / kNominalRequests;
    workload.tokens.output = tokens.output / kNominalRequests;
    if (cached > 0) {
      Caching caching;
      caching.cacheablePrefix = cached / kNominalRequests;
      caching.hitRate = tokens.cacheRead / cached;
      workload.caching = caching;
    }
    if (tier == "batch")
      workload.batchShare = 1;
    else if (const auto serviceTier = scenarioTier(tier))
      workload.serviceTier = *serviceTier;
    workload.routing.push_back({model, 1.0});
    scenario.workloads.push_back(std::move(workload));
  }
  if (scenario.workloads.empty())
    warnings.push_back("the bill has no token charges in " +
                       (chosen.empty() ? std::string("any month") : chosen));
  return scenario;
}

} // namespace bwi::core
