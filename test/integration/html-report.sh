#!/usr/bin/env bash
# The HTML report in a real browser: `tether scan --format html` on a small
# project (a loop-variable capture and a FILE* leak with a path, in a file
# whose name has a space and a non-ASCII letter), then headless Chromium
# loads index.html from file:// and we read the DOM it built.
#
#   html-report.sh TETHER_BUILD_DIR [REPORT_DIR]
#
# Checks:
#   1. the scan exits with 1 (findings) and writes REPORT_DIR/index.html;
#   2. Chromium renders it offline: both findings, both check names with
#      their documentation links, the summary counts, the path steps
#      numbered 1..5, each under the source line it points at, the fix-it;
#   3. the page loads nothing from elsewhere (no script, link, image, frame,
#      @import or url());
#   4. Chromium takes a screenshot, REPORT_DIR/shot.png, for people to look
#      at.
# REPORT_DIR (default: a temporary folder) is kept, so the report and the
# screenshot can be opened after the test.
set -euo pipefail

fail() { echo "html-report: FAIL: $*" >&2; exit 1; }
step() { echo "html-report: $*" >&2; }

[[ $# -ge 1 ]] || fail "usage: $0 TETHER_BUILD_DIR [REPORT_DIR]"
build="$(cd "$1" && pwd)"
tether="$build/bin/tether"
mock="$(cd "$(dirname "${BASH_SOURCE[0]}")/../mock/include" && pwd)"
[[ -x "$tether" ]] || fail "no $tether; build the 'tether' target first"

chromium="${CHROMIUM:-}"
if [[ -z "$chromium" ]]; then
  for c in chromium chromium-browser google-chrome; do
    if command -v "$c" >/dev/null; then chromium="$(command -v "$c")"; break; fi
  done
fi
[[ -n "$chromium" ]] ||
  fail "Chromium is not installed (Debian: apt-get install chromium; bootstrap.sh installs it)"

work="$(mktemp -d "${TMPDIR:-/tmp}/tether-html.XXXXXX")"
trap 'rm -rf "$work"' EXIT
out="${2:-$work/report}"
rm -f "$out/index.html" "$out/shot.png" # what an earlier run left

# --- the project -------------------------------------------------------------
proj="$work/proj dir"
src="src/workers ü.cpp"
mkdir -p "$proj/src"
cat >"$proj/$src" <<'EOF'
#include <stdio.h>
#include <thread>
#include <vector>

void use(int);

void spawnAll(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back([&] { use(i); });
  for (auto &w : workers)
    w.join();
}

void readFirst(const char *p, int x) {
  FILE *f = fopen(p, "r");
  if (!f)
    return;
  if (x)
    return;
  fclose(f);
}
EOF
cat >"$proj/compile_commands.json" <<EOF
[{"directory": "$proj", "file": "$src",
  "arguments": ["/usr/bin/c++", "-std=c++17", "-nostdinc", "-nostdinc++",
                "-isystem", "$mock", "-c", "-o", "workers.o", "$src"]}]
EOF

# --- 1. the scan --------------------------------------------------------------
step "tether scan --format html -o $out"
set +e
(cd "$proj" && "$tether" scan -p "$proj" --no-cache --format html -o "$out") \
  >"$work/scan.out" 2>"$work/scan.err"
code=$?
set -e
[[ $code -eq 1 ]] ||
  fail "tether scan exited with $code, expected 1 (findings):
$(cat "$work/scan.out" "$work/scan.err")"
[[ -s "$out/index.html" ]] || fail "no $out/index.html"

# --- 2. the DOM Chromium builds -------------------------------------------------
# file:// URL of the report, percent-encoded.
url="file://$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' \
  "$out/index.html" 2>/dev/null || echo "$out/index.html")"
browse() {
  timeout 120 "$chromium" --headless=new --no-sandbox --disable-gpu \
    --no-first-run --user-data-dir="$work/chromium" --hide-scrollbars \
    --proxy-server=127.0.0.1:9 "$@" "$url" 2>>"$work/chromium.log"
}
step "chromium --dump-dom $url"
browse --dump-dom >"$work/dom.html" ||
  fail "chromium could not load the report: $(tail -5 "$work/chromium.log")"
dom="$work/dom.html"

has() { grep -qF -- "$1" "$dom" || fail "the rendered page has no '$1'"; }
# The line of the DOM where $1 first appears (the report writes one table row
# a line, and Chromium keeps those line breaks).
line_of() { grep -nF -m1 -- "$1" "$dom" | cut -d: -f1; }

has "<h1>Tether report</h1>"
has "loop variable 'i' is captured by reference by a lambda that 'std::thread' runs"
has "file stream opened by 'fopen' is not closed on this path"
for check in tether-loop-variable-capture tether-handle-leak; do
  has ">$check</a>"
  has "/$check.md\""
done
has 'id="stat-findings"><b>2</b>'
has 'id="stat-files"><b>1</b>'
has ">src/workers ü.cpp</a></td><td class=\"n\"><a href=\"#only-d1\" title=\"show these findings\">2</a>"

# The leak's path: five steps numbered in order, each under its line.
#   16 FILE *f = fopen(p, "r");  1 opened here
#   17 if (!f)                   2 assuming non-null, 3 false branch
#   19 if (x)                    4 assuming not 0, 5 true branch
#   20 return;                   the warning
expect_step() { # number, line, text
  local id="id=\"f2-s$1\""
  has "$id"
  grep -F -- "$id" "$dom" | grep -qF "<span class=\"num\">$1</span><span class=\"text\">$3" ||
    fail "step $1 is not '$3': $(grep -F -- "$id" "$dom")"
  local at below next
  at=$(line_of "$id")
  # Lines 16..20 are only in the leak's excerpt (the capture's is 6..13).
  below=$(line_of "<td class=\"ln\">$2</td><td class=\"src\">")
  next=$(line_of "<td class=\"ln\">$(($2 + 1))</td><td class=\"src\">")
  [[ -n "$below" && -n "$next" && $below -lt $at && $at -lt $next ]] ||
    fail "step $1 is not under line $2 (step at DOM line $at, line $2 at $below, line $(($2 + 1)) at $next)"
}
expect_step 1 16 "file stream opened here by 'fopen'"
expect_step 2 17 "Assuming 'f' is non-null"
expect_step 3 17 "Taking false branch"
expect_step 4 19 "Assuming 'x' is not equal to 0"
expect_step 5 19 "Taking true branch"
[[ $(line_of 'id="f2-s2"') -lt $(line_of 'id="f2-s3"') ]] || fail "steps 2 and 3 out of order"
grep -qF 'id="f2-s6"' "$dom" && fail "a sixth step appeared"
has '<tr class="line hl"><td class="ln">20</td>'
has 'id="f2-w"'
# The capture's notes are related locations, not steps.
has 'id="f1-n1"'
grep -qF 'id="f1-s1"' "$dom" && fail "the capture's notes were numbered as path steps"
# Its fix-it, applied to the line.
has "workers.emplace_back([&amp;<ins>, i</ins>] { use(i); });"

# --- 3. offline ------------------------------------------------------------------
if grep -qiE '<(script|link|img|iframe|object|embed)[ >]|@import|url\(' "$dom"; then
  fail "the page loads resources: $(grep -oiE '<(script|link|img|iframe|object|embed)[^>]*>|@import[^;]*|url\([^)]*\)' "$dom" | head -3)"
fi

# --- 4. the screenshot -------------------------------------------------------------
step "chromium --screenshot=$out/shot.png"
browse --screenshot="$out/shot.png" --window-size=1280,2000 >/dev/null ||
  fail "chromium could not take the screenshot: $(tail -5 "$work/chromium.log")"
size=$(stat -c %s "$out/shot.png" 2>/dev/null || echo 0)
[[ $size -gt 20000 ]] || fail "the screenshot $out/shot.png is missing or blank ($size bytes)"

step "ok: $out/index.html, $out/shot.png"
