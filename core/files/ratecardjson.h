#pragma once

#include "core/common/jsonreader.h"
#include "core/model/ratecard.h"

// The rate-card file form of docs/scenario-format.md.
namespace bwi::core {

inline constexpr const char *kRateCardFormat = "bedrock-whatif-ratecard";
inline constexpr int kRateCardVersion = 1;
// More models than any card lists (the built-in one has about 130); beyond
// it a hostile file would only make a long list of errors.
inline constexpr std::size_t kMaxRateCardModels = 10000;

// Reads a rate card object found at `path` ("" for a file of its own,
// "ratecard" when inline in a scenario); problems go to `issues`.
RateCard readRateCard(const Json &json, const std::string &path, ValidationIssues &issues);

// Reads one model object (also used to re-read a model after overrides).
ModelRates readModelRates(const Json &json, const std::string &path, ValidationIssues &issues);

Json rateCardToJson(const RateCard &card);
Json modelRatesToJson(const ModelRates &model);

} // namespace bwi::core
