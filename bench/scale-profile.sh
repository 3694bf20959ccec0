#!/usr/bin/env bash
# Where the time of a scan goes, over the codebase of scale-bench.sh.
#
#   bench/scale-profile.sh [BUILD_DIR] [UNITS] [PERF_UNITS]
#
# Generates the same codebase (bench/gen-codebase.py, UNITS default 80, SEED
# default 1), then, one unit at a time:
#
#   1. clang-19 -fsyntax-only over every unit (parse + Sema, the floor), and
#      with -ftime-trace over every fourth unit: how much of the parse is
#      spent in #included files ("Total Source") and in the instantiations
#      done at the end of the unit;
#   2. tether scan -j 1 --no-cache over every unit with all checks, with no
#      check (--checks=-*: the driver's floor), and with one group of checks
#      at a time: tether-loop-variable-capture, tether-async-timeout-blocks,
#      the six path-sensitive checks (they share one analysis per unit);
#      each group's cost is its time minus the floor's;
#   3. on four representative units (no concurrency code; thread pool and
#      threads; descriptors and directories; Boost.Fiber channels and the
#      semaphore loop), the stock clang-tidy-19 with libTetherTidy.so and
#      --enable-check-profile: the time of each check. The analysis of the
#      six path-sensitive checks is charged to the first of them to end the
#      unit; the profiler's timers (a getrusage per matcher callback) add
#      their own cost, so read these as an attribution, not as costs.
#
# Then, if perf is installed and PERF_UNITS > 0 (default 8, spread over the
# units): tether scan -j 1 over those units under `perf record --call-graph
# dwarf`, every sample put in one bucket by the functions on its stack (parse
# + Sema, the matchers, building the AST parent map, the analyzer, ...).
# About 13 minutes with the defaults on 2 cores. BENCH_CLOCK=cpu times the
# runs in CPU seconds (bench/lib.sh). Prints, never asserts.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
build="$(cd "${1:-$root/build}" && pwd)"
nunits="${2:-80}"
perf_units="${3:-8}"
seed="${SEED:-1}"
tether="$build/bin/tether"
plugin="$build/lib/libTetherTidy.so"
for f in "$tether" "$plugin"; do
  [[ -e "$f" ]] || { echo "missing $f: build Tether first" >&2; exit 2; }
done
work="$(mktemp -d)"
if [[ -n "${KEEP:-}" ]]; then echo "work folder: $work"; else trap 'rm -rf "$work"' EXIT; fi

python3 "$root/bench/gen-codebase.py" --out "$work/gen" --units "$nunits" --seed "$seed"
db="$work/gen/compile_commands.json"

# 1. parse + Sema; traced on every fourth unit.
mkdir -p "$work/trace"
syntax_all() {
  local i=0 line dir rest args keep skip a trace
  while IFS= read -r line; do
    IFS=$'\t' read -r dir _ rest <<<"$line"
    IFS=$'\t' read -r -a args <<<"$rest"
    keep=() skip=0
    for a in "${args[@]}"; do
      if ((skip)); then skip=0; continue; fi
      case "$a" in -o) skip=1 ;; -c) ;; *) keep+=("$a") ;; esac
    done
    trace=()
    if [[ $1 == traced ]]; then
      ((i % 4 == 0)) || { i=$((i + 1)); continue; }
      trace=(-Xclang -ftime-trace="$work/trace/$i.json" -Xclang -ftime-trace-granularity=1000)
    fi
    (cd "$dir" && clang-19 -fsyntax-only "${keep[@]}" "${trace[@]}") 2>/dev/null || true
    i=$((i + 1))
  done < <(units "$db")
}
timed() { local t0 t1; clock_read; t0=$clock; "$@" >/dev/null 2>&1 || true; clock_read; t1=$clock; echo "$t1 - $t0" | bc -l; }
syntax=$(timed syntax_all plain)
syntax_all traced

