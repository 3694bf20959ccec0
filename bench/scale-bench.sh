#!/usr/bin/env bash
# Times `tether scan` at codebase scale and prints ratios; never asserts a
# timing.
#
#   bench/scale-bench.sh [BUILD_DIR] [REPEAT] [UNITS]
#
# Corpora: a generated codebase of UNITS translation units (default 80;
# bench/gen-codebase.py, -std=c++20, libstdc++, POSIX and Boost.Fiber
# headers, seeded concurrency bugs among ordinary code) and Tether's own
# sources (the units of BUILD_DIR/compile_commands.json under lib/,
# checkers/ and tools/, copied so that editing a header touches nothing of
# the real tree). Per corpus, over the same translation units:
#
#   (a) sequential: clang-19 -fsyntax-only per unit (the floor), tether scan
#       -j 1 --no-cache, the stock clang-tidy-19 with libTetherTidy.so and
#       -*,tether-* per unit;
#   (b) the result cache: tether scan -j 1 into an empty cache (cold), the
#       same again (warm), then again after editing one widely included
#       header (how many units it re-analysed: unitsTotal - stats.cacheHits);
#   (c) parallel: tether scan -j 2 --no-cache, and clang-19 -fsyntax-only
#       two at a time (xargs -P 2: what two cores give plain parsing);
#   (d) memory: the largest peak RSS of one clang-19 -fsyntax-only
#       (/usr/bin/time %M, max over units), tether's stats.maxWorkerMemoryKB,
#       and the tether parent's own peak (VmHWM of the parent, sampled every
#       0.2 s: /usr/bin/time %M on the scan reports the largest of the
#       parent and its waited-for workers, not the parent alone).
#
# Then (e) the driver with a large database: DBSIZE entries (default 30000)
# over 5 tiny files with distinct -D flags, `--shard 1/(DBSIZE/10)` so that
# 10 units are analysed, against 10 and DBSIZE/10 entries.
#
# Each configuration keeps the best of up to REPEAT runs (default 3), as many
# as fit in BUDGET seconds (default 400) per configuration. Environment:
# SEED (generator seed, default 1), SELF_LIMIT (at most that many of
# Tether's own units, spread over the list; 0 = all, the default),
# SKIP_SELF=1, SKIP_BIGDB=1, KEEP=1 (keep the temporary folder),
# BENCH_CLOCK=cpu (measure CPU seconds instead of wall seconds: for a
# machine that other work shares; see clock_read in bench/lib.sh).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
build="$(cd "${1:-$root/build}" && pwd)"
repeat="${2:-3}"
nunits="${3:-80}"
seed="${SEED:-1}"
budget="${BUDGET:-400}"
self_limit="${SELF_LIMIT:-0}"
dbsize="${DBSIZE:-30000}"
tether="$build/bin/tether"
plugin="$build/lib/libTetherTidy.so"
for f in "$tether" "$plugin" "$build/compile_commands.json" /usr/bin/time; do
  [[ -e "$f" ]] || { echo "missing $f (build Tether first; /usr/bin/time: apt-get install time)" >&2; exit 2; }
done

work="$(mktemp -d)"
if [[ -n "${KEEP:-}" ]]; then echo "work folder: $work"; else trap 'rm -rf "$work"' EXIT; fi
started=$(now)

# --- helpers ---------------------------------------------------------------

# compile_args LINE: the arguments of a units() line without the compiler,
# -c and -o FILE, into the array `cargs`; the directory into `cdir`.
compile_args() {
  local rest a skip=0 args
  IFS=$'\t' read -r cdir _ rest <<<"$1"
  IFS=$'\t' read -r -a args <<<"$rest"
  cargs=()
  for a in "${args[@]}"; do
    if ((skip)); then skip=0; continue; fi
    case "$a" in -o) skip=1 ;; -c) ;; *) cargs+=("$a") ;; esac
  done
}

