#pragma once

#include "core/common/jsonreader.h"
#include "core/model/ratecard.h"

// The rate-card file form of docs/scenario-format.md.
namespace bwi::core {

inline constexpr const char *kRateCardFormat = "bedrock-whatif-ratecard";
// The newest card version read; a card is written back with its own version.
inline constexpr int kRateCardVersion = 2;
// More models than any card lists (the built-in one has about 130); beyond
// it a hostile file would only make a long list of errors.
inline constexpr std::size_t kMaxRateCardModels = 10000;

// Reads a rate card object found at `path` ("" for a file of its own,
// "ratecard" when inline in a scenario); problems go to `issues`.
RateCard readRateCard(const Json &json, const std::string &path, ValidationIssues &issues);

// Reads one model object (also used to re-read a model after overrides).
ModelRates readModelRates(const Json &json, const std::string &path, ValidationIssues &issues);

Json rateCardToJson(const RateCard &card);
// The model as a card lists it: its price changes as written, not its
// derived `versions`.
Json modelRatesToJson(const ModelRates &model);

// The model's versions (ModelRates::versions): `base` (the card's entry,
// before any override), then `changes` in order of `effective`, each
// checked where it comes in (issues at changesPath[j] to `changeIssues`),
// then `overrides` on each month's result (issues at `overridesPath` to
// `overrideIssues`). Empty when a change or an override does not read.
std::vector<ModelRates>
priceVersions(const ModelRates &base, const std::vector<DatedPriceChange> &changes,
              const std::vector<CardLeaf> &overrides, const std::string &changesPath,
              const std::string &overridesPath, ValidationIssues &changeIssues,
              ValidationIssues &overrideIssues);

} // namespace bwi::core
