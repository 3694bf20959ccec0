#!/usr/bin/env bash
# Verifies the hermetic mock headers: compiles selftest.cpp against the mocks
# (C++20, C++17 strict) and, where installed, against the real headers
# (libstdc++/glibc/Boost/Asio) to confirm the mocks mirror reality.
# With clang-query-19 it also checks AST parity (parity/parity.sh); with
# --tidy it also diffs upstream clang-tidy diagnostics on selftest.cpp between
# mocks and real headers (slow, ~1-2 min).
# Usage: test/mock/check.sh [--mock-only | --tidy]
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cxx="${CXX:-clang++-19}"
mock=(-fsyntax-only -nostdinc -nostdinc++ -isystem "$here/include" -Wall -Wextra -Werror)
real=(-fsyntax-only -Wall -Wextra -DTETHER_SELFTEST_REAL_HEADERS)
pass=0
fail=0

run() {
  local name="$1"
  shift
  if out="$("$cxx" "$@" "$here/selftest.cpp" 2>&1)"; then
    echo "PASS $name"
    pass=$((pass + 1))
  else
    echo "FAIL $name"
    echo "$out" | head -40
    fail=$((fail + 1))
  fi
}

run "mock c++20" "${mock[@]}" -std=c++20
run "mock c++20 -Wsystem-headers" "${mock[@]}" -std=c++20 -Wsystem-headers
run "mock c++17 strict (TETHER_MOCK_NO_CXX20)" "${mock[@]}" -std=c++17 -DTETHER_MOCK_NO_CXX20
run "mock c++17" "${mock[@]}" -std=c++17
run "mock c++20 strict (TETHER_MOCK_NO_CXX20)" "${mock[@]}" -std=c++20 -DTETHER_MOCK_NO_CXX20

if [[ "${1:-}" != "--mock-only" ]] && [[ -f /usr/include/boost/fiber/all.hpp && -f /usr/include/asio.hpp ]]; then
  # Real Boost.Fiber's async uses std::result_of, which warns (deprecated) in
  # C++17/20 mode; that warning comes from the real headers, not the test.
  nd=(-Wno-deprecated-declarations)
  run "real c++20 (standalone asio)" "${real[@]}" "${nd[@]}" -std=c++20 -DTETHER_SELFTEST_NO_BOOST_ASIO -DASIO_HAS_CO_AWAIT
  run "real c++20 (boost asio)" "${real[@]}" "${nd[@]}" -std=c++20 -DTETHER_SELFTEST_NO_STANDALONE_ASIO -DBOOST_ASIO_HAS_CO_AWAIT
  run "real c++17 (standalone asio)" "${real[@]}" "${nd[@]}" -std=c++17 -DTETHER_SELFTEST_NO_BOOST_ASIO
  run "real c++17 (boost asio)" "${real[@]}" "${nd[@]}" -std=c++17 -DTETHER_SELFTEST_NO_STANDALONE_ASIO
fi

if [[ "${1:-}" != "--mock-only" ]] && [[ -f /usr/include/boost/fiber/all.hpp && -f /usr/include/asio.hpp ]] &&
  command -v "${CLANG_QUERY:-clang-query-19}" >/dev/null; then
  if "$here/parity/parity.sh"; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
fi

if [[ "${1:-}" == "--tidy" ]] && command -v clang-tidy-19 >/dev/null; then
  checks='-*,bugprone-*,concurrency-*,performance-*,misc-*,modernize-use-*,readability-container-*'
  common=(-DTETHER_SELFTEST_NO_BOOST_ASIO -DTETHER_SELFTEST_SKIP_CHANNELS)
  tidy() { clang-tidy-19 "$here/selftest.cpp" --checks="$checks" -- "$@" 2>&1 | grep -E "^/.*warning:" | grep -v "misc-include-cleaner" | sort; }
  m="$(tidy -nostdinc -nostdinc++ -isystem "$here/include" -std=c++20 "${common[@]}")"
  r="$(tidy -std=c++20 -DTETHER_SELFTEST_REAL_HEADERS -DASIO_HAS_CO_AWAIT -Wno-deprecated-declarations "${common[@]}")"
  if [[ "$m" == "$r" ]]; then
    echo "PASS clang-tidy parity ($(echo "$m" | grep -c warning) identical diagnostics)"
    pass=$((pass + 1))
  else
    echo "FAIL clang-tidy parity"
    diff <(echo "$m") <(echo "$r") | head -40
    fail=$((fail + 1))
  fi
fi

echo "$pass passed, $fail failed"
[[ $fail -eq 0 ]]
