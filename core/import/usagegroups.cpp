#include "core/import/usagegroups.h"

#include "core/import/isotime.h"

#include <algorithm>
#include <tuple>
#include <type_traits>

namespace bwi::core {
namespace {

void composeKey(std::string &out, const std::optional<std::string_view> &key,
                std::string_view model, std::string_view tier) {
  out.clear();
  out += key ? '1' : '0';
  if (key)
    out += *key;
  out += '\x1f';
  out += model;
  out += '\x1f';
  out += tier;
}

// Each record is capped (10^12 tokens, 10^15 per CSV row), but millions of
// capped records would wrap a uint64 round to a small, plausible count;
// a sum stops at the largest count instead, which the scenario's limits
// then refuse by name (docs/limits.md).
void addSaturating(std::uint64_t &sum, std::uint64_t value) {
  sum = value > UINT64_MAX - sum ? UINT64_MAX : sum + value;
}

} // namespace

TokenCounts &TokenCounts::operator+=(const TokenCounts &other) {
  addSaturating(requests, other.requests);
  addSaturating(input, other.input);
  addSaturating(output, other.output);
  addSaturating(cacheRead, other.cacheRead);
  addSaturating(cacheWrite, other.cacheWrite);
  return *this;
}

bool TokenCounts::saturated() const {
  return requests == UINT64_MAX || input == UINT64_MAX || output == UINT64_MAX ||
         cacheRead == UINT64_MAX || cacheWrite == UINT64_MAX;
}

std::optional<std::string> saturationWarning(const std::vector<UsageGroup> &groups) {
  for (const UsageGroup &group : groups)
    if (group.totals.saturated())
      return "the counts of " + group.model +
             " add up beyond 1.8e19 and were capped there: the files are not a real "
             "log of traffic";
  return std::nullopt;
}

std::string_view guardrailPolicyName(GuardrailPolicy policy) {
  switch (policy) {
  case GuardrailPolicy::ContentFilter:
    return "content_filter";
  case GuardrailPolicy::ContentFilterImage:
    return "content_filter_image";
  case GuardrailPolicy::DeniedTopic:
    return "denied_topic";
  case GuardrailPolicy::WordFilter:
    return "word_filter";
  case GuardrailPolicy::SensitiveInformation:
    return "sensitive_information";
  case GuardrailPolicy::SensitiveInformationFree:
    return "sensitive_information_free";
  case GuardrailPolicy::ContextualGrounding:
    return "contextual_grounding";
  case GuardrailPolicy::AutomatedReasoning:
    return "automated_reasoning";
  case GuardrailPolicy::Other:
    break;
  }
  return "other";
}

std::optional<GuardrailPolicy> guardrailPolicyOfKey(std::string_view key) {
  if (key == "contentPolicyUnits")
    return GuardrailPolicy::ContentFilter;
  if (key == "contentPolicyImageUnits")
    return GuardrailPolicy::ContentFilterImage;
  if (key == "topicPolicyUnits")
    return GuardrailPolicy::DeniedTopic;
  if (key == "wordPolicyUnits")
    return GuardrailPolicy::WordFilter;
  if (key == "sensitiveInformationPolicyUnits")
    return GuardrailPolicy::SensitiveInformation;
  if (key == "sensitiveInformationPolicyFreeUnits")
    return GuardrailPolicy::SensitiveInformationFree;
  if (key == "contextualGroundingPolicyUnits")
    return GuardrailPolicy::ContextualGrounding;
  if (key == "automatedReasoningPolicyUnits")
    return GuardrailPolicy::AutomatedReasoning;
  if (key.ends_with("PolicyUnits") || key.ends_with("PolicyImageUnits"))
    return GuardrailPolicy::Other;
  return std::nullopt;
}

void UsageAccumulator::count(Counts &counts, std::string_view name, std::uint64_t amount) {
  if (name.empty())
    return;
  for (auto &[each, sum] : counts)
    if (each == name) {
      addSaturating(sum, amount);
      return;
    }
  counts.emplace_back(std::string(name), amount);
}

std::size_t UsageAccumulator::group(const std::optional<std::string_view> &key,
                                    std::string_view model, std::string_view tier, bool known) {
  composeKey(m_scratch, key, model, tier);
  if (const auto found = m_index.find(m_scratch); found != m_index.end())
    return found->second;
  Slot slot;
  if (key)
    slot.group.key = std::string(*key);
  slot.group.model = std::string(model);
  slot.group.tier = std::string(tier);
  slot.group.known = known;
  m_slots.push_back(std::move(slot));
  m_index.emplace(m_scratch, m_slots.size() - 1);
  return m_slots.size() - 1;
}

void UsageAccumulator::add(std::size_t group, std::int64_t seconds, const TokenCounts &counts,
                           bool perRequest, const RecordFacts &facts) {
  Slot &slot = m_slots[group];
  UsageGroup &target = slot.group;
  target.totals += counts;
  if (counts.requests) {
    count(slot.scopes, facts.scope, counts.requests);
    count(slot.regions, facts.inferenceRegion, counts.requests);
  }
  if (facts.streaming)
    addSaturating(target.streamingRequests, counts.requests);
  if (facts.guardrailIntervened)
    addSaturating(target.guardrailInterventions, counts.requests);
  for (std::size_t policy = 0; policy < kGuardrailPolicies; ++policy)
    addSaturating(target.guardrailUnits[policy], facts.guardrailUnits[policy]);
  // Logs come in time order: most records fall in the hour the last one did.
  const std::int64_t hour = hourIndex(seconds);
  if (!slot.lastCounts || slot.lastHour != hour) {
    slot.lastCounts = &slot.hours[hour];
    slot.lastHour = hour;
  }
  *slot.lastCounts += counts;
  if (!slot.seen || seconds < target.firstSeconds)
    target.firstSeconds = seconds;
  if (!slot.seen || seconds > target.lastSeconds)
    target.lastSeconds = seconds;
  slot.seen = true;
  if (perRequest) {
    target.inputPerRequest.add(counts.input);
    target.outputPerRequest.add(counts.output);
    target.cacheReadPerRequest.add(counts.cacheRead);
    target.cacheWritePerRequest.add(counts.cacheWrite);
  }
}

void UsageAccumulator::merge(UsageAccumulator &&other) {
  for (Slot &theirs : other.m_slots) {
    const UsageGroup &from = theirs.group;
    const std::size_t index =
        group(from.key ? std::optional<std::string_view>(*from.key) : std::nullopt, from.model,
              from.tier, from.known);
    Slot &mine = m_slots[index];
    UsageGroup &to = mine.group;
    to.totals += from.totals;
    for (const auto &[name, requests] : theirs.scopes)
      count(mine.scopes, name, requests);
    for (const auto &[name, requests] : theirs.regions)
      count(mine.regions, name, requests);
    addSaturating(to.streamingRequests, from.streamingRequests);
    addSaturating(to.guardrailInterventions, from.guardrailInterventions);
    for (std::size_t policy = 0; policy < kGuardrailPolicies; ++policy)
      addSaturating(to.guardrailUnits[policy], from.guardrailUnits[policy]);
    for (const auto &[hour, counts] : theirs.hours)
      mine.hours[hour] += counts;
    mine.lastCounts = nullptr;
    if (theirs.seen) {
      if (!mine.seen || from.firstSeconds < to.firstSeconds)
        to.firstSeconds = from.firstSeconds;
      if (!mine.seen || from.lastSeconds > to.lastSeconds)
        to.lastSeconds = from.lastSeconds;
      mine.seen = true;
    }
    to.inputPerRequest.merge(from.inputPerRequest);
    to.outputPerRequest.merge(from.outputPerRequest);
    to.cacheReadPerRequest.merge(from.cacheReadPerRequest);
    to.cacheWritePerRequest.merge(from.cacheWritePerRequest);
  }
  other.m_slots.clear();
  other.m_index.clear();
}

std::vector<UsageGroup> UsageAccumulator::finish() && {
  std::vector<UsageGroup> groups;
  groups.reserve(m_slots.size());
  for (Slot &slot : m_slots) {
    for (const auto &[hour, counts] : slot.hours)
      if (!counts.empty())
        slot.group.hourly.emplace(hour, counts);
    for (const auto &[scope, requests] : slot.scopes)
      slot.group.requestsByScope[scope] += requests;
    for (const auto &[region, requests] : slot.regions)
      slot.group.requestsByRegion[region] += requests;
    groups.push_back(std::move(slot.group));
  }
  std::sort(groups.begin(), groups.end(), [](const UsageGroup &a, const UsageGroup &b) {
    return std::tie(a.key, a.model, a.tier) < std::tie(b.key, b.model, b.tier);
  });
  m_slots.clear();
  m_index.clear();
  return groups;
}

} // namespace bwi::core
