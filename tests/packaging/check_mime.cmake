# Which files count as scenarios, as GLib (GNOME's file manager) and Qt (KDE's)
# see them, with the MIME type installed the two ways packaging/ installs it:
# - system: merged into the system's database (the .deb, prefix /usr): a
#   scenario named *.bwi.json, a scenario named *.json, and one with no name
#   are scenarios;
# - local: a database of its own (/usr/local, ~/.local): *.bwi.json and a
#   file with no name are.
# Either way other JSON files (a rate card, any JSON) stay application/json.
#   cmake -DSYSTEM_XML=... -DLOCAL_XML=... -DFREEDESKTOP_XML=... -DEXAMPLE=... -DRATECARD=...
#         -DPROBE=... -DGIO=... -DUPDATE_MIME_DATABASE=... -DWORK_DIR=... -P check_mime.cmake
set(scenario "application/x-bedrock-whatif-scenario")
file(REMOVE_RECURSE "${WORK_DIR}")
set(files "${WORK_DIR}/files")
file(MAKE_DIRECTORY "${files}")
configure_file("${EXAMPLE}" "${files}/estate.bwi.json" COPYONLY)
configure_file("${EXAMPLE}" "${files}/estate.json" COPYONLY)
configure_file("${EXAMPLE}" "${files}/estate-download" COPYONLY)
configure_file("${RATECARD}" "${files}/ratecard.json" COPYONLY)
file(WRITE "${files}/other.json" "{\n  \"format\": \"something-else\",\n  \"a\": [1, 2, 3]\n}\n")

function(make_database dir)
  file(MAKE_DIRECTORY "${dir}/mime/packages")
  file(COPY ${ARGN} DESTINATION "${dir}/mime/packages")
  execute_process(COMMAND "${UPDATE_MIME_DATABASE}" "${dir}/mime" RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "update-mime-database ${dir}/mime failed")
  endif()
endfunction()
make_database("${WORK_DIR}/system" "${FREEDESKTOP_XML}" "${SYSTEM_XML}")
make_database("${WORK_DIR}/base" "${FREEDESKTOP_XML}")
make_database("${WORK_DIR}/local" "${LOCAL_XML}")

# expect(<label> <file> <type>) under the XDG_DATA_* set before the call.
function(expect label file type)
  execute_process(COMMAND "${PROBE}" "${files}/${file}" OUTPUT_VARIABLE qt_line RESULT_VARIABLE status)
  if(NOT status EQUAL 0 OR NOT qt_line STREQUAL "${files}/${file} ${type}\n")
    message(SEND_ERROR "${label}: Qt takes ${file} for '${qt_line}', expected ${type}")
  endif()
  if(GIO)
    execute_process(COMMAND "${GIO}" info -a standard::content-type "${files}/${file}"
                    OUTPUT_VARIABLE gio_output ERROR_QUIET)
    if(NOT gio_output MATCHES "standard::content-type: ${type}\n")
      message(SEND_ERROR "${label}: GLib takes ${file} for '${gio_output}', expected ${type}")
    endif()
  endif()
endfunction()

set(ENV{XDG_DATA_HOME} "${WORK_DIR}/no-user-data")
set(ENV{XDG_DATA_DIRS} "${WORK_DIR}/system")
expect("system" estate.bwi.json ${scenario})
expect("system" estate.json ${scenario})
expect("system" estate-download ${scenario})
expect("system" ratecard.json application/json)
expect("system" other.json application/json)

set(ENV{XDG_DATA_HOME} "${WORK_DIR}/local")
set(ENV{XDG_DATA_DIRS} "${WORK_DIR}/base")
expect("local" estate.bwi.json ${scenario})
expect("local" estate-download ${scenario})
expect("local" ratecard.json application/json)
expect("local" other.json application/json)
