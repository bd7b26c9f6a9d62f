#include "core/report/comparisonjson.h"

#include "core/common/jsonwriter.h"

namespace bwi::core {
namespace {

std::string_view unitName(FigureUnit unit) {
  switch (unit) {
  case FigureUnit::Usd:
    return "usd";
  case FigureUnit::UsdPer1kRequests:
    return "usd_per_1k_requests";
  case FigureUnit::UsdPer1mTokens:
    return "usd_per_1m_tokens";
  case FigureUnit::Count:
    return "count";
  case FigureUnit::Share:
    return "share";
  }
  return "usd";
}

} // namespace

Json leverAttributionToJson(const LeverAttribution &attribution, const std::string &fromLabel,
                            const std::string &toLabel) {
  Json order = Json::array();
  for (AttributionStep lever : kAttributionOrder)
    order.push_back(attributionLeverKey(lever));
  Json bars = Json::array();
  for (const LeverBar &bar : attribution.bars) {
    Json levers = Json::array();
    for (AttributionStep lever : bar.levers)
      levers.push_back(attributionLeverKey(lever));
    bars.push_back({{"levers", levers},
                    {"label", bar.label},
                    {"delta_usd", bar.deltaUsd},
                    {"running_usd", bar.runningUsd}});
  }
  return {{"from", fromLabel},
          {"to", toLabel},
          {"month", attribution.month},
          {"baseline_net_usd", attribution.baselineNetUsd},
          {"compared_net_usd", attribution.comparedNetUsd},
          {"difference_usd", attribution.differenceUsd()},
          {"order", order},
          {"bars", bars}};
}

Json comparisonToJson(const Comparison &comparison) {
  Json figures = Json::array();
  for (const FigureRow &row : comparison.rows) {
    Json values = Json::array(), differences = Json::array(), relative = Json::array();
    for (std::size_t i = 0; i < row.values.size(); ++i) {
      values.push_back(orNull(row.values[i]));
      differences.push_back(orNull(row.differences[i]));
      relative.push_back(orNull(row.relativeDifferences[i]));
    }
    figures.push_back({{"key", row.key},
                       {"label", row.label},
                       {"unit", unitName(row.unit)},
                       {"values", values},
                       {"differences", differences},
                       {"relative_differences", relative}});
  }
  Json waterfalls = Json::array();
  for (std::size_t i = 0; i < comparison.attributions.size(); ++i)
    waterfalls.push_back(leverAttributionToJson(
        comparison.attributions[i], comparison.labels.front(), comparison.labels[i + 1]));
  return {{"month", comparison.month},
          {"scenarios", comparison.labels},
          {"figures", figures},
          {"waterfalls", waterfalls}};
}

Json proposedChangesToJson(const std::vector<ProposedChange> &changes) {
  Json list = Json::array();
  for (const ProposedChange &change : changes) {
    Json entry = {{"change", change.text},
                  {"workload", change.workloadId.empty() ? Json(nullptr) : Json(change.workloadId)},
                  {"rule", toString(change.rule)},
                  {"rule_text", change.ruleText},
                  {"saving_usd", change.savingUsd}};
    if (const auto &escalation = change.escalation)
      entry["escalation"] = {{"to", escalation->to},
                             {"rate", escalation->rate},
                             {"rate_source", toString(escalation->rateSource)},
                             {"break_even_rate", orNull(escalation->breakEvenRate)}};
    if (const auto &router = change.router) {
      Json split = Json::object();
      for (const RoutingShare &share : router->split)
        split[share.modelId] = share.share;
      entry["prompt_router"] = {
          {"id", router->id}, {"split", split}, {"split_source", toString(router->splitSource)}};
    }
    if (!change.caveat.empty())
      entry["caveat"] = change.caveat;
    list.push_back(std::move(entry));
  }
  return list;
}

Json proposalToJson(const OptimizedProposal &proposal, const LeverAttribution &attribution) {
  return {{"name", proposal.scenario.name},
          {"changes", proposedChangesToJson(proposal.changes)},
          {"waterfall", leverAttributionToJson(attribution, "baseline", proposal.scenario.name)}};
}

} // namespace bwi::core
