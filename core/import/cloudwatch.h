#pragma once

#include "core/import/inputfiles.h"
#include "core/import/usageimport.h"
#include "core/model/ratecard.h"

#include <optional>
#include <string>
#include <vector>

// CloudWatch metrics of namespace AWS/Bedrock: the JSON output of
// `aws cloudwatch get-metric-data` (one or many pages) and the CSV a console
// export gives (a timestamp column, then one column per series). A series
// is named by its label "MODEL_ID METRIC_NAME" (the dynamic label
// `${PROP('Dim.ModelId')} ${PROP('MetricName')}`), or by its Id through the
// queries file given to --metric-data-queries. Invocations, InputTokenCount,
// OutputTokenCount, CacheReadInputTokenCount and CacheWriteInputTokenCount
// are read at any period; a period above an hour is spread evenly over its hours.
namespace bwi::core {

struct CloudWatchOptions {
  std::optional<InputFile> queries; // the --metric-data-queries JSON
  ImportControl *control = nullptr;
};

UsageImport importCloudWatch(const std::vector<InputFile> &files, const RateCard &card,
                             const CloudWatchOptions &options);

} // namespace bwi::core
