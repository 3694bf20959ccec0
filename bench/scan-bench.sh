#!/usr/bin/env bash
# Times Tether against the floor (clang-19 -fsyntax-only) and against the
# stock clang-tidy-19 running the same checks through the plugin, over the
# same translation units, and prints the ratios. Never asserts a timing.
#
#   bench/scan-bench.sh [BUILD_DIR] [REPEAT]
#
# Corpus: the bundled example project (real libstdc++/Boost/Asio headers) and
# Tether's own sources (heavy clang headers). Each configuration runs
# sequentially (-j 1) so the numbers compare like for like; the best of
# REPEAT runs (default 3) is kept.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
build="${1:-$root/build}"
repeat="${2:-3}"
tether="$build/bin/tether"
plugin="$build/lib/libTetherTidy.so"
for f in "$tether" "$plugin" "$build/compile_commands.json"; do
  [[ -e "$f" ]] || { echo "missing $f: build Tether first (./bootstrap.sh build)" >&2; exit 2; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cmake -S "$root/examples/worker-pool" -B "$work/example" -DCMAKE_CXX_COMPILER=clang++-19 \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null

best() { # best of $repeat runs of "$@", in seconds
  local b="" t0 t1 d
  for ((r = 0; r < repeat; ++r)); do
    t0=$(now); "$@" >/dev/null 2>&1 || true; t1=$(now)
    d=$(echo "$t1 - $t0" | bc -l)
    if [[ -z "$b" ]] || (( $(echo "$d < $b" | bc -l) )); then b=$d; fi
  done
  echo "$b"
}



tidy() { # stock clang-tidy-19 with the plugin over every unit of database $1
  local db_dir; db_dir="$(dirname "$1")"
  units "$1" | cut -f2 | while read -r file; do
    clang-tidy-19 -load="$plugin" --checks='-*,tether-*' -p "$db_dir" --quiet "$file"
  done
}

scan() { "$tether" scan --compile-commands "$1" -j 1 --quiet "${@:2}"; }

report() { # name database
  local name=$1 db=$2 n
  n=$(units "$db" | wc -l)
  local floor tidyt tethert tether2
  floor=$(best syntax_only "$db")
  tidyt=$(best tidy "$db")
  tethert=$(best scan "$db")
  tether2=$(best "$tether" scan --compile-commands "$db" -j 2 --quiet)
  printf '%-22s %3d TUs  syntax-only %6.2fs  clang-tidy+plugin %6.2fs  tether -j1 %6.2fs  tether -j2 %6.2fs\n' \
    "$name" "$n" "$floor" "$tidyt" "$tethert" "$tether2"
  printf '%-22s          tether/syntax-only %.2fx   tether/clang-tidy %.2fx   -j2 speed-up %.2fx\n' \
    "" "$(echo "$tethert / $floor" | bc -l)" "$(echo "$tethert / $tidyt" | bc -l)" \
    "$(echo "$tethert / $tether2" | bc -l)"
}

# Tether's own sources: only the units under lib/, checkers/ and tools/.
mkdir -p "$work/self"
python3 - "$build/compile_commands.json" "$work/self/compile_commands.json" "$root" <<'PY'
import json, sys
db = json.load(open(sys.argv[1]))
keep = [e for e in db if any(("/%s/" % d) in e["file"] for d in ("lib", "checkers", "tools"))
        and sys.argv[3] in e["file"]]
json.dump(keep, open(sys.argv[2], "w"))
PY

echo "best of $repeat runs, sequential unless noted"
report "examples/worker-pool" "$work/example/compile_commands.json"
report "tether's own sources" "$work/self/compile_commands.json"
