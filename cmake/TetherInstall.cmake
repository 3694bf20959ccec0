# `cmake --install BUILD --prefix PREFIX`: the layout every front end relies
# on after installation (docs/usage/install.md):
#
#   PREFIX/bin/tether, PREFIX/bin/tether-clangd
#   PREFIX/lib/tether/libTetherTidy.so, PREFIX/lib/tether/libTetherAnalyzer.so
#   PREFIX/share/doc/tether/  README.md, CHANGELOG.md, docs/, examples/worker-pool/
#
# bin/ and lib/tether/ are fixed, not GNUInstallDirs' BINDIR and LIBDIR: the
# installed tether finds its plugins at <its directory>/../lib/tether, and
# LIBDIR becomes lib/x86_64-linux-gnu for the /usr prefix on Debian. The
# plugins are not libraries anyone links against, so they belong in a private
# folder like the ones under /usr/lib/<package>/.
#
# The packaging (CPack, the Debian package) is in TetherPackage.cmake.

if(NOT DEFINED CMAKE_INSTALL_DOCDIR)
  # GNUInstallDirs would say share/doc/Tether, after project().
  set(CMAKE_INSTALL_DOCDIR "share/doc/tether" CACHE PATH
    "Documentation root (DATAROOTDIR/doc/tether)")
endif()
include(GNUInstallDirs)

set(TETHER_INSTALL_BINDIR "bin")
set(TETHER_INSTALL_PLUGINDIR "lib/tether")

# RUNPATH. The executables link libLLVM.so.19.1 and libclang-cpp.so.19.1;
# the build tree finds them through a RUNPATH of /usr/lib/llvm-19/lib. On
# Debian that folder only holds symlinks (libLLVM's belongs to llvm-19-dev),
# and the runtime packages libllvm19 and libclang-cpp19 put the real files in
# the multiarch folder the loader searches anyway. So an installed binary gets
# no RUNPATH (lintian's preference, and dpkg-shlibdeps then attributes the
# libraries to the runtime packages) unless LLVM lives outside the default
# search path, an LLVM built into /opt say: then RUNPATH is LLVM's lib folder,
# which is absolute and so right from any prefix.
set(_tether_runpath "")
foreach(_lib LLVM clang-cpp)
  get_target_property(_loc ${_lib} LOCATION)
  if(NOT _loc)
    continue()
  endif()
  file(REAL_PATH "${_loc}" _real)
  get_filename_component(_real_dir "${_real}" DIRECTORY)
  get_filename_component(_link_dir "${_loc}" DIRECTORY)
  if(NOT _real_dir IN_LIST CMAKE_CXX_IMPLICIT_LINK_DIRECTORIES)
    list(APPEND _tether_runpath "${_link_dir}")
  endif()
endforeach()
list(REMOVE_DUPLICATES _tether_runpath)
if(_tether_runpath)
  message(STATUS "Tether: installed binaries get RUNPATH ${_tether_runpath}")
endif()

set(_tether_programs tether)
if(TETHER_BUILD_CLANGD)
  list(APPEND _tether_programs tether-clangd)
endif()
set_target_properties(${_tether_programs} PROPERTIES
  INSTALL_RPATH "${_tether_runpath}")

install(TARGETS ${_tether_programs}
  RUNTIME DESTINATION "${TETHER_INSTALL_BINDIR}" COMPONENT tether)
# MODULE libraries are LIBRARY artifacts. No RUNPATH: they link nothing from
# LLVM and resolve every clang symbol in the clang-tidy or clang loading them.
install(TARGETS TetherTidy TetherAnalyzer
  LIBRARY DESTINATION "${TETHER_INSTALL_PLUGINDIR}" COMPONENT tether)

# The documentation keeps the source tree's shape so that its relative links
# (README -> docs/checks/..., the example's README -> ../../docs/usage/...)
# still work, and so that the SARIF helpUri of a packaged tether can point
# at DOCDIR/docs/checks.
install(FILES "${PROJECT_SOURCE_DIR}/README.md" DESTINATION "${CMAKE_INSTALL_DOCDIR}" COMPONENT tether)
install(FILES "${PROJECT_SOURCE_DIR}/CHANGELOG.md" DESTINATION "${CMAKE_INSTALL_DOCDIR}"
  COMPONENT tether OPTIONAL)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/" DESTINATION "${CMAKE_INSTALL_DOCDIR}/docs"
  COMPONENT tether)
# The example project, sources only: a build folder configured inside it
# (examples/worker-pool/build, which its .clangd expects) stays behind.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/examples/worker-pool/"
  DESTINATION "${CMAKE_INSTALL_DOCDIR}/examples/worker-pool"
  COMPONENT tether
  PATTERN "build" EXCLUDE
  PATTERN "build-*" EXCLUDE
  PATTERN ".cache" EXCLUDE
  PATTERN "compile_commands.json" EXCLUDE)

include(TetherPackage)
