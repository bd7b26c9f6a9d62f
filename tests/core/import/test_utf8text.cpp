#include "core/files/ratecardjson.h"
#include "core/files/scenariofile.h"
#include "core/files/scenariovalidation.h"
#include "core/import/billimport.h"
#include "core/import/cloudwatch.h"
#include "core/import/hourlycsv.h"
#include "core/import/importscenario.h"
#include "core/import/invocationlogs.h"
#include "core/import/modelidentity.h"
#include "core/import/pricelist.h"
#include "core/import/usagetype.h"
#include "core/import/utf8text.h"
#include "tests/core/import/importtestsupport.h"
#include "tests/core/testsupport.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace bwi;
using bwi::test::importDataPath;
using bwi::test::inputs;
using bwi::test::near;

TEST_CASE("Bytes that are not UTF-8 become U+FFFD, valid text stays", "[core][import]") {
  CHECK(core::validUtf8("plain") == "plain");
  CHECK(core::validUtf8("\xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x99\x82") ==
        "\xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x99\x82");
  CHECK(core::validUtf8("a\xFF"
                        "b") == "a\xEF\xBF\xBD"
                                "b");
  CHECK(core::validUtf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD"); // overlong '/'
  CHECK(core::validUtf8("\xE6\x9D") == "\xEF\xBF\xBD\xEF\xBF\xBD"); // cut short
}