# syntax_mem DB KBFILE: clang-19 -fsyntax-only over every unit, one at a
# time, each under /usr/bin/time; the largest peak RSS goes to KBFILE.
syntax_mem() {
  local line peak=0 kb
  while IFS= read -r line; do
    compile_args "$line"
    (cd "$cdir" && /usr/bin/time -f %M -o "$work/unit.kb" clang-19 -fsyntax-only "${cargs[@]}") || true
    kb=$(tail -n 1 "$work/unit.kb")
    ((kb > peak)) && peak=$kb
  done < <(units "$1")
  echo "$peak" >"$2"
}

# syntax_par DB: clang-19 -fsyntax-only over every unit, two at a time.
syntax_par() {
  local line i=0
  mkdir -p "$work/par"
  while IFS= read -r line; do
    compile_args "$line"
    printf 'cd %q && exec clang-19 -fsyntax-only %s\n' "$cdir" "$(printf '%q ' "${cargs[@]}")" >"$work/par/$i.sh"
    i=$((i + 1))
  done < <(units "$1")
  find "$work/par" -name '*.sh' -print0 | sort -zV | xargs -0 -n 1 -P 2 bash || true
  rm -rf "$work/par"
}

# tidy DB: the stock clang-tidy-19 with the plugin over every unit.
tidy() {
  local db_dir; db_dir="$(dirname "$1")"
  units "$1" | cut -f2 | while IFS= read -r file; do
    clang-tidy-19 -load="$plugin" --checks='-*,tether-*' -p "$db_dir" --quiet "$file" || true
  done
}

# scan_peak OUT KBFILE ARGS...: tether scan ARGS --format json -o OUT under
# /usr/bin/time; KBFILE gets "PARENT ALL": ALL is /usr/bin/time's %M, the
# largest peak RSS of the parent and its workers; PARENT is the parent's own
# peak: its VmHWM, sampled every 0.1 s, or ALL when ALL exceeds every
# worker's peak (then it can only be the parent's).
exec {sleep_fd}<> <(:)
scan_peak() {
  local out=$1 kbfile=$2 tp pid="" peak=0 k v all worker; shift 2
  /usr/bin/time -f %M -o "$work/scan.kb" "$tether" scan "$@" --quiet --format json -o "$out" >/dev/null 2>&1 &
  tp=$!
  while kill -0 "$tp" 2>/dev/null; do
    [[ -n $pid ]] || read -r pid _ <"/proc/$tp/task/$tp/children" 2>/dev/null || true
    if [[ -n $pid ]]; then
      while read -r k v _; do
        [[ $k == VmHWM: ]] && ((v > peak)) && peak=$v
      done <"/proc/$pid/status" 2>/dev/null || true
    fi
    read -r -t 0.1 -u "$sleep_fd" _ || true
  done
  wait "$tp" || true
  all=$(tail -n 1 "$work/scan.kb")
  worker=$(stat_of "$out" maxWorkerMemoryKB)
  ((all > worker && all > peak)) && peak=$all
  echo "$peak $all" >"$kbfile"
}

stat_of() { # stat_of JSON KEY: a field of the report's stats (or top level)
  python3 - "$1" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(d.get("stats", {}).get(sys.argv[2], d.get(sys.argv[2], 0)))
PY
}

findings_of() { # findings_of JSON: "N (k check, ...)"
  python3 - "$1" <<'PY'
import collections, json, sys
d = json.load(open(sys.argv[1]))
c = collections.Counter(f["check"].replace("tether-", "") for f in d["findings"])
print("%d (%s)" % (sum(c.values()), ", ".join("%d %s" % (n, k) for k, n in sorted(c.items())) or "none"))
PY
}

mb() { echo "$(( ($1 + 512) / 1024 ))"; }
ratio() { f2 "$(echo "$1 / $2" | bc -l)"; }
runs() { echo "${1#* }"; }
secs() { echo "${1%% *}"; }

