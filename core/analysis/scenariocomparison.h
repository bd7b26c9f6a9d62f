#pragma once

#include "core/analysis/leverattribution.h"
#include "core/cost/evaluation.h"
#include "core/model/ratecard.h"
#include "core/model/scenario.h"

#include <optional>
#include <string>
#include <vector>

// Two to four scenarios side by side: their key figures with the differences
// against the first (the baseline), and for each other one the lever
// attribution from the baseline to it. Money in USD per month unless a
// figure says otherwise.
namespace bwi::core {

inline constexpr std::size_t kMaxComparedScenarios = 4;

struct ComparisonInput {
  std::string label; // the column heading: the scenario's name or file
  Scenario scenario;
  RateCard card; // overrides applied
};

enum class FigureUnit { Usd, UsdPer1kRequests, UsdPer1mTokens, Count, Share };
// Which way a difference from the baseline is good news: a cost down, a
// private-pricing discount up; a count of requests is neither.
enum class Favourable { Lower, Higher, Neither };

struct FigureRow {
  std::string key;   // JSON name, e.g. "net_usd"
  std::string label; // "Net cost this month"
  FigureUnit unit = FigureUnit::Usd;
  // One per scenario; nullopt where the figure does not apply (no PT, no requests).
  std::vector<std::optional<double>> values;
  // Against the baseline: nullopt for the baseline itself and where either is missing.
  std::vector<std::optional<double>> differences;
  std::vector<std::optional<double>> relativeDifferences; // difference / baseline, baseline ≠ 0
  Favourable favourable = Favourable::Lower;
};

struct Comparison {
  int month = 0;
  int forecastMonths = 0; // of the baseline: the horizon of the forecast total
  std::vector<std::string> labels;
  std::vector<FigureRow> rows;
  std::vector<ModeBreakdown> netModes; // per scenario, for the side-by-side chart
  // attributions[i] goes from the baseline to scenario i + 1.
  std::vector<LeverAttribution> attributions;
};

// `inputs` holds 2 to kMaxComparedScenarios valid scenarios; the first is the baseline.
Comparison compareScenarios(const std::vector<ComparisonInput> &inputs, int month);

} // namespace bwi::core
