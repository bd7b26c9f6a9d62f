#pragma once

#include "core/import/inputfiles.h"
#include "core/import/usageimport.h"
#include "core/model/ratecard.h"

#include <string>
#include <vector>

// The hourly CSV (docs/importing.md): measured traffic pre-aggregated by
// hour, one row per hour, group key, model and tier. Athena or DuckDB
// writes it from terabytes of logs; `import hourly-csv` reads it and
// `import … --out FILE.csv` writes it.
//
//   hour,key,model,tier,requests,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens
//   2026-11-25T14:00:00Z,search,us.amazon.nova-pro-v1:0,standard,120,150000,30000,0,0
//
// `key` empty: no group key. `model` as invoked, the card's id, or a name as
// bills write it ("NovaPro", "Claude Sonnet 4.5"), normalized on import; `tier` empty: from the
// model id's suffix, else standard.
namespace bwi::core {

inline constexpr const char *kHourlyCsvHeader =
    "hour,key,model,tier,requests,input_tokens,output_tokens,cache_read_tokens,cache_write_tokens";

UsageImport importHourlyCsv(const std::vector<InputFile> &files, const RateCard &card,
                            ImportControl *control = nullptr);

std::string hourlyCsv(const std::vector<UsageGroup> &groups);

} // namespace bwi::core
