#include "core/model/ratecarddiff.h"

#include "core/model/meterkinds.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace bwi::core {
namespace {

std::optional<double> reservedField(const std::optional<ReservedRates> &reserved, ReservedTerm term,
                                    bool output) {
  if (!reserved || !reserved->rates(term))
    return std::nullopt;
  const ReservedTermRates &rates = *reserved->rates(term);
  return output ? rates.outputPer1kTpmMonth : rates.inputPer1kTpmMonth;
}

bool samePrice(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(a));
}

} // namespace

const std::vector<std::string> &comparedPriceFields() {
  static const std::vector<std::string> fields{
      "on_demand.input_per_1m",
      "on_demand.output_per_1m",
      "batch.input_per_1m",
      "batch.output_per_1m",
      "cache.read_per_1m",
      "cache.write_per_1m",
      "cache.write_1h_per_1m",
      "tiers.priority",
      "tiers.flex",
      "provisioned.per_mu_hour.no_commit",
      "provisioned.per_mu_hour.one_month",
      "provisioned.per_mu_hour.six_month",
      "reserved.one_month.input_per_1k_tpm_month",
      "reserved.one_month.output_per_1k_tpm_month",
      "reserved.three_month.input_per_1k_tpm_month",
      "reserved.three_month.output_per_1k_tpm_month",
  };
  return fields;
}

std::optional<double> priceField(const ModelRates &model, const std::string &field) {
  if (field == "on_demand.input_per_1m")
    return model.onDemand.inputPer1m;
  if (field == "on_demand.output_per_1m")
    return model.onDemand.outputPer1m;
  if (field == "batch.input_per_1m")
    return model.batch ? std::optional(model.batch->inputPer1m) : std::nullopt;
  if (field == "batch.output_per_1m")
    return model.batch ? std::optional(model.batch->outputPer1m) : std::nullopt;
  if (field == "cache.read_per_1m")
    return model.cache ? std::optional(model.cache->readPer1m) : std::nullopt;
  if (field == "cache.write_per_1m")
    return model.cache ? model.cache->writePer1m : std::nullopt;
  if (field == "cache.write_1h_per_1m")
    return model.cache ? model.cache->write1hPer1m : std::nullopt;
  if (field == "tiers.priority")
    return model.tiers ? model.tiers->priority : std::nullopt;
  if (field == "tiers.flex")
    return model.tiers ? model.tiers->flex : std::nullopt;
  if (field.starts_with("provisioned.per_mu_hour.")) {
    if (!model.provisioned)
      return std::nullopt;
    const auto term = ptTermFromString(field.substr(24));
    return term ? model.provisioned->ratePerMuHour(*term) : std::nullopt;
  }
  if (field.starts_with("reserved.")) {
    const bool threeMonth = field.starts_with("reserved.three_month.");
    return reservedField(model.reserved,
                         threeMonth ? ReservedTerm::ThreeMonth : ReservedTerm::OneMonth,
                         field.find(".output_") != std::string::npos);
  }
  return std::nullopt;
}

bool isMultiplierField(const std::string &field) { return field.starts_with("tiers."); }

std::string formatFieldValue(const std::string &field, const std::optional<double> &value) {
  if (!value)
    return "none";
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, isMultiplierField(field) ? "×%.6g" : "$%.6g", *value);
  return buffer;
}

std::vector<PriceChange> diffRateCards(const RateCard &before, const RateCard &after) {
  std::vector<PriceChange> changes;
  for (const ModelRates &model : after.models) {
    const ModelRates *old = before.find(model.id);
    if (!old) {
      changes.push_back({model.id, "added", "", std::nullopt, std::nullopt,
                         model.name + (model.provider.empty() ? "" : ", " + model.provider)});
      continue;
    }
    for (const std::string &field : comparedPriceFields()) {
      const auto was = priceField(*old, field);
      const auto now = priceField(model, field);
      if (was.has_value() == now.has_value() && (!was || samePrice(*was, *now)))
        continue;
      changes.push_back({model.id, "changed", field, was, now, ""});
    }
  }
  for (const ModelRates &model : before.models)
    if (!after.find(model.id))
      changes.push_back({model.id, "gone", "", std::nullopt, std::nullopt,
                         model.name + " is not in the new card"});
  return changes;
}

std::vector<std::string> modelsUsedBy(const Scenario &scenario) {
  std::vector<std::string> used;
  std::set<std::string> seen;
  const auto add = [&](const std::string &id) {
    if (!id.empty() && seen.insert(id).second)
      used.push_back(id);
  };
  for (const Workload &workload : scenario.workloads) {
    for (const RoutingShare &share : workload.routing)
      add(share.modelId);
    // An exception path's target and the adequate set name card models too
    // (the file refuses an id the card lacks).
    if (workload.escalation)
      add(workload.escalation->to);
    for (const std::string &id : workload.adequateModels)
      add(id);
  }
  for (const ProvisionedCommitment &commitment : scenario.provisioned)
    add(commitment.modelId);
  for (const Reservation &reservation : scenario.reserved)
    add(reservation.modelId);
  for (const RateOverride &entry : scenario.ratecardOverrides)
    add(entry.modelId);
  return used;
}

RateCard carryMissingModels(RateCard card, const RateCard &previous, const Scenario &scenario,
                            std::vector<std::string> &carried) {
  // The used models, then the successors they retire into (docs/cost-model.md
  // §13.2): a carried model's traffic moves there at its end of life.
  std::vector<std::string> needed = modelsUsedBy(scenario);
  for (std::size_t i = 0; i < needed.size(); ++i) {
    const ModelRates *model = card.find(needed[i]);
    if (!model)
      model = previous.find(needed[i]);
    if (model && !model->successor.empty() &&
        std::find(needed.begin(), needed.end(), model->successor) == needed.end())
      needed.push_back(model->successor);
  }
  for (const std::string &id : needed) {
    if (card.find(id))
      continue;
    const ModelRates *old = previous.find(id);
    if (!old)
      continue;
    ModelRates model = *old;
    model.onDemand.estimate = true;
    const std::string why =
        "Not offered in " + (card.region.empty() ? "this region" : card.region) + " (card as of " +
        card.asOf + "): priced as in the " +
        (previous.region.empty() ? "previous" : previous.region) + " card as of " + previous.asOf +
        "; route its traffic to a model of this region or confirm the price.";
    model.note = model.note.empty() ? why : why + " " + model.note;
    model.source = "carried over from the " + previous.region + " card as of " + previous.asOf;
    card.models.push_back(std::move(model));
    carried.push_back(id);
  }
  // Meters priced by the card (no typed rate) keep the previous card's rate
  // where this one has none: a Price List region card carries no meters.
  for (const Workload &workload : scenario.workloads)
    for (const MeterUse &meter : workload.meters) {
      if (meter.usdPerUnit || meter.kind.empty() || findMeterRate(card, meter.kind))
        continue;
      const MeterRate *old = findMeterRate(previous, meter.kind);
      if (!old)
        continue;
      MeterRate rate = *old;
      rate.estimate = true;
      const std::string why = "Not in the " + (card.region.empty() ? "new" : card.region) +
                              " card: priced as in the " +
                              (previous.region.empty() ? "previous" : previous.region) +
                              " card as of " + previous.asOf + ".";
      rate.note = rate.note.empty() ? why : why + " " + rate.note;
      card.meters.push_back(std::move(rate));
      carried.push_back(meter.kind);
    }
  return card;
}

} // namespace bwi::core
