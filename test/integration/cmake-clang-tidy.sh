#!/usr/bin/env bash
# The CMAKE_CXX_CLANG_TIDY recipe of docs/usage/ci.md, run as written: a tiny
# CMake project (one file with a loop-variable capture, one clean), built
# with g++ and the Tether clang-tidy plugin.
#
#   cmake-clang-tidy.sh TETHER_BUILD_DIR CLANG_TIDY_EXE TETHER_SOURCE_DIR [CMAKE]
#
# Checks, in order:
#   1. report only: the build succeeds and shows the finding, for the buggy
#      file only;
#   2. --warnings-as-errors=tether-*: the build fails on the buggy file, and
#      the clean file still compiles;
#   3. a GCC build with -Werror and GCC-only flags: clang-tidy fails without
#      the recipe's extra arguments and wrapper, and works with them;
#   4. with ccache as the compiler launcher (if ccache is installed): a
#      second build from a warm cache still runs clang-tidy.
# The configure lines are also looked up in ci.md, so the doc and this test
# cannot drift apart.
set -euo pipefail

fail() { echo "cmake-clang-tidy: FAIL: $*" >&2; exit 1; }
step() { echo "cmake-clang-tidy: $*" >&2; }

[[ $# -ge 3 ]] || fail "usage: $0 TETHER_BUILD_DIR CLANG_TIDY_EXE TETHER_SOURCE_DIR [CMAKE]"
TETHER_HOME="$(cd "$1" && pwd)"
tidy_exe="$2"
source_dir="$(cd "$3" && pwd)"
cmake="${4:-cmake}"
doc="$source_dir/docs/usage/ci.md"
wrapper="$source_dir/docs/usage/examples/clang-tidy-gcc.sh"

[[ -f "$TETHER_HOME/lib/libTetherTidy.so" ]] || fail "no plugin at $TETHER_HOME/lib/libTetherTidy.so"
[[ -x "$tidy_exe" ]] || fail "clang-tidy '$tidy_exe' is not executable"
[[ -f "$doc" ]] || fail "no $doc"
[[ -x "$wrapper" ]] || fail "$wrapper is missing or not executable"
command -v ninja >/dev/null || fail "ninja is not installed; the recipe uses -G Ninja"
command -v g++ >/dev/null || fail "g++ is not installed; the recipe builds with g++"

work="$(mktemp -d "${TMPDIR:-/tmp}/tether-cmake-tidy.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# The doc calls clang-tidy-19 from PATH; make that the one we were given.
mkdir -p "$work/bin"
ln -s "$tidy_exe" "$work/bin/clang-tidy-19"
export PATH="$work/bin:$PATH"
# The default compiler, c++, is g++ on Debian; keep the environment out.
unset CC CXX CXXFLAGS CMAKE_GENERATOR CMAKE_CXX_COMPILER_LAUNCHER
export TETHER_HOME

# --- the project -----------------------------------------------------------
proj="$work/proj"
mkdir -p "$proj/src"
cat >"$proj/CMakeLists.txt" <<'EOF'
cmake_minimum_required(VERSION 3.16)
project(demo CXX)
set(CMAKE_CXX_STANDARD 17)
find_package(Threads REQUIRED)
add_executable(demo src/spawn.cpp src/clean.cpp)
target_link_libraries(demo PRIVATE Threads::Threads)
EOF
cat >"$proj/src/spawn.cpp" <<'EOF'
#include <thread>
#include <vector>

void use(int);

void spawn(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back([&] { use(i); });
  for (auto &w : workers)
    w.join();
}
EOF
cat >"$proj/src/clean.cpp" <<'EOF'
#include <thread>
#include <vector>

void use(int) {}
void spawn(int);

int main() {
  int n = 4;
  // clang's -Wall warns that 'n' is not used; g++'s does not.
  auto ready = [n] { return true; };
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back([i] { use(i); });
  for (auto &w : workers)
    w.join();
  spawn(ready() ? 2 : 1);
}
EOF

# The configure values, spelled as in ci.md (after "-DCMAKE_CXX_CLANG_TIDY=").
report='clang-tidy-19;-load=$TETHER_HOME/lib/libTetherTidy.so;--checks=-*,tether-*'
gate='clang-tidy-19;-load=$TETHER_HOME/lib/libTetherTidy.so;--checks=-*,tether-*;--warnings-as-errors=tether-*'
gcc='$TETHER_SRC/docs/usage/examples/clang-tidy-gcc.sh;-load=$TETHER_HOME/lib/libTetherTidy.so;--checks=-*,tether-*;--extra-arg=-Wno-unknown-warning-option;--extra-arg=-Wno-error'
for value in "$report" "$gate" "$gcc"; do
  grep -qF -- "-DCMAKE_CXX_CLANG_TIDY=\"$value\"" "$doc" ||
    fail "ci.md does not contain -DCMAKE_CXX_CLANG_TIDY=\"$value\"; update the doc or this test"
done
# expand VALUE: VALUE with $TETHER_HOME and $TETHER_SRC replaced, as the shell would
expand() { local v="${1//\$TETHER_HOME/$TETHER_HOME}"; echo "${v//\$TETHER_SRC/$source_dir}"; }

# configure BUILD_DIR TIDY_VALUE [more cmake args...]
configure() {
  local dir="$1" value="$2"
  shift 2
  "$cmake" -S "$proj" -B "$dir" -G Ninja -DCMAKE_CXX_CLANG_TIDY="$(expand "$value")" "$@" \
    >"$dir.configure.log" 2>&1 || { cat "$dir.configure.log" >&2; fail "configure of $dir failed"; }
  local id
  id="$(sed -n 's/^set(CMAKE_CXX_COMPILER_ID "\(.*\)")$/\1/p' "$dir"/CMakeFiles/*/CMakeCXXCompiler.cmake)"
  [[ "$id" == GNU ]] || fail "$dir: expected the default compiler to be g++ (GNU), CMake found '$id'"
}

# build BUILD_DIR LOG: exit code of the build, output in LOG
build() {
  local rc=0
  "$cmake" --build "$1" -- -k 0 >"$2" 2>&1 || rc=$?
  return "$rc"
}

tether_warnings() { grep -E '(warning|error): .*\[tether-loop-variable-capture' "$1" || true; }

# --- 1. report only ----------------------------------------------------------
step "1. report only: $(expand "$report")"
configure "$work/report" "$report"
build "$work/report" "$work/report.log" || { cat "$work/report.log" >&2; fail "report-only build failed"; }
found="$(tether_warnings "$work/report.log")"
[[ -n "$found" ]] || { cat "$work/report.log" >&2; fail "no tether-loop-variable-capture warning in the build output"; }
[[ "$(wc -l <<<"$found")" -eq 1 ]] || fail "expected one Tether warning, got:"$'\n'"$found"
grep -qE "src/spawn\.cpp:9:[0-9]+: warning: loop variable 'i' is captured by reference.*\[tether-loop-variable-capture\]$" <<<"$found" ||
  fail "the warning is not the expected one on src/spawn.cpp:9: $found"
! grep -q 'clean\.cpp:[0-9]*:[0-9]*: \(warning\|error\)' "$work/report.log" ||
  fail "clean.cpp got a diagnostic: $(grep 'clean\.cpp' "$work/report.log")"
[[ -x "$work/report/demo" ]] || fail "report-only build did not link demo"

# --- 2. findings fail the build ----------------------------------------------
step "2. gate: $(expand "$gate")"
configure "$work/gate" "$gate"
if build "$work/gate" "$work/gate.log"; then
  cat "$work/gate.log" >&2
  fail "the build with --warnings-as-errors=tether-* succeeded; it must fail on src/spawn.cpp"
fi
grep -qE "src/spawn\.cpp:9:[0-9]+: error: loop variable 'i' .*\[tether-loop-variable-capture,-warnings-as-errors\]" "$work/gate.log" ||
  { cat "$work/gate.log" >&2; fail "the failing build does not show the finding as an error"; }
[[ ! -e "$work/gate/CMakeFiles/demo.dir/src/spawn.cpp.o" ]] ||
  fail "spawn.cpp.o was built although clang-tidy failed on it"
[[ -e "$work/gate/CMakeFiles/demo.dir/src/clean.cpp.o" ]] ||
  { cat "$work/gate.log" >&2; fail "clean.cpp.o was not built (with -k 0, only spawn.cpp should fail)"; }

# --- 3. GCC-only flags -------------------------------------------------------
# -Wlogical-op: a warning clang does not know (an error under -Werror);
# -fipa-pta: an option clang does not know; -Werror with clang's -Wall:
# clean.cpp's unused lambda capture. Each needs its part of the recipe.
gcc_flags='-Wall -Werror -Wlogical-op -fipa-pta'
step "3. g++ with '$gcc_flags'"
configure "$work/gcc-plain" "$report" -DCMAKE_CXX_FLAGS="$gcc_flags"
if build "$work/gcc-plain" "$work/gcc-plain.log"; then
  cat "$work/gcc-plain.log" >&2
  fail "expected clang-tidy to reject '$gcc_flags' without the recipe (did clang learn them?)"
fi
for want in "unknown argument: '-fipa-pta'" "unknown warning option '-Wlogical-op'"; do
  grep -qF "$want" "$work/gcc-plain.log" ||
    { cat "$work/gcc-plain.log" >&2; fail "expected clang-tidy to say: $want"; }
done
no_wno_error='$TETHER_SRC/docs/usage/examples/clang-tidy-gcc.sh;-load=$TETHER_HOME/lib/libTetherTidy.so;--checks=-*,tether-*;--extra-arg=-Wno-unknown-warning-option'
configure "$work/gcc-partial" "$no_wno_error" -DCMAKE_CXX_FLAGS="$gcc_flags"
if build "$work/gcc-partial" "$work/gcc-partial.log"; then
  cat "$work/gcc-partial.log" >&2
  fail "expected -Werror to fail clang-tidy on clean.cpp's unused capture without --extra-arg=-Wno-error"
fi
grep -qF "error: lambda capture 'n' is not used [clang-diagnostic-unused-lambda-capture]" "$work/gcc-partial.log" ||
  { cat "$work/gcc-partial.log" >&2; fail "expected clang's unused-lambda-capture error"; }
configure "$work/gcc" "$gcc" -DCMAKE_CXX_FLAGS="$gcc_flags"
build "$work/gcc" "$work/gcc.log" || { cat "$work/gcc.log" >&2; fail "the g++ recipe build failed"; }
found="$(tether_warnings "$work/gcc.log")"
grep -qE "src/spawn\.cpp:9:[0-9]+: warning: .*\[tether-loop-variable-capture\]$" <<<"$found" ||
  { cat "$work/gcc.log" >&2; fail "no Tether warning in the g++ recipe build"; }
[[ "$(wc -l <<<"$found")" -eq 1 ]] || fail "expected one Tether warning in the g++ build, got:"$'\n'"$found"
[[ -x "$work/gcc/demo" ]] || fail "the g++ recipe build did not link demo"

# --- 4. ccache ---------------------------------------------------------------
if command -v ccache >/dev/null; then
  step "4. ccache: a warm cache still runs clang-tidy"
  export CCACHE_DIR="$work/ccache"
  ccache --zero-stats >/dev/null
  configure "$work/cc1" "$report" -DCMAKE_CXX_COMPILER_LAUNCHER=ccache
  build "$work/cc1" "$work/cc1.log" || { cat "$work/cc1.log" >&2; fail "ccache build 1 failed"; }
  configure "$work/cc2" "$report" -DCMAKE_CXX_COMPILER_LAUNCHER=ccache
  build "$work/cc2" "$work/cc2.log" || { cat "$work/cc2.log" >&2; fail "ccache build 2 failed"; }
  hits="$(ccache --print-stats | sed -n 's/^direct_cache_hit\t//p')"
  [[ "${hits:-0}" -ge 2 ]] || fail "expected the second build's 2 compiles to be ccache hits; stats: $(ccache --print-stats | grep -E 'hit|miss')"
  [[ -n "$(tether_warnings "$work/cc2.log")" ]] ||
    { cat "$work/cc2.log" >&2; fail "the warm-cache build did not report the finding: clang-tidy did not run"; }
else
  step "4. ccache: skipped, ccache is not installed"
fi

step "all recipe checks passed"
