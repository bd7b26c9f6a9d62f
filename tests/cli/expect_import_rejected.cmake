# Runs EXE import invocation-logs FILE for a FILE of another kind: exit 1,
# nothing on stdout, a message naming the file and what was expected.
execute_process(COMMAND "${EXE}" import invocation-logs "${FILE}" --json
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 1)
  message(FATAL_ERROR "expected exit 1, got ${status}\n${err}")
endif()
string(FIND "${err}" "${FILE}: not a Bedrock model-invocation log: expected" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the message does not name the file and what was expected:\n${err}")
endif()
if(NOT out STREQUAL "")
  message(FATAL_ERROR "nothing belongs on stdout for a rejected file:\n${out}")
endif()
