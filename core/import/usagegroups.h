#pragma once

#include "core/import/tokenhistogram.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// Measured traffic, grouped by (key, model, tier): the result of the
// invocation-log, CloudWatch and hourly-CSV imports.
namespace bwi::core {

struct TokenCounts {
  std::uint64_t requests = 0;
  std::uint64_t input = 0; // uncached input tokens, as AWS counts inputTokenCount
  std::uint64_t output = 0;
  std::uint64_t cacheRead = 0;
  std::uint64_t cacheWrite = 0;
  TokenCounts &operator+=(const TokenCounts &other); // saturates at UINT64_MAX
  bool saturated() const;                            // a sum that hit UINT64_MAX
  bool empty() const { return !requests && !input && !output && !cacheRead && !cacheWrite; }
  bool operator==(const TokenCounts &) const = default;
};

struct UsageGroup {
  std::optional<std::string> key; // the --group-by value; nullopt where absent
  std::string model;              // the rate card's id after normalizing
  std::string tier;
  TokenCounts totals;
  std::map<std::int64_t, TokenCounts> hourly; // hour index (seconds / 3600) → traffic
  std::int64_t firstSeconds = 0;
  std::int64_t lastSeconds = 0;
  // Per request; empty where the source has only sums (CloudWatch, hourly CSV).
  TokenHistogram inputPerRequest, outputPerRequest, cacheReadPerRequest, cacheWritePerRequest;
};

// A warning for the import when a group's sums hit the cap; nullopt otherwise.
std::optional<std::string> saturationWarning(const std::vector<UsageGroup> &groups);

// Collects traffic from one thread; accumulators of several threads merge.
class UsageAccumulator {
public:
  // The group's slot; stable until merge or finish.
  std::size_t group(const std::optional<std::string_view> &key, std::string_view model,
                    std::string_view tier);
  // One request (perRequest: also into the percentile histograms) or a sum.
  void add(std::size_t group, std::int64_t seconds, const TokenCounts &counts, bool perRequest);
  void merge(UsageAccumulator &&other);
  // Groups sorted by key (null first), model, tier.
  std::vector<UsageGroup> finish() &&;

private:
  struct Slot {
    UsageGroup group;
    std::unordered_map<std::int64_t, TokenCounts> hours;
    bool seen = false;
  };
  std::string m_scratch;
  std::unordered_map<std::string, std::size_t> m_index;
  std::vector<Slot> m_slots;
};

} // namespace bwi::core
