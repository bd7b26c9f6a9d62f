#pragma once

#include "core/model/ratecard.h"
#include "core/model/scenario.h"

#include <array>
#include <string_view>

// The meter kinds the window's levers know by name (the card's own ids) and
// the edits those levers make (docs/cost-model.md §18).
// Quantities are in the card's units for each kind.
namespace bwi::core {

// Guardrail policies, each metered separately per 1,000 text units.
inline constexpr std::string_view kGuardrailContentFilters = "guardrails.content_filters";
inline constexpr std::string_view kGuardrailDeniedTopics = "guardrails.denied_topics";
inline constexpr std::string_view kGuardrailWordFilters = "guardrails.word_filters";
inline constexpr std::string_view kGuardrailSensitiveInformation =
    "guardrails.sensitive_information";
inline constexpr std::string_view kGuardrailContextualGrounding = "guardrails.contextual_grounding";
inline constexpr std::array<std::string_view, 5> kGuardrailPolicyKinds = {
    kGuardrailContentFilters, kGuardrailDeniedTopics, kGuardrailWordFilters,
    kGuardrailSensitiveInformation, kGuardrailContextualGrounding};

// Knowledge-base vector stores.
inline constexpr std::string_view kOpenSearchOcuHours = "knowledge_base.opensearch_serverless_ocu";
inline constexpr std::string_view kOpenSearchStorage =
    "knowledge_base.opensearch_serverless_storage";
inline constexpr std::string_view kS3VectorsStorage = "knowledge_base.s3_vectors_storage";
inline constexpr std::string_view kS3VectorsQueries = "knowledge_base.s3_vectors_queries";
inline constexpr std::string_view kS3VectorsPut = "knowledge_base.s3_vectors_put";
// An OpenSearch Serverless collection's floor: one indexing and one search
// OCU, billed every hour whatever the traffic.
inline constexpr double kOpenSearchFloorOcus = 2;

// AgentCore runtime.
inline constexpr std::string_view kAgentCoreRuntimeVcpu = "agentcore.runtime_vcpu";
inline constexpr std::string_view kAgentCoreRuntimeMemory = "agentcore.runtime_memory";

// The card's rate for a kind; nullptr when the card has none.
const MeterRate *findMeterRate(const RateCard &card, std::string_view kind);

// The workload's meter of a kind; nullptr when it has none.
const MeterUse *findMeter(const Workload &workload, std::string_view kind);
MeterUse *findMeter(Workload &workload, std::string_view kind);

// The text Guardrails checks for one request, in the card's unit (1,000 text
// units; a text unit is up to 1,000 characters): on each call the
// conversation going in (the user's message and the history) and the output
// coming back, each rounded up to whole text units, at 4 characters a token.
// The system prompt, retrieved chunks and tool results are not checked: a
// Converse or RetrieveAndGenerate call with a guardrail checks the user's
// turn and the answer.
double guardrailKiloTextUnitsPerRequest(const TokenShape &tokens);

// Turns a Guardrails policy on (its meter's per-request quantity set to the
// text units above, any other figure of an existing meter kept) or off (its
// meter removed).
void setGuardrailPolicy(Workload &workload, std::string_view kind, bool on);

enum class VectorStore { None, OpenSearchServerless, S3Vectors };
std::string_view toString(VectorStore store); // "none", "opensearch_serverless", "s3_vectors"
std::optional<VectorStore> vectorStoreFromString(std::string_view text);

// The vector store a workload's meters describe: OpenSearch Serverless when
// it has an OCU meter, S3 Vectors when it has an S3 Vectors meter, else none.
VectorStore vectorStoreOf(const Workload &workload);

// Replaces the workload's knowledge-base meters with those of `store`:
// OpenSearch Serverless its floor of 2 OCUs every hour (2 × hoursPerMonth
// OCU-hours a month) and its storage; S3 Vectors its storage and one query
// per call. The stored GB carry over from one store to the other.
void setVectorStore(Workload &workload, VectorStore store, double hoursPerMonth);

} // namespace bwi::core
