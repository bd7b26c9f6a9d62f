// The rate-card reader (core/files/ratecardjson.h): any bytes give a card or issues
// naming the place, and a card that reads cleanly round-trips exactly.
#include "tests/fuzz/fuzzcheck.h"

#include "core/common/jsonreader.h"
#include "core/common/jsonwriter.h"
#include "core/files/ratecardjson.h"

using namespace bwi::core;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, std::size_t size) {
  ValidationIssues issues;
  const auto json = parseJsonText(bwi::fuzz::asText(data, size), issues);
  BWI_FUZZ_CHECK(json.has_value() == issues.empty());
  if (!json)
    return 0;
  const RateCard card = readRateCard(*json, "", issues);
  for (const ValidationIssue &issue : issues)
    BWI_FUZZ_CHECK(!issue.message.empty());
  if (!issues.empty())
    return 0;

  const std::string written = prettyJson(rateCardToJson(card));
  ValidationIssues againIssues;
  const auto again = parseJsonText(written, againIssues);
  BWI_FUZZ_CHECK(again.has_value());
  const RateCard reread = readRateCard(*again, "", againIssues);
  if (!againIssues.empty()) {
    std::fprintf(stderr, "%s\n", formatIssues("rewritten", againIssues).c_str());
    BWI_FUZZ_CHECK(againIssues.empty());
  }
  BWI_FUZZ_CHECK(prettyJson(rateCardToJson(reread)) == written);
  return 0;
}
