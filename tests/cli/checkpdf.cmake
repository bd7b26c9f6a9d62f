# check_pdf(FILE MIN_PAGES MAX_PAGES): a PDF header and, where pdfinfo is
# installed, a page count in range. Sets PDF_INFO to pdfinfo's output.
function(check_pdf file min_pages max_pages)
  file(READ "${file}" header LIMIT 5 HEX)
  if(NOT header STREQUAL "255044462d") # "%PDF-"
    message(FATAL_ERROR "not a PDF: ${header}")
  endif()
  set(PDF_INFO "" PARENT_SCOPE)
  find_program(PDFINFO pdfinfo)
  if(PDFINFO)
    execute_process(COMMAND "${PDFINFO}" "${file}" OUTPUT_VARIABLE info)
    string(REGEX MATCH "Pages: +([0-9]+)" pages "${info}")
    if(CMAKE_MATCH_1 LESS min_pages OR CMAKE_MATCH_1 GREATER max_pages)
      message(FATAL_ERROR "${CMAKE_MATCH_1} pages, expected ${min_pages} to ${max_pages}:\n${info}")
    endif()
    set(PDF_INFO "${info}" PARENT_SCOPE)
  endif()
endfunction()
