# Installation, the CMake package, the pkg-config file and the Debian package.
#   find_package(flowcore) gives flowcore::sdk, and flowcore::stub when the stub was built;
#   pkg-config --cflags --libs flowcore gives the same library to other build systems;
#   cpack -G DEB (./build.sh package) makes a .deb of the whole install.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(flowcore_installed_targets flowcore_sdk)
if(TARGET flowcore_stub)
  # The stub for users' own integration tests: the library, its header and the program.
  list(APPEND flowcore_installed_targets flowcore_stub flowcore-stub)
  install(DIRECTORY stub/include/flowcore DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
endif()
install(TARGETS ${flowcore_installed_targets} EXPORT flowcore-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/flowcore DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT flowcore-targets NAMESPACE flowcore:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/flowcore)

configure_package_config_file(cmake/flowcore-config.cmake.in
  ${PROJECT_BINARY_DIR}/flowcore-config.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/flowcore)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/flowcore-config-version.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/flowcore-config.cmake ${PROJECT_BINARY_DIR}/flowcore-config-version.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/flowcore)

# Paths relative to the .pc file, so that an install tree moved elsewhere (a package
# unpacked into a scratch root) still works.
file(RELATIVE_PATH flowcore_pc_to_prefix
     ${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
configure_file(cmake/flowcore.pc.in ${PROJECT_BINARY_DIR}/flowcore.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/flowcore.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# A Debian package of everything above; only as the top-level project, where the CPack
# configuration is ours and not that of a project that includes flowcore.
if(NOT PROJECT_IS_TOP_LEVEL)
  return()
endif()
# A Debian package of everything above. The -dev packages it depends on bring the headers
# and the shared libraries the static library and flowcore-stub link against.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME libflowcore-dev)
set(CPACK_PACKAGE_VENDOR "flowcore authors")
set(CPACK_PACKAGE_CONTACT "flowcore authors")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libboost1.81-dev, libboost-json1.81-dev, libboost-url1.81-dev, libssl-dev (>= 3)")
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/package)
include(CPack)
