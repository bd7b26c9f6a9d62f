#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

// The rate card: list prices of Bedrock models, as dated and sourced figures.
// Token prices are USD per 1,000,000 tokens; PT prices USD per model unit
// (MU) per hour; Reserved-tier prices USD per 1,000 tokens-per-minute per
// month.
namespace bwi::core {

// The largest price a card may hold (USD per 1M tokens, per MU-hour or per
// 1K TPM-month) and the largest service-tier multiplier (docs/limits.md).
inline constexpr double kMaxPriceUsd = 1e6;
inline constexpr double kMaxTierMultiplier = 100;

enum class PtTerm { NoCommit, OneMonth, SixMonth };
enum class ReservedTerm { OneMonth, ThreeMonth };
enum class ServiceTier { Standard, Priority, Flex };

struct TokenPrices {
  double inputPer1m = 0;  // USD per 1M input tokens
  double outputPer1m = 0; // USD per 1M output tokens
  bool estimate = false;  // not a published figure
  std::string note = {};
  bool operator==(const TokenPrices &) const = default;
};

struct CachePrices {
  std::optional<double> writePer1m;   // 5-minute TTL write; null counts as 0
  double readPer1m = 0;               // USD per 1M cache-read tokens
  std::optional<double> write1hPer1m; // 1-hour TTL write; absent = not offered
  std::string note;
  bool operator==(const CachePrices &) const = default;
};

struct TierMultipliers {
  std::optional<double> priority; // multiplier on on-demand prices
  std::optional<double> flex;
  std::string note;
  bool operator==(const TierMultipliers &) const = default;
};

struct ProvisionedRates {
  std::optional<double> noCommitPerMuHour; // USD per MU-hour
  std::optional<double> oneMonthPerMuHour;
  std::optional<double> sixMonthPerMuHour;
  std::optional<double> inputTpmPerMu;  // input tokens per minute one MU serves
  std::optional<double> outputTpmPerMu; // output tokens per minute one MU serves
  bool estimate = false;
  std::string note;

  std::optional<double> ratePerMuHour(PtTerm term) const;
  // Both capacities > 0 and at least one rate (docs/cost-model.md §10.8).
  bool capable() const;
  bool operator==(const ProvisionedRates &) const = default;
};

struct ReservedTermRates {
  double inputPer1kTpmMonth = 0;  // USD per 1,000 input TPM reserved, per month
  double outputPer1kTpmMonth = 0; // USD per 1,000 output TPM reserved, per month
  bool operator==(const ReservedTermRates &) const = default;
};

struct ReservedRates {
  std::optional<ReservedTermRates> oneMonth;
  std::optional<ReservedTermRates> threeMonth;
  double minInputTpm = 0;  // smallest reservation, tokens per minute
  double minOutputTpm = 0; // smallest reservation, tokens per minute
  bool estimate = false;
  std::string note;