# edit_cycle DB HEADER: per run, an empty cache, a cold scan, a warm one,
# then one after appending a comment to HEADER (restored after). Prints
# "cold warm edited runs reanalysed total warmhits" (best times).
edit_cycle() {
  local db=$1 header=$2 r t0 t1 d cold="" warm="" edited="" total=0 re=0 n=0 hits=0
  cp "$header" "$work/header.orig"
  for ((r = 0; r < repeat; ++r)); do
    rm -rf "$work/cache"
    clock_read; t0=$clock; "$tether" scan --compile-commands "$db" -j 1 --cache-dir "$work/cache" --quiet \
      --format json -o "$work/cold.json" >/dev/null 2>&1 || true; clock_read; t1=$clock
    d=$(echo "$t1 - $t0" | bc -l); total=$(echo "$total + $d" | bc -l)
    [[ -z $cold ]] || (($(echo "$d < $cold" | bc -l))) && cold=$d
    clock_read; t0=$clock; "$tether" scan --compile-commands "$db" -j 1 --cache-dir "$work/cache" --quiet \
      --format json -o "$work/warm.json" >/dev/null 2>&1 || true; clock_read; t1=$clock
    d=$(echo "$t1 - $t0" | bc -l); total=$(echo "$total + $d" | bc -l)
    [[ -z $warm ]] || (($(echo "$d < $warm" | bc -l))) && warm=$d
    hits=$(stat_of "$work/warm.json" cacheHits)
    printf '\n// edited by scale-bench.sh, run %d\n' "$r" >>"$header"
    clock_read; t0=$clock; "$tether" scan --compile-commands "$db" -j 1 --cache-dir "$work/cache" --quiet \
      --format json -o "$work/edited.json" >/dev/null 2>&1 || true; clock_read; t1=$clock
    cp "$work/header.orig" "$header"
    d=$(echo "$t1 - $t0" | bc -l); total=$(echo "$total + $d" | bc -l)
    [[ -z $edited ]] || (($(echo "$d < $edited" | bc -l))) && edited=$d
    n=$(stat_of "$work/edited.json" unitsTotal)
    re=$((n - $(stat_of "$work/edited.json" cacheHits)))
    (($(echo "$total * (r + 2) / (r + 1) > $budget" | bc -l))) && { r=$((r + 1)); break; }
  done
  echo "$cold $warm $edited $r $re $n $hits"
}

