#include "usagegroups.h"

#include "isotime.h"

#include <algorithm>
#include <tuple>

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

} // namespace

TokenCounts &TokenCounts::operator+=(const TokenCounts &other) {
  requests += other.requests;
  input += other.input;
  output += other.output;
  cacheRead += other.cacheRead;
  cacheWrite += other.cacheWrite;
  return *this;
}

std::size_t UsageAccumulator::group(const std::optional<std::string_view> &key,
                                    std::string_view model, std::string_view tier) {
  composeKey(m_scratch, key, model, tier);
  if (const auto found = m_index.find(m_scratch); found != m_index.end())
    return found->second;
  Slot slot;
  if (key)
    slot.group.key = std::string(*key);
  slot.group.model = std::string(model);
  slot.group.tier = std::string(tier);
  m_slots.push_back(std::move(slot));
  m_index.emplace(m_scratch, m_slots.size() - 1);
  return m_slots.size() - 1;
}

void UsageAccumulator::add(std::size_t group, std::int64_t seconds, const TokenCounts &counts,
                           bool perRequest) {
  Slot &slot = m_slots[group];
  UsageGroup &target = slot.group;
  target.totals += counts;
  slot.hours[hourIndex(seconds)] += counts;
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
              from.tier);
    Slot &mine = m_slots[index];
    UsageGroup &to = mine.group;
    to.totals += from.totals;
    for (const auto &[hour, counts] : theirs.hours)
      mine.hours[hour] += counts;
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
