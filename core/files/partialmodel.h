#pragma once

#include "core/common/jsonreader.h"
#include "core/model/ratecard.h"

#include <string>
#include <string_view>
#include <vector>

// Partial model objects as leaves: how `ratecard_overrides` and a card's
// `price_changes` are kept (so each changed price can be named) and merged
// onto a model ("objects merge recursively, any other value replaces",
// docs/scenario-format.md).
namespace bwi::core {

// Appends the leaves of `value` under `field` ("" at the top). Arrays and
// non-finite numbers are issues at `path`. `emptyObjectIsNull`: an empty
// object is a leaf that clears the field (overrides) rather than no change
// (price changes, a deep merge).
void flattenPartial(const Json &value, const std::string &field, const std::string &path,
                    bool emptyObjectIsNull, std::vector<CardLeaf> &out, ValidationIssues &issues);

Json cardValueToJson(const CardValue &value);

// Sets `field` (dotted) of a JSON object, creating objects on the way
// (a leaf inside a null block creates it).
void setLeaf(Json &object, std::string_view field, const Json &value);

// The leaves as one nested object, in their order.
Json leavesToJson(const std::vector<CardLeaf> &leaves);

} // namespace bwi::core
