#include "core/model/meterkinds.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace bwi::core {
namespace {

constexpr double kCharactersPerToken = 4;
constexpr double kCharactersPerTextUnit = 1000;

double textUnits(double tokens) {
  return std::ceil(tokens * kCharactersPerToken / kCharactersPerTextUnit);
}

bool isKnowledgeBaseStore(std::string_view kind) {
  return kind == kOpenSearchOcuHours || kind == kOpenSearchStorage || kind == kS3VectorsStorage ||
         kind == kS3VectorsQueries || kind == kS3VectorsPut;
}

} // namespace

const MeterRate *findMeterRate(const RateCard &card, std::string_view kind) {
  for (const MeterRate &meter : card.meters)
    if (meter.kind == kind)
      return &meter;
  return nullptr;
}

const MeterUse *findMeter(const Workload &workload, std::string_view kind) {
  for (const MeterUse &meter : workload.meters)
    if (meter.kind == kind)
      return &meter;
  return nullptr;
}

MeterUse *findMeter(Workload &workload, std::string_view kind) {
  return const_cast<MeterUse *>(findMeter(std::as_const(workload), kind));
}

double guardrailKiloTextUnitsPerRequest(const TokenShape &tokens) {
  return tokens.callsPerRequest *
         (textUnits(tokens.user + tokens.history) + textUnits(tokens.output)) / 1000;
}

void setGuardrailPolicy(Workload &workload, std::string_view kind, bool on) {
  if (!on) {
    std::erase_if(workload.meters, [&](const MeterUse &meter) { return meter.kind == kind; });
    return;
  }
  MeterUse *meter = findMeter(workload, kind);
  if (!meter) {
    workload.meters.push_back({std::string(kind), 0, 0, std::nullopt, "", "", ""});
    meter = &workload.meters.back();
  }
  meter->perRequest = guardrailKiloTextUnitsPerRequest(workload.tokens);
}

std::string_view toString(VectorStore store) {
  switch (store) {
  case VectorStore::OpenSearchServerless:
    return "opensearch_serverless";
  case VectorStore::S3Vectors:
    return "s3_vectors";
  case VectorStore::None:
    break;
  }
  return "none";
}

std::optional<VectorStore> vectorStoreFromString(std::string_view text) {
  for (VectorStore store :
       {VectorStore::None, VectorStore::OpenSearchServerless, VectorStore::S3Vectors})
    if (toString(store) == text)
      return store;
  return std::nullopt;
}

VectorStore vectorStoreOf(const Workload &workload) {
  if (findMeter(workload, kOpenSearchOcuHours))
    return VectorStore::OpenSearchServerless;
  if (findMeter(workload, kS3VectorsStorage) || findMeter(workload, kS3VectorsQueries))
    return VectorStore::S3Vectors;
  return VectorStore::None;
}

void setVectorStore(Workload &workload, VectorStore store, double hoursPerMonth) {
  double storedGb = 0;
  for (std::string_view kind : {kOpenSearchStorage, kS3VectorsStorage})
    if (const MeterUse *storage = findMeter(workload, kind))
      storedGb = std::max(storedGb, storage->perMonth);
  std::erase_if(workload.meters,
                [](const MeterUse &meter) { return isKnowledgeBaseStore(meter.kind); });
  switch (store) {
  case VectorStore::OpenSearchServerless:
    workload.meters.push_back({std::string(kOpenSearchOcuHours), 0,
                               kOpenSearchFloorOcus * hoursPerMonth, std::nullopt, "", "",
                               "floor: 2 OCUs every hour"});
    workload.meters.push_back(
        {std::string(kOpenSearchStorage), 0, storedGb, std::nullopt, "", "", ""});
    break;
  case VectorStore::S3Vectors:
    workload.meters.push_back(
        {std::string(kS3VectorsStorage), 0, storedGb, std::nullopt, "", "", ""});
    workload.meters.push_back({std::string(kS3VectorsQueries),
                               workload.tokens.callsPerRequest / 1000, 0, std::nullopt, "", "",
                               "one query per call"});
    break;
  case VectorStore::None:
    break;
  }
}

} // namespace bwi::core
