# Locates Debian's LLVM/Clang 19 packages and describes how Tether code is
# compiled against them. See shared/spike/README.md for the pitfalls this
# encodes: LLVMConfigVersion wants "major.minor", Debian builds LLVM with RTTI
# and without exceptions, and CLANG_LINK_CLANG_DYLIB makes every imported clang
# target link libclang-cpp.so (never mix in the static clang archives).

find_package(LLVM 19.1 REQUIRED CONFIG
  HINTS /usr/lib/llvm-19/lib/cmake/llvm)
find_package(Clang 19.1 REQUIRED CONFIG
  HINTS "${LLVM_DIR}/../clang" "${LLVM_LIBRARY_DIR}/cmake/clang")
message(STATUS "Tether: LLVM ${LLVM_PACKAGE_VERSION} in ${LLVM_INSTALL_PREFIX}")

if(NOT CLANG_LINK_CLANG_DYLIB OR NOT LLVM_LINK_LLVM_DYLIB)
  message(FATAL_ERROR "Tether expects LLVM/Clang built as shared libraries "
                      "(Debian's libclang-cpp19 and libllvm19)")
endif()

set(TETHER_LLVM_VERSION "${LLVM_PACKAGE_VERSION}")

# The resource directory of the clang we analyse with (builtin headers such as
# stddef.h). Binaries linked against libclang-cpp.so would otherwise look for
# it next to themselves.
execute_process(
  COMMAND "${LLVM_TOOLS_BINARY_DIR}/clang" -print-resource-dir
  OUTPUT_VARIABLE TETHER_CLANG_RESOURCE_DIR
  OUTPUT_STRIP_TRAILING_WHITESPACE
  RESULT_VARIABLE _tether_rc)
if(NOT _tether_rc EQUAL 0 OR NOT EXISTS "${TETHER_CLANG_RESOURCE_DIR}/include/stddef.h")
  message(FATAL_ERROR "cannot find clang's resource directory; install clang-19")
endif()

find_program(TETHER_CLANG_TIDY_EXE clang-tidy-19
  HINTS "${LLVM_TOOLS_BINARY_DIR}" REQUIRED)
find_program(TETHER_CLANG_EXE clang-19
  HINTS "${LLVM_TOOLS_BINARY_DIR}" REQUIRED)

# Compile options shared by every target that includes clang headers.
add_library(TetherLLVMFlags INTERFACE)
target_include_directories(TetherLLVMFlags SYSTEM INTERFACE
  ${LLVM_INCLUDE_DIRS} ${CLANG_INCLUDE_DIRS})
separate_arguments(_tether_llvm_defs UNIX_COMMAND "${LLVM_DEFINITIONS}")
target_compile_options(TetherLLVMFlags INTERFACE ${_tether_llvm_defs})
if(NOT LLVM_ENABLE_RTTI)
  target_compile_options(TetherLLVMFlags INTERFACE -fno-rtti)
endif()
if(NOT LLVM_ENABLE_EH)
  target_compile_options(TetherLLVMFlags INTERFACE -fno-exceptions)
endif()
