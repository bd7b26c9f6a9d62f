# Runs EXE evaluate SCENARIO --json and checks the fields of
# docs/scenario-format.md with CMake's own JSON reader.
execute_process(COMMAND "${EXE}" evaluate "${SCENARIO}" --json
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "exit ${status}: ${err}")
endif()
foreach(key scenario month ratecard_as_of gross_usd discount_usd net_usd by_mode by_model
        by_workload by_team tokens requests provisioned reserved sizing commit_retired_usd
        calendar_month long_context escalations warnings)
  string(JSON value ERROR_VARIABLE missing GET "${out}" ${key})
  if(missing)
    message(FATAL_ERROR "evaluate --json lacks ${key}")
  endif()
endforeach()
string(JSON net GET "${out}" net_usd)
message(STATUS "net_usd = ${net}")
