#include "core/import/importrequest.h"

#include "core/import/cloudwatch.h"
#include "core/import/hourlycsv.h"
#include "core/import/inputfiles.h"
#include "core/import/invocationlogs.h"

namespace bwi::core {

const ImportTally &ImportOutcome::tally() const {
  switch (kind) {
  case ImportKind::Cur:
  case ImportKind::Focus:
    return bill.tally;
  case ImportKind::PriceList:
    return priceList.tally;
  default:
    return usage.tally;
  }
}

ImportOutcome runImport(const ImportRequest &request, const RateCard &card,
                        ImportControl *control) {
  ImportOutcome outcome;
  outcome.kind = request.kind;
  std::string error;
  const auto files = expandInputFiles(request.paths, error);
  if (!files) {
    outcome.failure = ImportFailure{error};
    return outcome;
  }
  switch (request.kind) {
  case ImportKind::InvocationLogs: {
    InvocationLogOptions options;
    options.groupBy = request.groupBy;
    options.threads = request.threads;
    options.control = control;
    outcome.usage = importInvocationLogs(*files, card, options);
    outcome.failure = outcome.usage.failure;
    break;
  }
  case ImportKind::CloudWatch: {
    CloudWatchOptions options;
    options.control = control;
    if (request.queriesPath) {
      const auto queries = expandInputFiles({*request.queriesPath}, error);
      if (!queries || queries->size() != 1) {
        outcome.failure = ImportFailure{queries ? *request.queriesPath + ": not a file" : error};
        return outcome;
      }
      options.queries = queries->front();
    }
    outcome.usage = importCloudWatch(*files, card, options);
    outcome.failure = outcome.usage.failure;
    if (!outcome.failure)
      outcome.sizing = sizeMeasuredLoad(outcome.usage.groups, card, request.floorPercentile, 730);
    break;
  }
  case ImportKind::HourlyCsv:
    outcome.usage = importHourlyCsv(*files, card, control);
    outcome.failure = outcome.usage.failure;
    break;
  case ImportKind::Cur:
  case ImportKind::Focus: {
    BillReadOptions options;
    options.threads = request.threads;
    options.groupBy = request.groupBy;
    outcome.bill = importBill(request.kind, *files, card, control, options);
    outcome.failure = outcome.bill.failure;
    break;
  }
  case ImportKind::PriceList:
    outcome.priceList = importPriceList(*files, card, PriceListOptions{request.region});
    outcome.failure = outcome.priceList.failure;
    break;
  }
  if (!outcome.failure && control && control->cancelled())
    outcome.failure = ImportFailure{"import cancelled", true};
  return outcome;
}

} // namespace bwi::core
