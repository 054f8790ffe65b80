# Installation and the CMake package: find_package(flowcore) gives flowcore::sdk.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS flowcore_sdk EXPORT flowcore-targets
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
