#!/usr/bin/env bash
# AST parity between the mocks and the real headers: every matcher in
# matchers.txt must match the same number of nodes in probe.cpp (main file
# only) whether probe.cpp is parsed against test/mock/include or against the
# installed libstdc++/glibc/Boost/Asio. Needs clang-query-19 and real headers.
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mockinc="$(cd "$here/../include" && pwd)"
cq="${CLANG_QUERY:-clang-query-19}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Restrict each matcher to nodes spelled in the probe itself.
while IFS= read -r m; do
  [[ -z "$m" ]] && continue
  inner="${m%)}"
  if [[ "$inner" == *"(" ]]; then echo "m ${inner}isExpansionInMainFile())"; else echo "m ${inner}, isExpansionInMainFile())"; fi
done <"$here/matchers.txt" >"$tmp/q.txt"

count() { "$cq" -f "$tmp/q.txt" "$here/probe.cpp" -- "$@" 2>&1 | grep -E "^[0-9]+ match|error:" | sed 's/ matches\././; s/ match\././'; }

fail=0
for variant in "" "-DPROBE_BOOST_ASIO"; do
  for std in c++20 c++17; do
    co=()
    [[ "$std" == c++20 ]] && co=(-DASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_CO_AWAIT)
    count -fsyntax-only -nostdinc -nostdinc++ -isystem "$mockinc" -std=$std $variant >"$tmp/mock.txt"
    count -fsyntax-only -std=$std $variant "${co[@]}" -Wno-deprecated-declarations >"$tmp/real.txt"
    if grep -q "error:" "$tmp/mock.txt" "$tmp/real.txt"; then
      echo "FAIL parity $std ${variant:-standalone-asio}: compile errors"
      grep -h "error:" "$tmp/mock.txt" "$tmp/real.txt" | head
      fail=$((fail + 1))
      continue
    fi
    if diff_out="$(paste -d'|' "$here/matchers.txt" "$tmp/mock.txt" "$tmp/real.txt" | awk -F'|' '$2 != $3 { printf "  mock=%s real=%s  %s\n", $2, $3, $1 }')" && [[ -z "$diff_out" ]]; then
      echo "PASS parity $std ${variant:-standalone-asio} ($(wc -l <"$here/matchers.txt") matchers)"
    else
      echo "FAIL parity $std ${variant:-standalone-asio}"
      echo "$diff_out"
      fail=$((fail + 1))
    fi
  done
done
[[ $fail -eq 0 ]]
