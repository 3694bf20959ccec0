#!/usr/bin/env bash
# clang-tidy for a GCC build (docs/usage/ci.md): drops the GCC-only compiler
# arguments that clang rejects with "unknown argument", then runs clang-tidy
# with the rest. Use it as the first element of CMAKE_CXX_CLANG_TIDY:
#
#   -DCMAKE_CXX_CLANG_TIDY="/path/clang-tidy-gcc.sh;-load=...;--checks=-*,tether-*"
#
# Add your project's GCC-only flags to the list below. GCC-only *warning*
# flags (-Wlogical-op, ...) need no entry: --extra-arg=-Wno-unknown-warning-option
# quiets them. CLANG_TIDY overrides the clang-tidy to run.
set -euo pipefail

args=()
for arg in "$@"; do
  case "$arg" in
    # Each of these makes clang-tidy 19 fail with "unknown argument".
    -fanalyzer | -fconcepts | -fconcepts-diagnostics-depth=* | \
    -fext-numeric-literals | -fipa-pta | -flto-partition=* | -fmodules-ts | \
    -fno-gnu-unique | -fvar-tracking | -fno-var-tracking-assignments) ;;
    *) args+=("$arg") ;;
  esac
done
exec "${CLANG_TIDY:-clang-tidy-19}" "${args[@]}"
