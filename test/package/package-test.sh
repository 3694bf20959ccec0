#!/usr/bin/env bash
# The Debian package, tested the way a user meets it (docs/usage/install.md).
#
#   package-test.sh BUILD_DIR SOURCE_DIR [CPACK]
#
# 1. `cmake --install` into a temporary prefix, moved elsewhere: the binaries
#    run and find their plugins from any prefix.
# 2. `cpack -G DEB` on the finished build, into a temporary folder; the
#    control fields and the file list checked with dpkg-deb, and Depends
#    checked against what the packaged binaries really load (ldd + dpkg -S).
# 3. The package extracted with dpkg-deb -x into a clean folder and run with
#    an empty environment (PATH=/usr/bin:/bin, no build tree anywhere): tether
#    --version, tether scan of a copy of the installed examples/worker-pool (8
#    findings, exit 1), clang-tidy-19 -load "$(tether --print-plugin-path)",
#    clang-19 --analyze with the analyzer plugin, tether-clangd --check,
#    tether doctor.
# 4. Only as root with TETHER_PACKAGE_TEST_INSTALL=1: the real thing,
#    `apt-get install ./tether_*.deb`, /usr/bin/tether scan and clang-tidy on
#    the example, then `apt-get purge tether`. This changes the machine.
#
# The build must be complete (CI builds before ctest); nothing is built here,
# and the only file written to the build folder is cmake --install's
# install_manifest.txt. Exit 77 (skipped) only when the machine has no dpkg.
set -uo pipefail

build="${1:?usage: package-test.sh BUILD_DIR SOURCE_DIR [CPACK]}"
source="${2:?usage: package-test.sh BUILD_DIR SOURCE_DIR [CPACK]}"
cpack="${3:-cpack}"

say() { echo "package-test: $*"; }
fail() {
  echo "package-test: FAIL: $*" >&2
  echo "package-test: (work folder kept: $work)" >&2
  keep=1
  exit 1
}
check() { # check "what" command...: runs it, fails with its output if it fails
  local what="$1"; shift
  local out
  if ! out="$("$@" 2>&1)"; then
    printf '%s\n' "$out" >&2
    fail "$what"
  fi
}

if ! command -v dpkg-deb >/dev/null || ! command -v dpkg >/dev/null; then
  echo "package-test: SKIP: no dpkg/dpkg-deb, not a Debian system" >&2
  exit 77
fi
for tool in "$cpack" dpkg-shlibdeps cmake readelf ldd; do
  command -v "$tool" >/dev/null ||
    { echo "package-test: FAIL: '$tool' not found (dpkg-shlibdeps: apt-get install dpkg-dev)" >&2; exit 1; }
done

cache="$build/CMakeCache.txt"
[[ -f "$cache" ]] || { echo "package-test: FAIL: $build is not a configured build folder" >&2; exit 1; }
cache_value() { sed -n "s/^$1:[A-Z]*=//p" "$cache" | head -1; }
version="$(cache_value CMAKE_PROJECT_VERSION)"
with_clangd="$(cache_value TETHER_BUILD_CLANGD)"
package_config="$(cache_value TETHER_PACKAGE)"
arch="$(dpkg --print-architecture)"
case "$with_clangd" in ON|on|TRUE|true|1|YES|yes) with_clangd=1 ;; *) with_clangd=0 ;; esac
case "$package_config" in ON|on|TRUE|true|1|YES|yes) package_config=1 ;; *) package_config=0 ;; esac

