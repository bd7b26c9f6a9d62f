#pragma once

#include <string>
#include <vector>

// What an estate really spent, as a bill reports it: the actual side of plan
// against actual (docs/cost-model.md §17). Plain values; the importers fill
// them (core/import/billactuals.h). Money in USD, tokens per month.
namespace bwi::core {

struct ActualLine {
  std::string month; // YYYY-MM
  std::string model; // the rate card's id, or the bill's product name
  std::string usage; // input, output, cache_read, cache_write, provisioned, reserved, other
  std::string key;   // the team (or other show-back key) when the bill carries one, else ""
  double costUsd = 0;
  double tokens = 0; // token kinds only
};

struct ActualSpend {
  std::vector<ActualLine> lines;
  double discountUsd = 0; // the bill's discount lines over all its months, a positive amount
};

} // namespace bwi::core
