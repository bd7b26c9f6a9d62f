#pragma once

#include "core/import/inputfiles.h"
#include "core/import/usageimport.h"
#include "core/model/ratecard.h"

#include <optional>
#include <string>

// Bedrock model-invocation logs (JSON lines, plain or gzip, as delivered to
// S3 or CloudWatch Logs): requests and tokens per (group, model, tier).
namespace bwi::core {

struct InvocationLogOptions {
  // A dotted path into each record ("requestMetadata.team"); nullopt groups
  // by the IAM role of identity.arn.
  std::optional<std::string> groupBy;
  unsigned threads = 0;       // 0: one per hardware thread
  std::size_t blockBytes = 0; // 0: the scan's default unit of work
  ImportControl *control = nullptr;
};

UsageImport importInvocationLogs(const std::vector<InputFile> &files, const RateCard &card,
                                 const InvocationLogOptions &options);

// The role of an IAM identity ARN ("…:assumed-role/app-role/session" → "app-role");
// the resource part for other principals ("user/alice").
std::string_view roleOfArn(std::string_view arn);

} // namespace bwi::core