# 2. tether with each group of checks.
lvc=tether-loop-variable-capture
atb=tether-async-timeout-blocks
ps5=tether-handle-leak,tether-handle-misuse,tether-unreceived-send,tether-unsent-receive,tether-semaphore-spawn-deadlock,tether-token-leak
scan() { "$tether" scan --compile-commands "$db" -j 1 --no-cache --quiet "$@"; }
t_all=$(timed scan)
t_none=$(timed scan --checks=-*)
t_lvc=$(timed scan "--checks=-*,$lvc")
t_atb=$(timed scan "--checks=-*,$atb")
t_ps=$(timed scan "--checks=-*,$ps5")

echo
echo "$nunits TUs, one at a time (single runs):"
python3 - "$work/trace" "$syntax" "$t_all" "$t_none" "$t_lvc" "$t_atb" "$t_ps" <<'PY'
import collections, glob, json, sys
trace = sys.argv[1]
syntax, t_all, t_none, t_lvc, t_atb, t_ps = map(float, sys.argv[2:])
tot = collections.Counter()
for f in glob.glob(trace + "/*.json"):
    for e in json.load(open(f))["traceEvents"]:
        if e.get("name", "").startswith("Total "):
            tot[e["name"][6:]] += e["dur"] / 1e6
pct = lambda s: "%5.1f%%" % (100.0 * s / t_all)
print("  syntax-only %.2fs   tether -j1: all checks %.2fs, --checks=-* %.2fs, loop-variable-capture %.2fs, "
      "async-timeout-blocks %.2fs, the path-sensitive checks %.2fs" % (syntax, t_all, t_none, t_lvc, t_atb, t_ps))
print("share of tether -j1 with all checks (%.2fs):" % t_all)
print("  %s  %7.2fs  parse + Sema (syntax-only); traced, %d units: %.0f%% in #included files, %.0f%% in end-of-unit instantiations"
      % (pct(syntax), syntax, len(glob.glob(trace + "/*.json")), 100 * tot["Source"] / tot["Frontend"],
         100 * tot["PerformPendingInstantiations"] / tot["Frontend"]))
print("  %s  %7.2fs  the driver with no check, beyond syntax-only (--checks=-* minus syntax-only)" % (pct(t_none - syntax), t_none - syntax))
for name, t in (("tether-loop-variable-capture", t_lvc), ("tether-async-timeout-blocks", t_atb),
                ("the six path-sensitive checks", t_ps)):
    print("  %s  %7.2fs  %s (its run minus --checks=-*)" % (pct(t - t_none), t - t_none, name))
rest = t_all - t_none - (t_lvc - t_none) - (t_atb - t_none) - (t_ps - t_none)
print("  %s  %7.2fs  all checks minus the groups' sum (shared work counted once, and noise)" % (pct(rest), rest))
PY

# 3. clang-tidy's check profile on four representative units.
pick() { # pick PATTERN [EXCLUDE]: the first unit whose source matches
  local f
  for f in $(units "$db" | cut -f2); do
    if grep -qE "$1" "$f" && { [[ -z ${2:-} ]] || ! grep -qE "$2" "$f"; }; then echo "$f"; return; fi
  done
}
reps=("$(pick '^' 'common/(pool|chan|files)\.h|std::thread|std::async|pthread_create')"
  "$(pick 'common/pool\.h' 'common/(chan|files)\.h')"
  "$(pick 'common/files\.h' 'common/(chan|pool)\.h')"
  "$(pick 'limit\.acquire\(\)')")