  const std::optional<ReservedTermRates> &rates(ReservedTerm term) const;
  bool operator==(const ReservedRates &) const = default;
};

// One value of a partial model object (a price change, an override): null,
// a flag, a number or a text.
using CardValue = std::variant<std::monostate, bool, double, std::string>;

// A leaf of a partial model object: `field` is a dotted path inside the
// model object ("on_demand.input_per_1m").
struct CardLeaf {
  std::string field;
  CardValue value;
  bool operator==(const CardLeaf &) const = default;
};

// Long-context pricing (docs/cost-model.md §11): a call whose mean input per call
// is above the threshold pays every input-side price times inputMultiplier
// and every output-side price times outputMultiplier.
struct LongContextPricing {
  double thresholdInputTokens = 0; // T, input tokens per call
  double inputMultiplier = 1;      // μ_in
  double outputMultiplier = 1;     // μ_out
  std::string note;
  bool operator==(const LongContextPricing &) const = default;
};

// A dated change of a model's prices (docs/cost-model.md §13.1): a partial model
// object merged onto the model from calendar month `effective` on.
struct DatedPriceChange {
  std::string effective; // YYYY-MM
  std::string note;      // what changes, as the card says ("launch promotion ends")
  std::string source;
  // Leaves under on_demand, batch, cache, tiers, long_context, provisioned
  // and reserved, in file order.
  std::vector<CardLeaf> fields;
  bool operator==(const DatedPriceChange &) const = default;
};

// A dated score from one public leaderboard (docs/ratecard.md): shown as a
// sourced figure, never as a verdict on a workload.
struct QualityScore {
  double score = 0;
  std::string scale;       // what the number means, e.g. an arena rating
  std::string leaderboard; // its name
  std::string date;        // YYYY-MM-DD of the leaderboard data
  std::string source;      // URL or repository@commit
  bool operator==(const QualityScore &) const = default;
};

struct ModelRates {
  std::string id;
  std::string name;
  std::string provider;
  std::string tier; // small | mid | premium | embedding (routing policy class)
  bool marketplace = false;
  TokenPrices onDemand;
  std::optional<TokenPrices> batch; // nullopt: no batch for this model
  std::optional<CachePrices> cache; // nullopt: no prompt caching
  std::optional<TierMultipliers> tiers;
  std::optional<ProvisionedRates> provisioned;
  std::optional<ReservedRates> reserved;
  std::optional<QualityScore> quality; // nullopt: the leaderboard does not list the model
  std::string source;
  std::string sourceDate;
  std::string note;
  std::optional<LongContextPricing> longContext;
  std::vector<DatedPriceChange> priceChanges; // as the card lists them
  std::string endOfLife; // YYYY-MM, the first month it no longer serves; empty: none
  std::string successor; // the model its traffic moves to from then on
  // The model as it stands from each distinct `effective` month of its
  // price changes on: the card's entry, the changes in force and the
  // scenario's overrides merged (docs/cost-model.md §13.3), earliest first.
  // Derived when a card is read or overridden (core/files/ratecardjson.h),
  // never written; a version's `inForceFrom` is its month (YYYY-MM) and
  // its own `versions` are empty.
  std::vector<ModelRates> versions;
  std::string inForceFrom;

  // Multiplier of a service tier; nullopt when the model does not offer it.
  std::optional<double> tierMultiplier(ServiceTier tier) const;
  bool ptCapable() const { return provisioned && provisioned->capable(); }
  bool operator==(const ModelRates &) const = default;
};

// A price of the bill beyond tokens (Guardrails, vector stores, AgentCore,
// Flows, Custom Model Import, Data Automation): kept with the card for the
// add-on meters (docs/ratecard.md, "Meters").
struct MeterRate {
  std::string kind; // stable id, e.g. "guardrails.content_filters"
  std::string name;
  std::string category;  // guardrails | knowledge_base | agentcore | flows | ...
  std::string unit;      // e.g. "1K text units", "OCU-hour"
  double usdPerUnit = 0; // USD per `unit`
  std::string source;
  std::string sourceDate;
  bool estimate = false; // not a published figure
  std::string note;
  bool operator==(const MeterRate &) const = default;
};

// An AWS Intelligent Prompt Routing router (docs/ratecard.md, "Prompt
// routers"): one endpoint over two models of one family that sends each
// request to the model it predicts answers well enough at the lower cost.
// It has no price of its own: each request is billed at the model that
// served it (docs/cost-model.md §20).
struct PromptRouter {
  std::string id;                  // as in the ARN's default-prompt-router/ID, e.g. "amazon.nova:1"
  std::string name;                // "Nova Prompt Router"
  std::vector<std::string> models; // the two card model ids, the smaller first
  std::string source;
  std::string sourceDate;
  std::string note;
  bool operator==(const PromptRouter &) const = default;
};

struct RateCard {
  int version = 1;  // the file's "version", written back as read
  std::string asOf; // ISO date YYYY-MM-DD the prices were checked
  std::string region;
  std::string currency = "USD";
  std::vector<std::string> notes;
  std::vector<ModelRates> models;
  std::vector<MeterRate> meters;
  std::vector<PromptRouter> promptRouters;

  const ModelRates *find(std::string_view id) const;
  const PromptRouter *findRouter(std::string_view id) const;
  bool operator==(const RateCard &) const = default;
};

std::string_view toString(PtTerm term);
std::string_view toString(ReservedTerm term);
std::string_view toString(ServiceTier tier);
// A term's length in months (docs/cost-model.md §13.6); 0 for no_commit,
// which has no term and can be deleted in any hour.
int termMonths(PtTerm term);
int termMonths(ReservedTerm term);
std::optional<PtTerm> ptTermFromString(std::string_view text);
std::optional<ReservedTerm> reservedTermFromString(std::string_view text);
std::optional<ServiceTier> serviceTierFromString(std::string_view text);

} // namespace bwi::core
