# A chart export to a folder that does not exist: exit 1, a message naming
# the file, and neither the file nor its temporary ".part" left behind.
set(out "/nonexistent-folder/${CHART}.png")
execute_process(COMMAND "${EXE}" export "${SCENARIO}" --chart "${CHART}" --out "${out}"
  RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 1)
  message(FATAL_ERROR "expected exit 1, got ${status}: ${err}")
endif()
string(FIND "${err}" "${out}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the message does not name ${out}: ${err}")
endif()
if(EXISTS "${out}" OR EXISTS "${out}.part")
  message(FATAL_ERROR "a half-written file was left behind")
endif()
