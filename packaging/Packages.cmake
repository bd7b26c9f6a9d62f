# CPack: `cpack -G DEB` on Debian/Ubuntu, NSIS or WiX on Windows, DragNDrop
# (a .dmg) on macOS, each from the install rules of packaging/CMakeLists.txt.
set(CPACK_PACKAGE_NAME "bedrock-whatif")
set(CPACK_PACKAGE_VENDOR "The Bedrock What-If maintainers")
set(CPACK_PACKAGE_CONTACT "${BWI_MAINTAINER}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${BWI_REPOSITORY_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Bedrock What-If")
set(CPACK_PACKAGE_EXECUTABLES "bedrock-whatif" "Bedrock What-If")
set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")
# The installers' license page (NSIS, WiX, the .dmg): the third-party notices.
# Without it CPack would show CMake's own license.
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/resources/licenses/README.txt")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build/" "/\\\\.git/")

if(UNIX AND NOT APPLE)
  set(CPACK_GENERATOR "DEB")
elseif(WIN32)
  set(CPACK_GENERATOR "NSIS")
elseif(APPLE)
  set(CPACK_GENERATOR "DragNDrop")
endif()

# --- Debian ---
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # bedrock-whatif_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${BWI_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${BWI_REPOSITORY_URL}")
# The long description; CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY above it
# as the synopsis line.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "A desktop what-if tool for Amazon Bedrock spend: a FinOps analyst or
procurement lead moves the levers (volume, token shape, model mix, batch
share, caching, provisioned throughput, the private-pricing discount) and
sees the monthly bill, cost curves and break-even points, traceable to a
dated rate card. The same program evaluates scenarios from the command line
and exports charts, an Excel workbook and a PDF meeting pack.")
# The Depends line comes from the linked libraries (dpkg-shlibdeps); where
# dpkg-shlibdeps is missing, the Debian 12 package names are listed instead.
find_program(BWI_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(BWI_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6widgets6 (>= 6.4), libqt6charts6 (>= 6.4), libqt6svg6 (>= 6.4), libqt6network6 (>= 6.4), libqt6gui6 (>= 6.4), libqt6core6 (>= 6.4), libxlsxwriter4, libstdc++6, libc6")
endif()
# Qt finds no platform plugin without qt6-qpa-plugins (not a linked library,
# so dpkg-shlibdeps cannot see it); the fonts are what the charts are drawn in.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-qpa-plugins, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "desktop-file-utils, shared-mime-info")

# --- Windows (NSIS; `cpack -G WIX` works from the same settings) ---
set(CPACK_NSIS_DISPLAY_NAME "Bedrock What-If")
set(CPACK_NSIS_PACKAGE_NAME "Bedrock What-If ${PROJECT_VERSION}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\bedrock-whatif.exe")
set(CPACK_NSIS_MUI_ICON "${BWI_ICON_DIR}/${BWI_APP_ID}.ico")
set(CPACK_NSIS_MUI_UNIICON "${BWI_ICON_DIR}/${BWI_APP_ID}.ico")
set(CPACK_NSIS_URL_INFO_ABOUT "${BWI_REPOSITORY_URL}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_WIX_UPGRADE_GUID "6F0C7B38-3E0B-4B8E-9C55-2A7C5B1D4E21")
set(CPACK_WIX_PRODUCT_ICON "${BWI_ICON_DIR}/${BWI_APP_ID}.ico")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "Bedrock What-If")

# --- macOS (a .dmg with the .app to drag into Applications) ---
set(CPACK_DMG_VOLUME_NAME "Bedrock What-If ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT "UDZO")

include(CPack)
