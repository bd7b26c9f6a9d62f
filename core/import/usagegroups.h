#pragma once

#include "core/import/tokenhistogram.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
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

// Guardrail policies as invocation logs count their text units (a text unit
// is up to 1,000 characters; AWS prices each policy per 1,000 text units):
// the `…PolicyUnits` keys of a guardrail trace's invocationMetrics.usage.
enum class GuardrailPolicy {
  ContentFilter,            // contentPolicyUnits
  ContentFilterImage,       // contentPolicyImageUnits (images, not text)
  DeniedTopic,              // topicPolicyUnits
  WordFilter,               // wordPolicyUnits
  SensitiveInformation,     // sensitiveInformationPolicyUnits (PII)
  SensitiveInformationFree, // sensitiveInformationPolicyFreeUnits (regex, not billed)
  ContextualGrounding,      // contextualGroundingPolicyUnits
  AutomatedReasoning,       // automatedReasoningPolicyUnits
  Other,                    // any other …PolicyUnits key
};
inline constexpr std::size_t kGuardrailPolicies = 9;
using GuardrailUnits = std::array<std::uint64_t, kGuardrailPolicies>;

// "content_filter", "denied_topic", …, as `import --json` writes them.
std::string_view guardrailPolicyName(GuardrailPolicy policy);
// The policy of a usage key ("topicPolicyUnits"); nullopt for a key that is no policy's units.
std::optional<GuardrailPolicy> guardrailPolicyOfKey(std::string_view key);

// What a record says besides its counts; the usage importers fill what
// their source has.
struct RecordFacts {
  std::string_view scope;           // NormalizedModel::scope; empty: none
  std::string_view inferenceRegion; // the record's inferenceRegion; empty: none
  bool streaming = false;           // an …WithResponseStream or ConverseStream call
  bool guardrailIntervened = false; // a guardrail blocked or masked the call
  GuardrailUnits guardrailUnits{};
};

struct UsageGroup {
  std::optional<std::string> key; // the --group-by value; nullopt where absent
  std::string model;              // the rate card's id after normalizing
  std::string tier;
  bool known = false; // `model` is an id of the rate card (else kept as it was read)
  TokenCounts totals;
  // Requests by inference-profile scope (modelidentity.h) and by the
  // region that served them (invocation logs' inferenceRegion).
  std::map<std::string, std::uint64_t> requestsByScope;
  std::map<std::string, std::uint64_t> requestsByRegion;
  std::uint64_t streamingRequests = 0;
  std::uint64_t guardrailInterventions = 0;   // counted as requests too, with the tokens they had
  GuardrailUnits guardrailUnits{};            // text units summed over the group's requests
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
                    std::string_view tier, bool known = false);
  // One request (perRequest: also into the percentile histograms) or a sum.
  void add(std::size_t group, std::int64_t seconds, const TokenCounts &counts, bool perRequest,
           const RecordFacts &facts = {});
  void merge(UsageAccumulator &&other);
  // Groups sorted by key (null first), model, tier.
  std::vector<UsageGroup> finish() &&;

private:
  // A few names a group (one scope, a few regions): a scan beats a map.
  using Counts = std::vector<std::pair<std::string, std::uint64_t>>;
  struct Slot {
    UsageGroup group;
    std::unordered_map<std::int64_t, TokenCounts> hours;
    // The hour the last record added to (nodes of `hours` stay where they
    // are when it grows or the slot moves).
    std::int64_t lastHour = 0;
    TokenCounts *lastCounts = nullptr;
    Counts scopes, regions;
    bool seen = false;
  };
  // lastCounts points into hours: slots must move, never be copied, when
  // the vector of slots grows.
  static_assert(std::is_nothrow_move_constructible_v<Slot>);
  static void count(Counts &counts, std::string_view name, std::uint64_t amount);
  std::string m_scratch;
  std::unordered_map<std::string, std::size_t> m_index;
  std::vector<Slot> m_slots;
};

} // namespace bwi::core