labels=("no concurrency code" "threads, the pool" "descriptors, directories" "Boost.Fiber, semaphore loop")
echo
echo "clang-tidy+plugin --enable-check-profile on representative units, wall seconds:"
mkdir -p "$work/prof"
for r in 0 1 2 3; do
  f=${reps[$r]}
  [[ -n $f ]] || continue
  rm -f "$work/prof"/*
  t0=$(now)
  clang-tidy-19 -load="$plugin" --checks='-*,tether-*' -p "$work/gen" --quiet \
    --enable-check-profile --store-check-profile="$work/prof" "$f" >/dev/null 2>&1 || true
  t1=$(now)
  python3 - "$work/prof" "${labels[$r]}: ${f#"$work/gen/src/"}" "$(echo "$t1 - $t0" | bc -l)" <<'PY'
import glob, json, sys
p = json.load(open(glob.glob(sys.argv[1] + "/*.json")[0]))["profile"]
checks = sorted(((v, k.split(".")[2].replace("tether-", "")) for k, v in p.items() if k.endswith(".wall")), reverse=True)
print("  %-46s clang-tidy %5.2fs  checks %5.2fs: %s" % (sys.argv[2], float(sys.argv[3]), sum(v for v, _ in checks),
      ", ".join("%s %.2f" % (k, v) for v, k in checks if v >= 0.005)))
PY
done

# 4. perf.
if ((perf_units > 0)) && command -v perf >/dev/null; then
  python3 - "$db" "$work/perf-db.json" "$perf_units" <<'PY'
import json, sys
db = json.load(open(sys.argv[1])); n = min(int(sys.argv[3]), len(db))
json.dump([db[i * len(db) // n] for i in range(n)], open(sys.argv[2], "w"))
PY
  echo
  echo "perf, $perf_units of the units (tether scan -j 1 --no-cache; samples by the functions on their stack):"
  perf record -q -F 199 --call-graph dwarf,65528 -o "$work/perf.data" -- \
    "$tether" scan --compile-commands "$work/perf-db.json" -j 1 --no-cache --quiet >/dev/null 2>&1 || true
  perf script -i "$work/perf.data" -F comm,pid,ip,sym --no-inline 2>/dev/null >"$work/perf.txt"
  python3 - "$work/perf.txt" <<'PY'
import collections, sys
samples, cur = [], None
for line in open(sys.argv[1], errors="replace"):
    if not line.strip():
        if cur: samples.append(cur)
        cur = None
    elif not line.startswith("\t"):
        cur = (int(line.split()[1]), [])
    elif cur is not None:
        parts = line.split(None, 1)
        cur[1].append(parts[1].strip() if len(parts) > 1 else "?")
if cur: samples.append(cur)
parent = samples[0][0] if samples else 0
# First rule that matches wins. Deep stacks may be cut short by perf (no
# ParseAST or HandleTranslationUnit frame): the inner frames still tell.
RULES = [
    ("AST parent map (built by hasAncestor, then freed)", ("ParentMapContext::ParentMap",)),
    ("path-sensitive analyzer (clang::ento)", ("clang::ento::",)),
    ("tether's walk for analysis entry points", ("RelevantFunctions",)),
    ("AST matchers (MatchFinder traversal, tether callbacks)", ("MatchASTVisitor", "ast_matchers::", "tether::tidy::")),
    ("parse + Sema", ("clang::ParseAST", "clang::Parser::", "clang::Sema", "clang::Preprocessor::",
                      "clang::Lexer::", "TemplateInstantiator", "TreeTransform", "clang::ASTContext::get")),
]
def bucket(pid, frames):
    joined = " | ".join(frames)
    for name, keys in RULES:
        if any(k in joined for k in keys):
            return name
    if pid == parent:
        return "driver parent (database, scheduling, report)"
    if "~ASTContext" in joined or "FrontendAction::EndSourceFile" in joined:
        return "freeing the AST"
    if "analyzeTranslationUnit" in joined or "CompilerInvocation" in joined or "clang::driver::" in joined:
        return "worker: compiler set-up and the rest"
    return "other (dynamic loading, kernel, unresolved)"
c = collections.Counter(bucket(p, f) for p, f in samples)
for name, n in c.most_common():
    print("  %5.1f%%  %s" % (100.0 * n / len(samples), name))
print("  (%d samples)" % len(samples))
PY
fi
