# The Debian package: `cpack -G DEB` in the build folder makes samling_VERSION_amd64.deb from
# these install rules (the menu entry, icons, AppStream metadata, man page, copyright and
# changelog) and the binary's and share folder's in the top CMakeLists.txt. Linux only.

set(SAMLING_LINUX_DIR "${CMAKE_CURRENT_LIST_DIR}")
set(SAMLING_PACKAGE_DIR "${CMAKE_BINARY_DIR}/package")
# Reverse-DNS id for software centres and where they fetch the screenshots from. Samling has no
# domain yet: .example is reserved (RFC 2606), so these can never name someone else's site.
set(SAMLING_APP_ID "example.samling.Samling" CACHE STRING "AppStream component id (reverse DNS)")
set(SAMLING_SCREENSHOTS_URL "https://samling.example/screenshots" CACHE STRING
    "Where assets/screenshots/*.png are published, for the AppStream metadata")

# One version everywhere: a release bumps project(VERSION), the changelog and the metainfo's
# releases together, or the build stops here instead of shipping a package that contradicts itself.
file(STRINGS "${SAMLING_LINUX_DIR}/changelog" changelog_top LIMIT_COUNT 1)
string(REGEX MATCH "^samling \\(([^)]+)\\)" _ "${changelog_top}")
if(NOT CMAKE_MATCH_1 STREQUAL PROJECT_VERSION)
  message(FATAL_ERROR "assets/linux/changelog starts at version '${CMAKE_MATCH_1}', "
                      "project(VERSION) is ${PROJECT_VERSION}: add a changelog entry")
endif()
file(READ "${SAMLING_LINUX_DIR}/samling.metainfo.xml.in" metainfo_text)
string(REGEX MATCH "<release version=\"([^\"]+)\"" _ "${metainfo_text}")
if(NOT CMAKE_MATCH_1 STREQUAL PROJECT_VERSION)
  message(FATAL_ERROR "assets/linux/samling.metainfo.xml.in's newest release is '${CMAKE_MATCH_1}', "
                      "project(VERSION) is ${PROJECT_VERSION}: add a <release>")
endif()
configure_file("${SAMLING_LINUX_DIR}/samling.metainfo.xml.in"
               "${SAMLING_PACKAGE_DIR}/${SAMLING_APP_ID}.metainfo.xml" @ONLY)

# Debian wants the man pages (English, bokmål, nynorsk) and the changelog compressed, without a
# timestamp (gzip -n).
set(package_outputs)
foreach(pair "samling.1;man/samling.1.gz" "samling.nb.1;man/nb/samling.1.gz" "samling.nn.1;man/nn/samling.1.gz"
        "changelog;changelog.gz" "../../docs/API.md;API.md.gz")
  list(GET pair 0 source)
  list(GET pair 1 output)
  string(REGEX REPLACE "\\.gz$" "" plain "${output}")
  get_filename_component(folder "${SAMLING_PACKAGE_DIR}/${output}" DIRECTORY)
  add_custom_command(
    OUTPUT "${SAMLING_PACKAGE_DIR}/${output}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${folder}"
    COMMAND ${CMAKE_COMMAND} -E copy "${SAMLING_LINUX_DIR}/${source}" "${SAMLING_PACKAGE_DIR}/${plain}"
    COMMAND gzip -9nf "${SAMLING_PACKAGE_DIR}/${plain}"
    DEPENDS "${SAMLING_LINUX_DIR}/${source}"
    VERBATIM)
  list(APPEND package_outputs "${SAMLING_PACKAGE_DIR}/${output}")
endforeach()

# The icon's PNG sizes, rendered from the SVG at build time (librsvg2-bin, see .ci/setup).
set(SAMLING_ICON_SIZES 16 24 32 48 64 128 256 512)
find_program(RSVG_CONVERT rsvg-convert)
if(RSVG_CONVERT)
  foreach(size IN LISTS SAMLING_ICON_SIZES)
    set(png "${SAMLING_PACKAGE_DIR}/icons/${size}x${size}/apps/samling.png")
    add_custom_command(
      OUTPUT "${png}"
      COMMAND ${CMAKE_COMMAND} -E make_directory "${SAMLING_PACKAGE_DIR}/icons/${size}x${size}/apps"
      COMMAND "${RSVG_CONVERT}" -w ${size} -h ${size} -o "${png}" "${SAMLING_LINUX_DIR}/samling.svg"
      DEPENDS "${SAMLING_LINUX_DIR}/samling.svg"
      VERBATIM)
    list(APPEND package_outputs "${png}")
  endforeach()
  install(DIRECTORY "${SAMLING_PACKAGE_DIR}/icons/" DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor
          FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ
          DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE
          FILES_MATCHING PATTERN "*.png")
else()
  message(WARNING "rsvg-convert not found (Debian: librsvg2-bin): the package gets the SVG icon only")
endif()
add_custom_target(samling_package_files ALL DEPENDS ${package_outputs})

install(FILES "${SAMLING_LINUX_DIR}/samling.desktop" DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES "${SAMLING_PACKAGE_DIR}/${SAMLING_APP_ID}.metainfo.xml" DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES "${SAMLING_LINUX_DIR}/samling.svg" DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES "${SAMLING_PACKAGE_DIR}/man/samling.1.gz" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES "${SAMLING_PACKAGE_DIR}/man/nb/samling.1.gz" DESTINATION ${CMAKE_INSTALL_MANDIR}/nb/man1)
install(FILES "${SAMLING_PACKAGE_DIR}/man/nn/samling.1.gz" DESTINATION ${CMAKE_INSTALL_MANDIR}/nn/man1)
install(FILES "${SAMLING_LINUX_DIR}/copyright" "${SAMLING_PACKAGE_DIR}/changelog.gz" "${SAMLING_PACKAGE_DIR}/API.md.gz"
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

# Full RELRO, as Debian's hardened builds link: the binary answers a room's phones over the LAN,
# so its relocations are made read-only before the first request (lintian: hardening-no-bindnow).
target_link_options(samling PRIVATE LINKER:-z,relro,-z,now)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME samling)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_CONTACT "Samling maintainers <maintainers@users.noreply.r-seed-b19afb10.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "workshop tool: sticky notes from phones on the projector")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
       "Samling runs the gatherings of leadership programmes for municipalities.\n"
       "The facilitator's laptop shows the board on the projector; participants\n"
       "scan a QR code, pick their leader group and write sticky notes in their\n"
       "phone's browser, with no app and no account. Exercises lead from the\n"
       "problem to its root causes, stakeholders, goals and measures; every leader\n"
       "group keeps a project log across gatherings, exported as Markdown, HTML,\n"
       "CSV or JSON. Everything stays on the laptop: no cloud, no internet needed.\n"
       "Norwegian bokmål, nynorsk and English.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # samling_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The runtime libraries come from dpkg-shlibdeps; the fonts are loaded by path (ui/fonts.cpp),
# Inter first, DejaVu Sans if Inter is missing.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-inter | fonts-dejavu-core")
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                                                WORLD_READ WORLD_EXECUTE)
include(CPack)