# report NAME DB HEADER INCLUDERS [SEEDED]: every measurement over one corpus.
report() {
  local name=$1 db=$2 header=$3 includers=$4 seeded=${5:-}
  local n floor tj1 tidyt tj2 par cyc
  n=$(units "$db" | wc -l)
  echo "  $name: $n TUs, measuring..." >&2
  floor=$(best "$repeat" /dev/null syntax_mem "$db" "$work/syntax.kb")
  tj1=$(best "$repeat" /dev/null scan_peak "$work/j1.json" "$work/parent.kb" \
    --compile-commands "$db" -j 1 --no-cache)
  tidyt=$(best "$repeat" /dev/null tidy "$db")
  cyc=$(edit_cycle "$db" "$header")
  tj2=$(best "$repeat" /dev/null "$tether" scan --compile-commands "$db" -j 2 --no-cache --quiet)
  par=$(best "$repeat" /dev/null syntax_par "$db")
  local cold warm edited cruns re total hits
  read -r cold warm edited cruns re total hits <<<"$cyc"
  local skb wkb pkb
  skb=$(cat "$work/syntax.kb"); wkb=$(stat_of "$work/j1.json" maxWorkerMemoryKB); read -r pkb _ <"$work/parent.kb"
  local hdr=${header#"$work"/*/}
  printf '%s, %d TUs\n' "$name" "$n"
  printf '  sequential  syntax-only %7.2fs   tether -j1 %7.2fs   clang-tidy+plugin %7.2fs   (best of %s/%s/%s)\n' \
    "$(secs "$floor")" "$(secs "$tj1")" "$(secs "$tidyt")" "$(runs "$floor")" "$(runs "$tj1")" "$(runs "$tidyt")"
  printf '  cache -j1   cold %7.2fs   warm %6.2fs (%d of %d from the cache)   %s edited %7.2fs (%d re-analysed, %d include it)   (best of %s)\n' \
    "$cold" "$warm" "$hits" "$total" "$hdr" "$edited" "$re" "$includers" "$cruns"
  printf '  parallel    tether -j2 %7.2fs   syntax-only 2 at a time %7.2fs   (best of %s/%s)\n' \
    "$(secs "$tj2")" "$(secs "$par")" "$(runs "$tj2")" "$(runs "$par")"
  printf '  memory      syntax-only peak %4d MB (largest TU)   tether worker peak %4d MB   tether parent peak %3d MB\n' \
    "$(mb "$skb")" "$(mb "$wkb")" "$(mb "$pkb")"
  printf '  ratios      tether/syntax-only %sx   tether/clang-tidy %sx   warm/cold %sx   edited/cold %sx   -j2 speed-up %sx (syntax-only %sx)   worker/syntax-only memory %sx\n' \
    "$(ratio "$(secs "$tj1")" "$(secs "$floor")")" "$(ratio "$(secs "$tj1")" "$(secs "$tidyt")")" \
    "$(printf %.4f "$(echo "$warm / $cold" | bc -l)")" "$(ratio "$edited" "$cold")" \
    "$(ratio "$(secs "$tj1")" "$(secs "$tj2")")" "$(ratio "$(secs "$floor")" "$(secs "$par")")" \
    "$(ratio "$wkb" "$skb")"
  printf '  findings    %s%s\n' "$(findings_of "$work/j1.json")" "${seeded:+; seeded $seeded}"
}

# --- corpora ---------------------------------------------------------------

echo "machine: $(uname -srm), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
if [[ ${BENCH_CLOCK:-wall} == cpu ]]; then
  echo "clock:   CPU seconds (user + system, all processes; BENCH_CLOCK=cpu); the -j2 rows are CPU too, so they show the cost of parallelism, not a speed-up"
else
  echo "clock:   wall seconds"
fi
echo "LLVM:    $(clang-19 --version | head -n 1); $("$tether" --version)"
python3 "$root/bench/gen-codebase.py" --out "$work/gen" --units "$nunits" --seed "$seed" >/dev/null
read -r gen_header gen_includers gen_seeded gen_desc < <(python3 - "$work/gen/manifest.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
s = m["seeded"]
fib = m["includedBy"].get("common/chan.h", 0)
print(m["touch"], m["touchIncludedBy"], sum(s.values()),
      "%d modules, %d lines in units, %d project headers, %d units with Boost.Fiber" %
      (len(m["modules"]), m["unitLines"], len(m["includedBy"]), fib))
PY
)
echo "corpus:  generated, seed $seed: $gen_desc"

if [[ -z "${SKIP_SELF:-}" ]]; then
  # Tether's own sources, copied: lib/, checkers/, tools/ (no tests).
  mkdir -p "$work/self/build"
  cp -r "$root/lib" "$root/checkers" "$root/tools" "$work/self/"
  read -r self_header self_includers < <(python3 - "$build/compile_commands.json" "$work/self" "$root" "$self_limit" <<'PY'
import collections, json, os, shlex, subprocess, sys
db, dst, root, limit = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3], int(sys.argv[4])
keep = [e for e in db if any(e["file"].startswith(os.path.join(root, d) + "/") for d in ("lib", "checkers", "tools"))]
if limit and len(keep) > limit:  # spread the choice over the list
    keep = [keep[i * len(keep) // limit] for i in range(limit)]
out = []
for e in keep:
    args = e.get("arguments") or shlex.split(e["command"])
    fix = lambda a: a.replace(root + "/lib", dst + "/lib").replace(root + "/checkers", dst + "/checkers").replace(root + "/tools", dst + "/tools")
    out.append({"directory": dst + "/build", "file": fix(e["file"]), "arguments": [fix(a) for a in args]})
json.dump(out, open(dst + "/build/compile_commands.json", "w"), indent=1)
# The header to edit: the project header whose includers come closest to a
# third of the units (clang -MM).
count = collections.Counter()
for e in out:
    args, cmd, skip = e["arguments"][1:], [], False
    for a in args:
        if skip: skip = False; continue
        if a == "-o": skip = True; continue
        if a == "-c": continue
        cmd.append(a)
    deps = subprocess.run(["clang-19", "-MM"] + cmd, cwd=e["directory"], capture_output=True, text=True).stdout
    for d in set(deps.replace("\\\n", " ").split()[1:]):
        if d.startswith(dst) and d.endswith(".h"):
            count[d] += 1
best = min(sorted(count), key=lambda h: abs(count[h] - len(out) / 3))
print(best, count[best])
PY
  )
  echo "         tether's own sources (lib/, checkers/, tools/): $(units "$work/self/build/compile_commands.json" | wc -l) TUs, $(units "$work/self/build/compile_commands.json" | cut -f2 | xargs cat | wc -l) lines"
fi
echo
echo "best of up to $repeat runs (at most ${budget}s per configuration); -j1 and clang-tidy one unit at a time"
report "generated" "$work/gen/compile_commands.json" "$work/gen/$gen_header" "$gen_includers" "$gen_seeded"
if [[ -z "${SKIP_SELF:-}" ]]; then
  report "tether's own sources" "$work/self/build/compile_commands.json" "$self_header" "$self_includers"
fi

# --- a large database --------------------------------------------------------

if [[ -z "${SKIP_BIGDB:-}" ]]; then
  mkdir -p "$work/big"
  for k in 0 1 2 3 4; do
    printf '#include <cstdio>\nint tiny_%d(int x) { return x * VARIANT + %d; }\n' "$k" "$k" >"$work/big/tiny$k.cpp"
  done
  python3 - "$work/big" "$dbsize" <<'PY'
import json, sys
d, n = sys.argv[1], int(sys.argv[2])
def db(size):
    return [{"directory": d, "file": "%s/tiny%d.cpp" % (d, i % 5),
             "arguments": ["clang++-19", "-std=c++20", "-O2", "-DVARIANT=%d" % i, "-Iinclude",
                           "-c", "%s/tiny%d.cpp" % (d, i % 5), "-o", "obj/tiny%d.%d.o" % (i % 5, i)]}
            for i in range(size)]
for size in (10, n // 10, n):
    json.dump(db(size), open("%s/db%d.json" % (d, size), "w"), indent=1)
PY
  echo
  echo "(e) a large database: 5 tiny files, distinct -D flags; 10 units analysed in each case (-j 1, --no-cache)"
  for size in 10 $((dbsize / 10)) "$dbsize"; do
    shard=()
    ((size > 10)) && shard=(--shard "1/$((size / 10))")
    t0=$(now)
    scan_peak "$work/big/out.json" "$work/big/parent.kb" --compile-commands "$work/big/db$size.json" \
      "${shard[@]}" -j 1 --no-cache
    t1=$(now)
    read -r pkb tkb <"$work/big/parent.kb"
    printf '%6d entries (%5.1f MB)  %-16s  %5.2fs  /usr/bin/time %%M %4d MB  parent peak %4d MB  worker peak %4d MB  %d units analysed\n' \
      "$size" "$(echo "$(stat -c %s "$work/big/db$size.json") / 1048576" | bc -l)" "${shard[*]:-(all)}" \
      "$(echo "$t1 - $t0" | bc -l)" "$(mb "$tkb")" "$(mb "$pkb")" \
      "$(mb "$(stat_of "$work/big/out.json" maxWorkerMemoryKB)")" "$(stat_of "$work/big/out.json" unitsAnalysed)"
  done
fi

echo
echo "total $(printf '%.0f' "$(echo "$(now) - $started" | bc -l)")s"
