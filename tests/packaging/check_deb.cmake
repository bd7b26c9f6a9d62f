# Builds the .deb from the build tree, unpacks it into a scratch root the way
# dpkg would (dpkg -x) and runs the program from there: the package holds
# everything the program needs beyond its declared dependencies.
#   cmake -DBUILD_DIR=... -DWORK_DIR=... -DVERSION=... -P check_deb.cmake
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

execute_process(COMMAND "${CMAKE_CPACK_COMMAND}" -G DEB --config "${BUILD_DIR}/CPackConfig.cmake"
                        -B "${WORK_DIR}"
                RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "cpack -G DEB failed (${status}):\n${output}")
endif()
file(GLOB packages "${WORK_DIR}/bedrock-whatif_${VERSION}_*.deb")
list(LENGTH packages count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR "expected one bedrock-whatif_${VERSION}_*.deb in ${WORK_DIR}, found: ${packages}")
endif()

# The control file: name, version, maintainer, section, and Depends on the
# Qt 6 runtime and libxlsxwriter packages the program links.
execute_process(COMMAND dpkg-deb -I "${packages}" RESULT_VARIABLE status OUTPUT_VARIABLE control)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "dpkg-deb -I ${packages} failed")
endif()
message(STATUS "control:\n${control}")
foreach(expected "Package: bedrock-whatif" "Version: ${VERSION}" "Maintainer: .+<.+@.+>"
                 "Section: utils" "Description: What-if cost modelling for Amazon Bedrock spend"
                 "Depends:[^\n]*libqt6widgets6" "Depends:[^\n]*libqt6charts6"
                 "Depends:[^\n]*libqt6svg6" "Depends:[^\n]*libqt6gui6" "Depends:[^\n]*libqt6core6"
                 "Depends:[^\n]*libxlsxwriter" "Recommends:[^\n]*qt6-qpa-plugins")
  if(NOT control MATCHES "${expected}")
    message(FATAL_ERROR "the control file lacks ${expected}")
  endif()
endforeach()

set(root "${WORK_DIR}/root")
execute_process(COMMAND dpkg -x "${packages}" "${root}" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "dpkg -x ${packages} ${root} failed")
endif()
foreach(installed
    usr/bin/bedrock-whatif
    usr/share/applications/${APP_ID}.desktop
    usr/share/metainfo/${APP_ID}.metainfo.xml
    usr/share/mime/packages/${APP_ID}.xml
    usr/share/icons/hicolor/scalable/apps/${APP_ID}.svg
    usr/share/icons/hicolor/16x16/apps/${APP_ID}.png
    usr/share/icons/hicolor/512x512/apps/${APP_ID}.png
    usr/share/doc/bedrock-whatif/licenses/LGPL-3.0.txt)
  if(NOT EXISTS "${root}/${installed}")
    message(FATAL_ERROR "the package lacks /${installed}")
  endif()
endforeach()
# Installed under /usr, the MIME type recognises scenarios named *.json too.
file(READ "${root}/usr/share/mime/packages/${APP_ID}.xml" mime)
if(NOT mime MATCHES "pattern=\"\\*\\.json\"")
  message(FATAL_ERROR "the packaged MIME type lacks the *.json glob of the system variant")
endif()

# The program, from the scratch root, with no LD_LIBRARY_PATH: only the
# system's libraries (the declared dependencies) are needed.
set(ENV{LD_LIBRARY_PATH} "")
execute_process(COMMAND "${root}/usr/bin/bedrock-whatif" --version
                RESULT_VARIABLE status OUTPUT_VARIABLE version_output ERROR_VARIABLE version_output)
if(NOT status EQUAL 0 OR NOT version_output STREQUAL "bedrock-whatif ${VERSION}\n")
  message(FATAL_ERROR "${root}/usr/bin/bedrock-whatif --version: status ${status}, printed '${version_output}'")
endif()
execute_process(COMMAND "${root}/usr/bin/bedrock-whatif" evaluate "${EXAMPLE}"
                RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT status EQUAL 0 OR NOT output MATCHES "Net +\\$[0-9,]+\\.[0-9][0-9]")
  message(FATAL_ERROR "the packaged program cannot evaluate the example (${status}):\n${output}")
endif()
message(STATUS "${packages}: ${version_output}")
