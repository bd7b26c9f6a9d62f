# Runs EXE report SCENARIO --out OUT and reads the pack's text with PDFTOTEXT:
# the optimizer's page names each change's quality rule and lists each
# workload's exception path with its rate and the rate e* it stops paying at.
# EXPECT: regular expressions the text (whitespace folded to one space) must match.
file(REMOVE "${OUT}")
execute_process(COMMAND "${EXE}" report "${SCENARIO}" --out "${OUT}"
  RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "report exited ${status}: ${err}")
endif()
execute_process(COMMAND "${PDFTOTEXT}" "${OUT}" - OUTPUT_VARIABLE text RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "pdftotext exited ${status}")
endif()
string(ASCII 12 formfeed)
string(ASCII 9 tab)
string(REPLACE "\n" " " text "${text}")
string(REPLACE "${formfeed}" " " text "${text}")
string(REPLACE "${tab}" " " text "${text}")
string(REGEX REPLACE "  +" " " text "${text}")
foreach(expected IN LISTS EXPECT)
  if(NOT text MATCHES "${expected}")
    message(FATAL_ERROR "the pack's text does not match \"${expected}\":\n${text}")
  endif()
endforeach()
