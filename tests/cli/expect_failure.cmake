# Runs EXE evaluate SCENARIO; passes when it exits EXPECTED_STATUS and stderr
# names the scenario file.
execute_process(COMMAND "${EXE}" evaluate "${SCENARIO}"
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL EXPECTED_STATUS)
  message(FATAL_ERROR "expected exit ${EXPECTED_STATUS}, got ${status}\n${err}")
endif()
string(FIND "${err}" "${SCENARIO}: " at)
if(at EQUAL -1)
  message(FATAL_ERROR "the message does not name ${SCENARIO}:\n${err}")
endif()
if(NOT out STREQUAL "")
  message(FATAL_ERROR "nothing belongs on stdout for invalid input:\n${out}")
endif()
message(STATUS "${err}")
