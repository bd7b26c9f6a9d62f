# Runs EXE report SCENARIO --out OUT: a PDF of at least eight A4 landscape
# pages (title, summary, five charts, the tables); an unwritable folder fails
# with exit 1 and leaves no file.
include("${CMAKE_CURRENT_LIST_DIR}/checkpdf.cmake")
file(REMOVE "${OUT}")
execute_process(COMMAND "${EXE}" report "${SCENARIO}" --out "${OUT}"
  RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "report exited ${status}: ${err}")
endif()
check_pdf("${OUT}" 8 40)
if(PDF_INFO AND NOT PDF_INFO MATCHES "842 x 595 pts")
  message(FATAL_ERROR "not A4 landscape:\n${PDF_INFO}")
endif()
set(unwritable "/nonexistent-folder/pack.pdf")
execute_process(COMMAND "${EXE}" report "${SCENARIO}" --out "${unwritable}"
  RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 1 OR EXISTS "${unwritable}" OR EXISTS "${unwritable}.part")
  message(FATAL_ERROR "an unwritable folder: exit ${status}, ${err}")
endif()
