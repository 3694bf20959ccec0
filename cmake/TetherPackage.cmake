# The Debian package: `cpack -G DEB` in the build folder writes
# tether_<version>_<arch>.deb, installing the layout of TetherInstall.cmake
# under /usr. Tested by test/package/package-test.sh.
#
# Depends: the shared libraries come from dpkg-shlibdeps (libllvm19,
# libclang-cpp19, libstdc++6 and libc6, and for tether-clangd the gRPC,
# protobuf and Abseil runtimes Debian's clangd libraries pull in). The rest are
# what the front ends need at run time and no ELF header names:
#   clang-tidy-19            hosts libTetherTidy.so, which works only inside
#                            the LLVM release it was built against: a range
#   libclang-common-19-dev   clang's resource headers (stddef.h, ...) that
#                            every parse needs
#   libstdc++-12-dev         the C++ standard headers of the code being scanned
#                            (with libc6-dev and libgcc-12-dev, whose crtbegin.o
#                            is how clang's driver finds the GCC installation)
# and clang-19 is recommended for the analyzer plugin, whose version check is an
# exact string compare.

# cpack includes this file again as CPACK_PROJECT_CONFIG_FILE (see the end),
# outside any CMake project: then it only checks the helpUri.
if(NOT DEFINED PROJECT_NAME)
  if(CPACK_GENERATOR STREQUAL "DEB" AND
     NOT CPACK_TETHER_DOCS_URL STREQUAL CPACK_TETHER_PACKAGE_DOCS_URL)
    message(WARNING "the SARIF helpUri of this package's tether is "
      "${CPACK_TETHER_DOCS_URL}/<check>.md, which exists only on the machine "
      "that built it; configure the build with -DTETHER_PACKAGE=ON to point it "
      "at ${CPACK_TETHER_PACKAGE_DOCS_URL}")
  endif()
  return()
endif()

option(TETHER_PACKAGE
  "Build for a system package under /usr: the SARIF helpUri points to the installed docs"
  OFF)
set(TETHER_PACKAGE_MAINTAINER
  "Tether maintainers <maintainers@users.noreply.h-seed-2c5721b4.example>"
  CACHE STRING "Maintainer field of the Debian package")

set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")

# The SARIF helpUri is compiled into tether. A packaged tether must not point
# into the source tree of the machine that built it, so with TETHER_PACKAGE
# the default becomes the documentation the package installs. A URL given
# with -DTETHER_DOCS_URL is kept.
set(TETHER_PACKAGE_DOCS_URL
  "file://${CPACK_PACKAGING_INSTALL_PREFIX}/${CMAKE_INSTALL_DOCDIR}/docs/checks")
if(TETHER_PACKAGE AND TETHER_DOCS_URL STREQUAL "file://${PROJECT_SOURCE_DIR}/docs/checks")
  get_target_property(_tether_defs tether COMPILE_DEFINITIONS)
  list(FILTER _tether_defs EXCLUDE REGEX "^TETHER_DOCS_URL=")
  list(APPEND _tether_defs "TETHER_DOCS_URL=\"${TETHER_PACKAGE_DOCS_URL}\"")
  set_target_properties(tether PROPERTIES COMPILE_DEFINITIONS "${_tether_defs}")
  set(TETHER_EFFECTIVE_DOCS_URL "${TETHER_PACKAGE_DOCS_URL}")
else()
  set(TETHER_EFFECTIVE_DOCS_URL "${TETHER_DOCS_URL}")
endif()

# Debian version constraints for the LLVM packages, from the release we built
# against: ">= 1:19.1.7" and "<< 1:19.1.8~" (the epoch is the installed
# libllvm19's).
set(_llvm_major "${LLVM_VERSION_MAJOR}")
math(EXPR _llvm_next_patch "${LLVM_VERSION_PATCH} + 1")
set(_llvm_epoch "")
find_program(TETHER_DPKG_QUERY dpkg-query)
mark_as_advanced(TETHER_DPKG_QUERY)
if(TETHER_DPKG_QUERY)
  execute_process(
    COMMAND "${TETHER_DPKG_QUERY}" -W -f=\${Version} libllvm${_llvm_major}
    OUTPUT_VARIABLE _llvm_deb_version ERROR_QUIET
    OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(_llvm_deb_version MATCHES "^([0-9]+:)")
    set(_llvm_epoch "${CMAKE_MATCH_1}")
  endif()
endif()
set(_llvm_at_least
  "${_llvm_epoch}${LLVM_VERSION_MAJOR}.${LLVM_VERSION_MINOR}.${LLVM_VERSION_PATCH}")
set(_llvm_below
  "${_llvm_epoch}${LLVM_VERSION_MAJOR}.${LLVM_VERSION_MINOR}.${_llvm_next_patch}~")

set(CPACK_PACKAGE_NAME "tether")
set(CPACK_PACKAGE_VENDOR "Tether")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "${TETHER_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "static analyzer for concurrency and resource leaks in C++")
set(CPACK_PACKAGE_DESCRIPTION
  "Tether finds the thread, channel send, semaphore token or file descriptor
that never comes back: loop variables captured by reference into threads,
handles not closed on some path, sends nobody receives, semaphore deadlocks.
It runs as a driver over compile_commands.json (tether scan, text, JSON,
SARIF or HTML), as a plugin for clang-tidy-${_llvm_major}, inside the editor
through tether-clangd, and as an analyzer plugin for clang-${_llvm_major} --analyze.")
# A Release build carries no debug information; stripping would only drop
# the static symbol tables that make a crash's backtrace readable.
set(CPACK_STRIP_FILES OFF)

set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT")   # tether_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "clang-tidy-${_llvm_major} (>= ${_llvm_at_least}), clang-tidy-${_llvm_major} (<< ${_llvm_below}), libclang-common-${_llvm_major}-dev (>= ${_llvm_at_least}), libstdc++-12-dev | libstdc++-dev")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
  "clang-${_llvm_major} (>= ${_llvm_at_least}), clang-${_llvm_major} (<< ${_llvm_below})")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cmake")

# Seen by cpack (every CPACK_ variable is copied into CPackConfig.cmake): a
# package of a build without TETHER_PACKAGE is still correct but for its
# helpUri, so say so when the package is made.
set(CPACK_TETHER_DOCS_URL "${TETHER_EFFECTIVE_DOCS_URL}")
set(CPACK_TETHER_PACKAGE_DOCS_URL "${TETHER_PACKAGE_DOCS_URL}")
set(CPACK_PROJECT_CONFIG_FILE "${CMAKE_CURRENT_LIST_FILE}")

set(CPACK_GENERATOR "DEB")
include(CPack)
