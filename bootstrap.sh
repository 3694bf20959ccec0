#!/usr/bin/env bash
# Sets up everything Tether needs on Debian 12, builds it, then runs one job:
#
#   ./bootstrap.sh example   scan the bundled example project (examples/)
#   ./bootstrap.sh test      run the whole test suite (what CI runs)
#   ./bootstrap.sh build     only install and build
#
# Installs the missing Debian packages (LLVM/Clang 19 and friends) with
# apt-get, as root or through sudo. BUILD_DIR overrides the build folder.
set -euo pipefail

job="${1:-}"
case "$job" in
  example|test|build) ;;
  *) echo "usage: $0 example|test|build" >&2; exit 2 ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${BUILD_DIR:-$root/build}"

packages=(
  cmake ninja-build g++ git
  clang-19 lld-19 llvm-19-dev libclang-19-dev libclang-cpp19-dev
  clang-tidy-19 clangd-19 clang-tools-19
  libgrpc++-dev libprotobuf-dev libzstd-dev   # tether-clangd links clangd's deps
  libgtest-dev libgmock-dev                   # tests
  libboost-fiber-dev libboost-thread-dev libasio-dev  # real-header smoke tests, example
  chromium                                    # the HTML report's browser test
  python3 python3-yaml                        # the CI recipes' test reads the workflow
  dpkg-dev                                    # cpack's dpkg-shlibdeps (the .deb test)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$p")
done
if ((${#missing[@]})); then
  echo "bootstrap: installing ${missing[*]}" >&2
  sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S "$root" -B "$build" "${generator[@]}" \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=clang++-19 >/dev/null
fi
cmake --build "$build" --parallel "$(nproc)"

case "$job" in
  build) ;;
  example)
    example="$root/examples/worker-pool"
    cmake -S "$example" -B "$build/examples/worker-pool" "${generator[@]}" \
      -DCMAKE_CXX_COMPILER=clang++-19 -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
    echo "bootstrap: tether scan -p $build/examples/worker-pool" >&2
    set +e
    (cd "$example" && "$build/bin/tether" scan -p "$build/examples/worker-pool")
    rc=$?
    set -e
    # 1 means "findings", which is what the example is for.
    [[ $rc -eq 0 || $rc -eq 1 ]] || exit "$rc"
    ;;
  test)
    # As root, the package test also installs the .deb with apt-get, scans
    # the example with the installed tether, and purges it again.
    [[ $(id -u) -eq 0 ]] && export TETHER_PACKAGE_TEST_INSTALL=1
    ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)" --timeout 900
    ;;
esac
