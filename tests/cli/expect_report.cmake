# Runs EXE report SCENARIO --out OUT: a PDF of at least eight A4 landscape
# pages (title, summary, five charts, the tables); an unwritable folder fails
# with exit 1 and leaves no file.
file(REMOVE "${OUT}")
execute_process(COMMAND "${EXE}" report "${SCENARIO}" --out "${OUT}"
  RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "report exited ${status}: ${err}")
endif()
file(READ "${OUT}" header LIMIT 5 HEX)
if(NOT header STREQUAL "255044462d") # "%PDF-"
  message(FATAL_ERROR "not a PDF: ${header}")
endif()
find_program(PDFINFO pdfinfo)
if(PDFINFO)
  execute_process(COMMAND "${PDFINFO}" "${OUT}" OUTPUT_VARIABLE info)
  string(REGEX MATCH "Pages: +([0-9]+)" pages "${info}")
  if(CMAKE_MATCH_1 LESS 8)
    message(FATAL_ERROR "only ${CMAKE_MATCH_1} pages:\n${info}")
  endif()
  if(NOT info MATCHES "842 x 595 pts")
    message(FATAL_ERROR "not A4 landscape:\n${info}")
  endif()
endif()
set(unwritable "/nonexistent-folder/pack.pdf")
execute_process(COMMAND "${EXE}" report "${SCENARIO}" --out "${unwritable}"
  RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 1 OR EXISTS "${unwritable}" OR EXISTS "${unwritable}.part")
  message(FATAL_ERROR "an unwritable folder: exit ${status}, ${err}")
endif()
