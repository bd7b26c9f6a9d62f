# The freedesktop files pass their validators, and the metainfo's newest
# release is the project's version (a version bump needs a release entry).
#   cmake -DDESKTOP=... -DMETAINFO=... -DMIME_XMLS=a;b -DVERSION=... -DWORK_DIR=...
#         -DDESKTOP_FILE_VALIDATE=... -DAPPSTREAMCLI=... -DUPDATE_MIME_DATABASE=...
foreach(tool DESKTOP_FILE_VALIDATE APPSTREAMCLI UPDATE_MIME_DATABASE)
  if(NOT ${tool} OR ${tool} MATCHES "NOTFOUND$")
    message(FATAL_ERROR "${tool} is not installed: apt-get install desktop-file-utils appstream "
                        "shared-mime-info (see README.md)")
  endif()
endforeach()

execute_process(COMMAND "${DESKTOP_FILE_VALIDATE}" "${DESKTOP}"
                RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
# desktop-file-validate exits 0 on hints too; any "error:" or "warning:" fails.
if(NOT status EQUAL 0 OR output MATCHES "(error|warning):")
  message(FATAL_ERROR "desktop-file-validate ${DESKTOP}:\n${output}")
endif()

execute_process(COMMAND "${APPSTREAMCLI}" validate --no-net --explain "${METAINFO}"
                RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "appstreamcli validate ${METAINFO}:\n${output}")
endif()

file(READ "${METAINFO}" metainfo)
if(NOT metainfo MATCHES "<release version=\"([^\"]+)\"")
  message(FATAL_ERROR "${METAINFO} has no <release>")
endif()
if(NOT CMAKE_MATCH_1 STREQUAL VERSION)
  message(FATAL_ERROR "${METAINFO}: the newest <release> is ${CMAKE_MATCH_1}, the project is "
                      "${VERSION}: add a <release> entry to packaging/linux/bedrock-whatif.metainfo.xml.in")
endif()

# update-mime-database rejects a malformed MIME package.
foreach(xml IN LISTS MIME_XMLS)
  file(REMOVE_RECURSE "${WORK_DIR}/mime")
  file(MAKE_DIRECTORY "${WORK_DIR}/mime/packages")
  file(COPY "${xml}" DESTINATION "${WORK_DIR}/mime/packages")
  execute_process(COMMAND "${UPDATE_MIME_DATABASE}" "${WORK_DIR}/mime"
                  RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(NOT status EQUAL 0 OR output MATCHES "[Ee]rror|[Ww]arning|[Uu]nknown")
    message(FATAL_ERROR "update-mime-database on ${xml}:\n${output}")
  endif()
endforeach()