built=("$build/bin/tether" "$build/lib/libTetherTidy.so" "$build/lib/libTetherAnalyzer.so")
((with_clangd)) && built+=("$build/bin/tether-clangd")
for f in "${built[@]}"; do
  [[ -f "$f" ]] || { echo "package-test: FAIL: $f missing: build Tether completely before this test" >&2; exit 1; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/tether-package-test.XXXXXX")"
keep=0
installed_for_real=0
cleanup() {
  if ((installed_for_real)); then
    say "apt-get purge -y tether"
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq tether >/dev/null 2>&1 ||
      echo "package-test: FAIL: apt-get purge tether failed; remove it by hand" >&2
  fi
  ((keep)) || rm -rf "$work"
}
trap cleanup EXIT

# The environment every installed binary runs in: nothing from the build, no
# /usr/local/bin, a private HOME and cache.
mkdir -p "$work/home"
clean_env=(env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8
           XDG_CACHE_HOME="$work/home/.cache" TMPDIR="${TMPDIR:-/tmp}")
run() { "${clean_env[@]}" "$@"; }

# ---------------------------------------------------------------------------
say "1. cmake --install $build --prefix <tmp>, then moved"
check "cmake --install failed" cmake --install "$build" --prefix "$work/prefix"
mv "$work/prefix" "$work/moved"
out="$(run "$work/moved/bin/tether" --version 2>&1)" ||
  { echo "$out" >&2; fail "the installed tether does not run from a moved prefix"; }
say "   moved prefix: $out"
plugin="$(run "$work/moved/bin/tether" --print-plugin-path 2>&1)" ||
  { echo "$plugin" >&2; fail "tether --print-plugin-path failed in a moved prefix"; }
[[ "$(realpath "$plugin")" == "$work/moved/lib/tether/libTetherTidy.so" ]] ||
  fail "the moved tether prints plugin path '$plugin', expected $work/moved/lib/tether/libTetherTidy.so"
rm -rf "$work/moved"

# ---------------------------------------------------------------------------
say "2. cpack -G DEB"
check "cpack -G DEB failed" \
  "$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/out"
deb="$work/out/tether_${version}_${arch}.deb"
[[ -f "$deb" ]] || fail "cpack wrote no $(basename "$deb"); $(ls "$work/out")"
say "   $(basename "$deb"), $(du -h "$deb" | cut -f1)"

info="$(dpkg-deb -I "$deb")" || fail "dpkg-deb -I cannot read $deb"
field() { dpkg-deb -f "$deb" "$1"; }
[[ "$(field Package)" == tether ]] || fail "Package is '$(field Package)', expected tether"
[[ "$(field Version)" == "$version" ]] || fail "Version is '$(field Version)', expected $version"
[[ "$(field Architecture)" == "$arch" ]] || fail "Architecture is '$(field Architecture)'"
[[ "$(field Section)" == devel ]] || fail "Section is '$(field Section)', expected devel"
[[ -n "$(field Maintainer)" ]] || fail "no Maintainer"
[[ -n "$(field Description)" ]] || fail "no Description"
depends="$(field Depends)"
say "   Depends: $depends"
# The list of package names in Depends (alternatives included).
depends_names="$(tr ',|' '\n\n' <<<"$depends" | sed 's/(.*//; s/^ *//; s/ *$//' | sort -u)"
has_depend() { grep -qx "$1" <<<"$depends_names"; }

# What users need that no ELF header names.
for p in clang-tidy-19 libclang-common-19-dev libstdc++-12-dev; do
  has_depend "$p" || fail "Depends lacks $p"
done
# The plugins load only into the LLVM release they were built for.
grep -Eq 'clang-tidy-19 \(<< [^)]+\)' <<<"$depends" ||
  fail "Depends does not bound clang-tidy-19 to the LLVM release the plugin was built for"
# No -dev package or build-tree path stands in for a runtime library.
for p in llvm-19-dev libclang-19-dev libclang-cpp19-dev; do
  has_depend "$p" && fail "Depends names the development package $p"
done

# Every file the package contains, without the leading "./".
files="$(dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./||; s|/$||' | sort)"
has_file() { grep -qx "$1" <<<"$files"; }
expect=(usr/bin/tether usr/lib/tether/libTetherTidy.so usr/lib/tether/libTetherAnalyzer.so
        usr/share/doc/tether/README.md)
((with_clangd)) && expect+=(usr/bin/tether-clangd)
[[ -f "$source/CHANGELOG.md" ]] && expect+=(usr/share/doc/tether/CHANGELOG.md)
while IFS= read -r f; do expect+=("usr/share/doc/tether/$f"); done < <(
  cd "$source" && find docs -type f | sort
  cd "$source" && find examples/worker-pool \( -name build -o -name 'build-*' -o -name .cache \) -prune \
    -o -type f ! -name compile_commands.json -print | sort)
for f in "${expect[@]}"; do
  has_file "$f" || fail "the package lacks $f"
done
has_file usr/share/doc/tether/examples/worker-pool/.clangd || fail "the package lacks the example's .clangd"
stray="$(grep -Ev '^(usr|usr/bin|usr/lib|usr/share|usr/share/doc|usr/bin/tether(-clangd)?|usr/lib/tether(/libTether(Tidy|Analyzer)\.so)?|usr/share/doc/tether(/.*)?)$' <<<"$files")"
[[ -z "$stray" ]] || fail "files outside the install layout: $stray"
grep -Eq '^usr/share/doc/tether/examples/.*/(build|CMakeFiles)(/|$)|CMakeCache\.txt$|compile_commands\.json$' <<<"$files" &&
  fail "the package contains a build folder of the example"
say "   $(wc -l <<<"$files") entries, layout as documented"

# ---------------------------------------------------------------------------
say "3. dpkg-deb -x into a clean folder"
root="$work/root"
check "dpkg-deb -x failed" dpkg-deb -x "$deb" "$root"
elves=("$root/usr/bin/tether" "$root/usr/lib/tether/libTetherTidy.so" "$root/usr/lib/tether/libTetherAnalyzer.so")
((with_clangd)) && elves+=("$root/usr/bin/tether-clangd")

needed_pkgs=()
owner_of() { # the package owning a library file; with merged /usr, dpkg knows
  # some by their /lib name (libc6), others by their /usr/lib name
  local real candidate
  real="$(realpath "$1")"
  for candidate in "$1" "$real" "${real#/usr}" "/usr${1#/usr}"; do
    dpkg -S "$candidate" 2>/dev/null | head -1 | cut -d: -f1 | grep . && return
  done
}
for elf in "${elves[@]}"; do
  runpath="$(readelf -d "$elf" | sed -n 's/.*(R\(UN\)\?PATH).*\[\(.*\)\]/\2/p')"
  case ":$runpath:" in
    *":$build"*|*":$source"*) fail "$(basename "$elf") has RUNPATH '$runpath' into the build or source tree" ;;
  esac
  [[ -n "$runpath" ]] && say "   $(basename "$elf"): RUNPATH $runpath"
  # Depends must name the package of every library the binary links
  # (NEEDED; what those load in turn is their packages' business).
  resolved="$(run ldd "$elf" | awk '$2 == "=>" {print $1, $3} $1 ~ /^\// {print $1, $1}')"
  for lib in $(readelf -d "$elf" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
    path="$(awk -v l="$lib" '$1 == l || $1 ~ "/" l "$" {print $2; exit}' <<<"$resolved")"
    [[ -z "$path" || "$path" == not ]] &&
      fail "$(basename "$elf") needs $lib, which the loader does not find"
    owner="$(owner_of "$path")"
    [[ -n "$owner" ]] || fail "no Debian package owns $path ($lib, needed by $(basename "$elf"))"
    has_depend "$owner" || fail "$(basename "$elf") links $lib from $owner, which Depends does not name"
    needed_pkgs+=("$owner")
  done
done
say "   Depends names the package of every library the packaged binaries link: $(printf '%s\n' "${needed_pkgs[@]}" | sort -u | tr '\n' ' ')"

tether="$root/usr/bin/tether"
out="$(run "$tether" --version 2>&1)" || { echo "$out" >&2; fail "the extracted tether --version failed"; }
grep -q "$version" <<<"$out" || fail "tether --version says '$out', not $version"
say "   tether --version: $out"

# The plugin paths, as printed by the installed tether.
plugin="$(run "$tether" --print-plugin-path 2>&1)" || { echo "$plugin" >&2; fail "tether --print-plugin-path failed"; }
[[ "$(realpath "$plugin")" == "$root/usr/lib/tether/libTetherTidy.so" ]] ||
  fail "tether --print-plugin-path printed '$plugin', expected $root/usr/lib/tether/libTetherTidy.so"
analyzer_plugin="$(run "$tether" --print-analyzer-plugin-path 2>&1)" ||
  { echo "$analyzer_plugin" >&2; fail "tether --print-analyzer-plugin-path failed"; }
[[ "$(realpath "$analyzer_plugin")" == "$root/usr/lib/tether/libTetherAnalyzer.so" ]] ||
  fail "tether --print-analyzer-plugin-path printed '$analyzer_plugin'"

# The example, copied out of the installed documentation and configured.
example_from() { # example_from DOCDIR DEST: copy the example and configure it
  cp -r "$1/examples/worker-pool" "$2" || fail "cannot copy $1/examples/worker-pool"
  local generator=()
  command -v ninja >/dev/null && generator=(-G Ninja)
  local out
  out="$(run cmake -S "$2" -B "$2/build" "${generator[@]}" -DCMAKE_CXX_COMPILER=clang++-19 \
         -DCMAKE_EXPORT_COMPILE_COMMANDS=ON 2>&1)" ||
    { echo "$out" >&2; fail "cannot configure the example (it needs libboost-fiber-dev and libasio-dev)"; }
}
expected_counts="1 tether-handle-leak
5 tether-loop-variable-capture
1 tether-semaphore-spawn-deadlock
1 tether-unreceived-send"
counts() { grep -Eo 'warning: .*\[tether-[a-z-]+\]$' | grep -Eo 'tether-[a-z-]+\]$' | tr -d ']' | sort | uniq -c | sed 's/^ *//'; }

scan_example() { # scan_example TETHER EXAMPLE LABEL
  local out rc
  out="$(cd "$2" && run "$1" scan -p "$2/build" --no-cache --format sarif -o "$work/$3.sarif" 2>&1)"
  rc=$?
  [[ $rc -eq 1 ]] || { echo "$out" >&2; fail "$3: tether scan exited with $rc, expected 1 (findings)"; }
  out="$(cd "$2" && run "$1" scan -p "$2/build" --no-cache 2>&1)"
  rc=$?
  [[ $rc -eq 1 ]] || { echo "$out" >&2; fail "$3: tether scan exited with $rc, expected 1 (findings)"; }
  grep -q "8 finding(s) in 4 file(s); 4 translation unit(s) analysed, 0 could not be analysed" <<<"$out" ||
    { echo "$out" >&2; fail "$3: tether scan did not report the example's 8 findings in 4 units"; }
  [[ "$(counts <<<"$out")" == "$expected_counts" ]] ||
    { echo "$out" >&2; fail "$3: tether scan findings by check: $(counts <<<"$out" | tr '\n' ' ')"; }
  say "   $3: tether scan: $(tail -1 <<<"$out") (exit 1)"
}

tidy_example() { # tidy_example PLUGIN EXAMPLE LABEL
  local out
  out="$(cd "$2" && run clang-tidy-19 -load "$1" --checks='-*,tether-*' -p "$2/build" \
         src/ingest.cpp src/lookup.cpp src/main.cpp src/render.cpp 2>&1)" ||
    { echo "$out" >&2; fail "$3: clang-tidy-19 -load $1 failed"; }
  [[ "$(counts <<<"$out")" == "$expected_counts" ]] ||
    { echo "$out" >&2; fail "$3: clang-tidy-19 with the plugin reported, by check: $(counts <<<"$out" | tr '\n' ' ')"; }
  say "   $3: clang-tidy-19 -load $1: $(grep -c 'warning: .*\[tether-' <<<"$out") findings"
}

example="$work/example"
example_from "$root/usr/share/doc/tether" "$example"
scan_example "$tether" "$example" extracted

# helpUri: the installed docs when the build was configured for packaging.
help_uri="$(grep -o '"helpUri": *"[^"]*tether-loop-variable-capture.md"' "$work/extracted.sarif" | sed 's/.*"\(.*\)"$/\1/')"
if ((package_config)); then
  [[ "$help_uri" == "file:///usr/share/doc/tether/docs/checks/tether-loop-variable-capture.md" ]] ||
    fail "with TETHER_PACKAGE=ON the SARIF helpUri is '$help_uri', expected the installed docs"
  [[ -f "$root${help_uri#file://}" ]] || fail "helpUri $help_uri is not a file of the package"
  say "   SARIF helpUri: $help_uri"
else
  say "   NOTE: SARIF helpUri is $help_uri (this build has TETHER_PACKAGE=OFF; a release package is configured with -DTETHER_PACKAGE=ON)"
fi

tidy_example "$plugin" "$example" extracted

# The analyzer plugin in clang-19 --analyze, on the file with two of its bugs.
if command -v clang-19 >/dev/null; then
  out="$(cd "$example" && run clang-19 --analyze -std=c++20 -Iinclude \
         -Xclang -load -Xclang "$analyzer_plugin" -Xclang -analyzer-checker=tether \
         -Xclang -analyzer-config -Xclang c++-stdlib-inlining=false \
         src/lookup.cpp -o /dev/null 2>&1)" ||
    { echo "$out" >&2; fail "clang-19 --analyze with $analyzer_plugin failed"; }
  n="$(grep -Ec 'warning: .*\[tether\.(UnreceivedSend|SemaphoreSpawnDeadlock)\]' <<<"$out")"
  [[ "$n" == 2 ]] || { echo "$out" >&2; fail "clang-19 --analyze with the plugin reported $n of lookup.cpp's 2 findings"; }
  say "   extracted: clang-19 --analyze with the analyzer plugin: 2 findings in src/lookup.cpp"
else
  fail "clang-19 not found (the analyzer plugin cannot be tested)"
fi

# tether-clangd parses with clang's resource headers and the standard library
# (--check prints only errors; tweak failures are not diagnostics).
if ((with_clangd)); then
  out="$(cd "$example" && run "$root/usr/bin/tether-clangd" --compile-commands-dir="$example/build" \
         --check=src/main.cpp 2>&1)"
  grep -q "All checks completed" <<<"$out" || { echo "$out" >&2; fail "tether-clangd --check did not complete"; }
  diags="$(grep -E '^E\[[^]]*\] \[' <<<"$out")"
  [[ -z "$diags" ]] || { echo "$diags" >&2; fail "the extracted tether-clangd cannot parse the example"; }
  say "   extracted: tether-clangd --check src/main.cpp: no errors"
fi

out="$(cd "$example" && run "$tether" doctor -p "$example/build" 2>&1)" ||
  { echo "$out" >&2; fail "tether doctor reports problems on the example"; }
say "   extracted: $(tail -1 <<<"$out")"

# ---------------------------------------------------------------------------
if [[ "${TETHER_PACKAGE_TEST_INSTALL:-}" != 1 ]]; then
  say "4. apt-get install: skipped (set TETHER_PACKAGE_TEST_INSTALL=1, as root, to install the package for real)"
  say "PASS"
  exit 0
fi
say "4. apt-get install -y $deb"
[[ $(id -u) -eq 0 ]] || fail "TETHER_PACKAGE_TEST_INSTALL=1 needs root (apt-get install)"
command -v apt-get >/dev/null || fail "TETHER_PACKAGE_TEST_INSTALL=1 but no apt-get"
if dpkg-query -W tether >/dev/null 2>&1; then
  fail "dpkg already knows a tether package ($(dpkg-query -W -f='${Version}: ${Status}' tether)); the test neither replaces nor removes it"
fi
[[ -e /usr/bin/tether ]] && fail "/usr/bin/tether exists but belongs to no tether package"

installed_for_real=1
out="$(DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" 2>&1)" ||
  { echo "$out" >&2; fail "apt-get install $deb failed"; }
dpkg-query -W -f='${Status} ${Version}' tether | grep -q "install ok installed $version" ||
  fail "after apt-get install, dpkg does not list tether $version as installed"
say "   installed: $(dpkg-query -W -f='${Package} ${Version}' tether)"

# From the PATH, as a user runs it.
out="$(run tether --version 2>&1)" || { echo "$out" >&2; fail "tether --version from /usr/bin failed"; }
[[ "$(run sh -c 'command -v tether')" == /usr/bin/tether ]] ||
  fail "tether on the PATH is not /usr/bin/tether"
say "   /usr/bin/tether --version: $out"
installed_plugin="$(run tether --print-plugin-path 2>&1)" ||
  { echo "$installed_plugin" >&2; fail "tether --print-plugin-path failed"; }
[[ "$(realpath "$installed_plugin")" == /usr/lib/tether/libTetherTidy.so ]] ||
  fail "the installed tether prints plugin path '$installed_plugin', expected /usr/lib/tether/libTetherTidy.so"

[[ -d /usr/share/doc/tether/examples/worker-pool ]] ||
  fail "/usr/share/doc/tether/examples/worker-pool is missing (a dpkg path-exclude for /usr/share/doc/*?)"
installed_example="$work/installed-example"
example_from /usr/share/doc/tether "$installed_example"
scan_example /usr/bin/tether "$installed_example" installed
tidy_example "$installed_plugin" "$installed_example" installed
out="$(cd "$installed_example" && run tether doctor -p "$installed_example/build" 2>&1)" ||
  { echo "$out" >&2; fail "the installed tether doctor reports problems on the example"; }
say "   installed: $(tail -1 <<<"$out")"

# purge rather than remove: with a postrm script (CPack's ldconfig call) a
# removed package stays known to dpkg as "config-files" until purged.
installed_for_real=0
say "   apt-get purge -y tether"
out="$(DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq tether 2>&1)" ||
  { echo "$out" >&2; fail "apt-get purge tether failed"; }
[[ ! -e /usr/bin/tether && ! -e /usr/lib/tether && ! -e /usr/share/doc/tether ]] ||
  fail "apt-get purge tether left /usr/bin/tether, /usr/lib/tether or /usr/share/doc/tether behind"
dpkg-query -W tether >/dev/null 2>&1 && fail "dpkg still knows tether after apt-get purge"
say "PASS"
