# `cmake --install`: libclearpath (shared and static), the public headers, a CMake package
# (find_package(clearpath) -> clearpath::clearpath, clearpath::clearpath_static) and clearpath.pc.
# docs/library.md shows a consumer of each.
include(CMakePackageConfigHelpers)

set(CLEARPATH_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/clearpath)

install(TARGETS clearpath_shared clearpath EXPORT clearpathTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT Development
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT Development)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/clearpath DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  COMPONENT Development FILES_MATCHING PATTERN "*.hpp")
install(EXPORT clearpathTargets NAMESPACE clearpath:: DESTINATION ${CLEARPATH_CMAKE_DIR}
  COMPONENT Development)

configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/clearpathConfig.cmake.in
  ${PROJECT_BINARY_DIR}/clearpathConfig.cmake INSTALL_DESTINATION ${CLEARPATH_CMAKE_DIR})
# The ABI may change with every minor release before 1.0 (see CLEARPATH_SOVERSION).
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(CLEARPATH_COMPATIBILITY SameMinorVersion)
else()
  set(CLEARPATH_COMPATIBILITY SameMajorVersion)
endif()
write_basic_package_version_file(${PROJECT_BINARY_DIR}/clearpathConfigVersion.cmake
  COMPATIBILITY ${CLEARPATH_COMPATIBILITY})
install(FILES ${PROJECT_BINARY_DIR}/clearpathConfig.cmake ${PROJECT_BINARY_DIR}/clearpathConfigVersion.cmake
  DESTINATION ${CLEARPATH_CMAKE_DIR} COMPONENT Development)

# pkg-config: prefix is found from the .pc file's own place, so `cmake --install --prefix DIR`
# gives a correct file wherever DIR is ("lib/pkgconfig" -> "../..").
string(REGEX REPLACE "[^/]+" ".." CLEARPATH_PC_TO_PREFIX ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
configure_file(${CMAKE_CURRENT_LIST_DIR}/clearpath.pc.in ${PROJECT_BINARY_DIR}/clearpath.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/clearpath.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
  COMPONENT Development)
