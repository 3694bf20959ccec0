# Shared by the benchmark scripts (sourced, not run).

now() { date +%s.%N; }

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
