# shellcheck shell=bash
# Shared by the benchmark scripts (sourced, not run).

now() { date +%s.%N; }

# clock_read: sets $clock to a reading of the benchmark clock. By default
# the wall clock; with BENCH_CLOCK=cpu, the CPU seconds (user + system) of
# every child this shell has waited for, read with the `times` builtin: a
# difference of two readings is the CPU time of what ran in between,
# workers and compilers included. CPU time barely moves when other work
# shares the machine, which wall time does not survive; a speed-up from
# parallelism needs the wall clock.
clock_read() {
  if [[ ${BENCH_CLOCK:-wall} == cpu ]]; then
    local f="${TMPDIR:-/tmp}/bench-times.$$.$BASHPID"
    times >"$f"
    clock=$(awk 'NR == 2 {
      t = 0
      for (i = 1; i <= 2; ++i) { split($i, p, "m"); sub("s", "", p[2]); t += p[1] * 60 + p[2] }
      printf "%.3f", t }' "$f")
    rm -f "$f"
  else
    clock=$(now)
  fi
}

# The translation units of a database, one "dir<TAB>file<TAB>args..." line each.
units() {
  python3 - "$1" <<'PY'
import json, shlex, sys
for e in json.load(open(sys.argv[1])):
    args = e.get("arguments") or shlex.split(e["command"])
    print("\t".join([e["directory"], e["file"]] + args[1:]))
PY
}

syntax_only() { # clang-19 -fsyntax-only over every unit of database $1
  local dir rest args
  while IFS=$'\t' read -r dir _ rest; do
    IFS=$'\t' read -r -a args <<<"$rest"
    local keep=() skip=0
    for a in "${args[@]}"; do
      if ((skip)); then skip=0; continue; fi
      case "$a" in -o) skip=1 ;; -c) ;; *) keep+=("$a") ;; esac
    done
    (cd "$dir" && clang-19 -fsyntax-only "${keep[@]}")
  done < <(units "$1")
}

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# best N OUT cmd...: best wall time of N runs of cmd, in seconds, and how
# many runs it got ("1.23 3"); the stdout of the last run goes to OUT. A
# configuration is not run again when that would take its total over
# $budget seconds (set by the script): long runs are less noisy, and
# repeating them would blow the time budget.
# shellcheck disable=SC2154 # budget: set by the script
best() {
  local n=$1 out=$2 b="" t0 t1 d total=0 r; shift 2
  for ((r = 0; r < n; ++r)); do
    clock_read; t0=$clock; "$@" >"$out" 2>/dev/null || true; clock_read; t1=$clock
    d=$(echo "$t1 - $t0" | bc -l)
    total=$(echo "$total + $d" | bc -l)
    if [[ -z "$b" ]] || (( $(echo "$d < $b" | bc -l) )); then b=$d; fi
    if (( $(echo "$total + $d > $budget" | bc -l) )); then r=$((r + 1)); break; fi
  done
  echo "$b $r"
}

f2() { printf '%.2f' "$1"; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# clangd_project DIR [CHECK...]: a folder for tether-clangd with
# compile_flags.txt and a .clangd that adds the CHECKs (globs) with
# FastCheckFilter: None, or, with no CHECK, removes every clang-tidy check
# (without any ClangTidy setting clangd would run its own default checks).
# The language standard is $clangd_std (default c++17).
clangd_project() {
  local dir=$1; shift
  mkdir -p "$dir"
  printf -- '-std=%s\n-Wall\n' "${clangd_std:-c++17}" >"$dir/compile_flags.txt"
  if (($#)); then
    local list; list=$(printf '%s, ' "$@"); list=${list%, }
    printf 'Diagnostics:\n  ClangTidy:\n    Add: [%s]\n    FastCheckFilter: None\n' "$list" >"$dir/.clangd"
  else
    printf "Diagnostics:\n  ClangTidy:\n    Remove: ['*']\n" >"$dir/.clangd"
  fi
}

# clangd_case ON_DIR OFF_DIR FILE LABEL: opens FILE (in both folders) in
# $clangd, $sessions sessions per configuration, alternating; prints the
# medians of didOpen -> diagnostics and of the best didChange -> diagnostics
# of each session (3 edits), the ratios, and how many tether-* diagnostics
# the ON configuration published on open.
# shellcheck disable=SC2154 # clangd, sessions: set by the script
clangd_case() {
  local on=$1 off=$2 file=$3 label=$4 cfg dir r out o e t
  local open_on=() open_off=() edit_on=() edit_off=() findings=0
  for ((r = 0; r < sessions; ++r)); do
    for cfg in on off; do
      [[ $cfg == on ]] && dir=$on || dir=$off
      out=$(python3 "$bench_dir/lsp-latency.py" "$clangd" "$dir" "$dir/$file" 3)
      read -r o e t <<<"$out"
      if [[ $cfg == on ]]; then open_on+=("$o"); edit_on+=("$e"); findings=$t
      else open_off+=("$o"); edit_off+=("$e"); fi
    done
  done
  local oon ooff eon eoff
  oon=$(printf '%s\n' "${open_on[@]}" | median); ooff=$(printf '%s\n' "${open_off[@]}" | median)
  eon=$(printf '%s\n' "${edit_on[@]}" | median); eoff=$(printf '%s\n' "${edit_off[@]}" | median)
  printf '%-12s %4d lines  didOpen->diagnostics    off %5.2fs  %s %5.2fs  %sx   tether findings: %d\n' \
    "$file" "$(wc -l <"$on/$file")" "$ooff" "$label" "$oon" "$(f2 "$(echo "$oon / $ooff" | bc -l)")" "$findings"
  printf '%-12s            didChange->diagnostics  off %5.2fs  %s %5.2fs  %sx\n' \
    "" "$eoff" "$label" "$eon" "$(f2 "$(echo "$eon / $eoff" | bc -l)")"
}
