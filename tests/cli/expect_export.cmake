# Runs EXE export SCENARIO --chart CHART --out OUT and checks the file for
# real: PNG signature and pixel size, SVG with text as text, PDF header and
# (with pdfinfo) one page. TITLE: the chart's title; EXTRA: more arguments.
include("${CMAKE_CURRENT_LIST_DIR}/checkpdf.cmake")
file(REMOVE "${OUT}")
execute_process(COMMAND "${EXE}" export "${SCENARIO}" --chart "${CHART}" --out "${OUT}" ${EXTRA}
  RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "export exited ${status}: ${err}")
endif()
if(OUT MATCHES "\\.png$")
  file(READ "${OUT}" header LIMIT 24 HEX)
  string(SUBSTRING "${header}" 0 16 signature)
  string(SUBSTRING "${header}" 32 8 width)
  string(SUBSTRING "${header}" 40 8 height)
  if(NOT signature STREQUAL "89504e470d0a1a0a")
    message(FATAL_ERROR "not a PNG: ${header}")
  endif()
  # 1200 x 675 at a device pixel ratio of 2.
  if(NOT width STREQUAL "00000960" OR NOT height STREQUAL "00000546")
    message(FATAL_ERROR "PNG is 0x${width} x 0x${height}, expected 2400 x 1350")
  endif()
elseif(OUT MATCHES "\\.svg$")
  # Parsed as XML, the title and the footer as text elements.
  execute_process(COMMAND python3 "${CMAKE_CURRENT_LIST_DIR}/check_svg.py" "${OUT}" "${TITLE}"
    RESULT_VARIABLE svg_status OUTPUT_VARIABLE svg_report)
  if(NOT svg_status EQUAL 0)
    message(FATAL_ERROR "${svg_report}")
  endif()
elseif(OUT MATCHES "\\.pdf$")
  check_pdf("${OUT}" 1 1)
endif()
