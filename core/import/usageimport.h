#pragma once

#include "core/import/importtally.h"
#include "core/import/usagegroups.h"

#include <optional>
#include <vector>

namespace bwi::core {

// What an import of measured traffic gives (invocation logs, CloudWatch,
// hourly CSV): groups, or a failure that stopped the whole import.
struct UsageImport {
  std::optional<ImportFailure> failure;
  ImportTally tally;
  std::vector<UsageGroup> groups;
};

} // namespace bwi::core
