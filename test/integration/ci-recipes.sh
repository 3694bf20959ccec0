#!/usr/bin/env bash
# The GitHub Actions recipe of docs/usage/ci.md, run here as far as it can be
# without GitHub:
#
#   ci-recipes.sh TETHER_BUILD_DIR TETHER_SOURCE_DIR
#
#  1. docs/usage/examples/github-actions-tether.yml parses as YAML, and ci.md
#     shows exactly that file;
#  2. on a small CMake project in a git repository (five units, a header
#     with a finding included by two of them, a generated header), the
#     workflow's jobs run in a local stand-in for the runner: every `run:`
#     step as written (bash -eo pipefail, in a fresh checkout at one
#     workspace path), the actions it uses replaced by equivalents (checkout,
#     artifacts, cache, upload-sarif checks the file). The steps that install
#     packages and Tether's Debian package are skipped (the latter checked to
#     download TETHER_DEB_URL, a .deb of this build's version, and install it
#     with apt-get); in its place TETHER_BUILD_DIR/bin goes on PATH, as the
#     package would put /usr/bin/tether there;
#  3. a push to main: the merged SARIF has the same findings as one scan
#     without shards; the committed baseline (written as ci.md says) makes
#     the gate pass;
#  4. a pull request adding a finding: its shards (--diff) report only that
#     finding, the gate fails and names only it; a pull request adding clean
#     code: the gate passes;
#  5. shards 1/2 and 2/2 merged (JSON and SARIF) equal one scan without
#     shards, and each unit is in exactly one shard.
#
# Needs python3 with PyYAML (python3-yaml); without it the test is skipped
# (exit 77).
set -euo pipefail

fail() { echo "ci-recipes: FAIL: $*" >&2; exit 1; }

[[ $# -ge 2 ]] || fail "usage: $0 TETHER_BUILD_DIR TETHER_SOURCE_DIR"
build_dir="$(cd "$1" && pwd)"
source_dir="$(cd "$2" && pwd)"
tether="$build_dir/bin/tether"
[[ -x "$tether" ]] || fail "no tether binary at $tether"
"$tether" merge --help >/dev/null 2>&1 || fail "'$tether merge --help' failed: this tether has no merge subcommand"
"$tether" scan --help 2>&1 | grep -q -- '--shard' || fail "'$tether scan --help' lists no --shard"
for tool in python3 git cmake ninja g++; do
  command -v "$tool" >/dev/null || fail "$tool is not installed"
done
if ! python3 -c 'import yaml' 2>/dev/null; then
  echo "ci-recipes: SKIPPED: python3 has no PyYAML (apt-get install python3-yaml)" >&2
  exit 77
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/tether-ci-recipes.XXXXXX")"
trap 'rm -rf "$work"' EXIT

TETHER="$tether" SOURCE_DIR="$source_dir" WORK="$work" python3 - <<'PYTHON'
import glob, hashlib, json, os, re, shutil, subprocess, sys
import yaml

TETHER = os.environ["TETHER"]
SRC = os.environ["SOURCE_DIR"]
WORK = os.environ["WORK"]
WORKFLOW = os.path.join(SRC, "docs/usage/examples/github-actions-tether.yml")
DOC = os.path.join(SRC, "docs/usage/ci.md")


def fail(msg):
    print("ci-recipes: FAIL: " + msg, file=sys.stderr, flush=True)
    sys.exit(1)


def note(msg):
    print("ci-recipes: " + msg, file=sys.stderr, flush=True)


def sh(cmd, cwd, env=None, check=True):
    r = subprocess.run(cmd, cwd=cwd, env=env, shell=isinstance(cmd, str),
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if check and r.returncode != 0:
        fail("command %r in %s exited with %d:\n%s" % (cmd, cwd, r.returncode, r.stdout))
    return r


# --- 1. the YAML ------------------------------------------------------------
with open(WORKFLOW) as f:
    text = f.read()
try:
    wf = yaml.safe_load(text)
except yaml.YAMLError as e:
    fail("%s does not parse: %s" % (WORKFLOW, e))
for key in ("jobs", "env", "permissions"):
    if key not in wf:
        fail("the workflow has no '%s'" % key)
with open(DOC) as f:
    doc = f.read()
blocks = re.findall(r"```yaml\n(.*?)```", doc, re.S)
if text not in blocks:
    fail("ci.md has no ```yaml block identical to docs/usage/examples/github-actions-tether.yml")
note("the workflow parses; ci.md shows it verbatim")

# Steps this stand-in does not run, by name; each must exist in the workflow.
INSTALL_TETHER = "Install Tether"
SKIP = {"Install packages", INSTALL_TETHER}
names = {s.get("name") for j in wf["jobs"].values() for s in j["steps"]}
for n in SKIP:
    if n not in names:
        fail("the test skips step '%s', which the workflow no longer has" % n)

# What the skipped install step would do: download the package of this
# version and install it, in every job that runs tether.
version = subprocess.run([TETHER, "--version"], stdout=subprocess.PIPE, text=True,
                         check=True).stdout.split()[1]
deb = "tether_%s_amd64.deb" % version
url = str(wf["env"].get("TETHER_DEB_URL", ""))
if not url.endswith("/" + deb):
    fail("TETHER_DEB_URL is '%s', want the URL of %s" % (url, deb))
for jname, job in wf["jobs"].items():
    runs = [s.get("run", "") for s in job["steps"]]
    uses_tether = any(re.search(r"^\s*tether ", r, re.M) or "$(tether " in r for r in runs)
    installs = [s.get("run", "") for s in job["steps"] if s.get("name") == INSTALL_TETHER]
    if uses_tether and not installs:
        fail("job '%s' runs tether without an '%s' step" % (jname, INSTALL_TETHER))
    for r in installs:
        m = re.search(r'curl -fsSLo (\S+) "\$TETHER_DEB_URL"', r)
        if not m or not re.search(r"apt-get install -y\b.*\s" + re.escape(m.group(1)) + r"\s*$", r, re.M):
            fail("job '%s': '%s' does not download $TETHER_DEB_URL and apt-get install it:\n%s"
                 % (jname, INSTALL_TETHER, r))
    order = [s.get("name") for s in job["steps"]]
    if installs and any("tether" in r and i < order.index(INSTALL_TETHER)
                        for i, r in enumerate(runs) if order[i] != INSTALL_TETHER):
        fail("job '%s' runs tether before '%s'" % (jname, INSTALL_TETHER))
note("the jobs that run tether install %s from TETHER_DEB_URL first" % deb)

# --- the project ------------------------------------------------------------
UP = os.path.join(WORK, "upstream")
files = {
    "CMakeLists.txt": """cmake_minimum_required(VERSION 3.16)
project(pool CXX)
set(CMAKE_CXX_STANDARD 17)
find_package(Threads REQUIRED)
set(gen ${CMAKE_BINARY_DIR}/generated)
add_custom_command(OUTPUT ${gen}/limits.h
  COMMAND ${CMAKE_COMMAND} -DOUT=${gen}/limits.h -P ${CMAKE_SOURCE_DIR}/gen.cmake)
add_custom_target(generated-headers DEPENDS ${gen}/limits.h)
add_executable(pool src/a.cpp src/b.cpp src/c.cpp src/d.cpp src/e.cpp)
add_dependencies(pool generated-headers)
target_include_directories(pool PRIVATE include ${gen})
target_link_libraries(pool PRIVATE Threads::Threads)
""",
    "gen.cmake": 'file(WRITE ${OUT} "#pragma once\\nconstexpr int kWorkers = 4;\\n")\n',
    "include/spawn.h": """#pragma once
#include <thread>
#include <vector>

void use(int);

inline void spawn_all(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back([&] { use(i); });
  for (auto &w : workers)
    w.join();
}
""",
    "src/a.cpp": """#include <thread>
#include <vector>

void use(int);

void a(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back([&] { use(i); });
  for (auto &w : workers)
    w.join();
}
""",
    "src/b.cpp": """#include "limits.h"
#include <thread>
#include <vector>

void use(int) {}

void b() {
  std::vector<std::thread> workers;
  for (int i = 0; i < kWorkers; ++i)
    workers.emplace_back([i] { use(i); });
  for (auto &w : workers)
    w.join();
}
""",
    "src/c.cpp": '#include "spawn.h"\n\nvoid c() { spawn_all(2); }\n',
    "src/d.cpp": '#include "spawn.h"\n\nvoid d() { spawn_all(3); }\n',
    "src/e.cpp": """#include "limits.h"
#include <thread>
#include <vector>

void use(int);
void a(int);
void b();
void c();
void d();

int main() {
  std::vector<std::thread> workers;
  for (int i = 0; i < kWorkers; ++i)
    workers.emplace_back([&] { use(i); });
  for (auto &w : workers)
    w.join();
  a(1);
  b();
  c();
  d();
}
""",
}
for path, content in files.items():
    p = os.path.join(UP, path)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w") as f:
        f.write(content)
GIT_ENV = dict(os.environ, HOME=os.path.join(WORK, "home"), GIT_AUTHOR_NAME="t",
               GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.invalid", GIT_CONFIG_NOSYSTEM="1")
os.makedirs(GIT_ENV["HOME"], exist_ok=True)
with open(os.path.join(UP, ".gitignore"), "w") as f:
    f.write("build/\n")
sh("git init -q -b main && git add -A && git commit -q -m project", UP, GIT_ENV)

# The baseline, written as ci.md says, from the repository's root.
sh(["cmake", "-S", ".", "-B", "build", "-G", "Ninja", "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON"], UP)
sh(["cmake", "--build", "build", "--target", "generated-headers"], UP)
base_env = dict(os.environ, PATH=os.path.dirname(TETHER) + ":" + os.environ["PATH"])
BASELINE_CMD = "tether scan -p build --write-baseline .tether-baseline.json"
if BASELINE_CMD not in doc:
    fail("ci.md does not show '%s'" % BASELINE_CMD)
r = sh(BASELINE_CMD + " --cache-dir " + os.path.join(WORK, "baseline-cache"), UP, base_env, check=False)
if r.returncode != 0 or not os.path.exists(os.path.join(UP, ".tether-baseline.json")):
    fail("writing the baseline: exit %d (want 0):\n%s" % (r.returncode, r.stdout))
sh("git add .tether-baseline.json && git commit -q -m baseline", UP, GIT_ENV)

# --- 2. the stand-in runner ---------------------------------------------------
WS = os.path.join(WORK, "ws", "project", "project")  # like /__w/project/project
ARTIFACTS = os.path.join(WORK, "artifacts")
CACHES = os.path.join(WORK, "caches")


class Run:
    """One workflow run for one event."""

    def __init__(self, event, ref, base_ref=None):
        self.event, self.ref, self.base_ref = event, ref, base_ref
        self.sha = sh(["git", "rev-parse", ref], UP).stdout.strip()
        self.results = {}  # (job, matrix) -> list of (step name, exit code, output)
        shutil.rmtree(ARTIFACTS, ignore_errors=True)
        os.makedirs(ARTIFACTS)
        self.env = {k: str(v) for k, v in wf.get("env", {}).items()}

    def expr(self, s, ctx):
        def one(m):
            e = m.group(1).strip()
            h = re.fullmatch(r"hashFiles\('([^']*)'\)", e)
            if h:
                paths = sorted(glob.glob(os.path.join(WS, h.group(1)), recursive=True))
                d = hashlib.sha256()
                for p in paths:
                    with open(p, "rb") as f:
                        d.update(hashlib.sha256(f.read()).digest())
                return d.hexdigest() if paths else ""
            return str(self.value(e, ctx))
        return re.sub(r"\$\{\{(.*?)\}\}", one, s)

    def value(self, e, ctx):
        parts = e.split(".")
        if parts[0] == "matrix":
            return ctx["matrix"][parts[1]]
        if parts[0] == "env":
            return ctx["env"][parts[1]]
        if parts[0] == "steps" and parts[2] == "outputs":
            return ctx["steps"].get(parts[1], {}).get(parts[3], "")
        if e == "github.sha":
            return self.sha
        if e == "github.event_name":
            return self.event
        if e == "github.base_ref":
            return self.base_ref or ""
        fail("the stand-in runner cannot evaluate '${{ %s }}'" % e)

    def condition(self, cond, ctx):
        m = re.fullmatch(r"\s*(\S+)\s*(==|!=)\s*'([^']*)'\s*", cond)
        if not m:
            fail("the stand-in runner cannot evaluate if: %s" % cond)
        lhs = str(self.value(m.group(1), ctx))
        return (lhs == m.group(3)) == (m.group(2) == "==")

    def checkout(self, w):
        shutil.rmtree(WS, ignore_errors=True)
        os.makedirs(os.path.dirname(WS), exist_ok=True)
        if str(w.get("fetch-depth", "1")) == "0":
            sh(["git", "clone", "-q", "file://" + UP, WS], WORK, GIT_ENV)
            sh(["git", "checkout", "-q", self.ref], WS, GIT_ENV)
        else:
            sh(["git", "clone", "-q", "--depth", "1", "--single-branch", "--branch",
                self.ref, "file://" + UP, WS], WORK, GIT_ENV)

    def upload_artifact(self, w):
        name = w["name"]
        dest = os.path.join(ARTIFACTS, name)
        if os.path.exists(dest):
            fail("artifact '%s' uploaded twice" % name)
        paths = [os.path.normpath(os.path.join(WS, p.strip())) for p in w["path"].splitlines() if p.strip()]
        for p in paths:
            if not os.path.exists(p):
                fail("upload-artifact '%s': %s does not exist" % (name, p))
        if len(paths) == 1:
            root = paths[0] if os.path.isdir(paths[0]) else os.path.dirname(paths[0])
        else:
            root = os.path.commonpath(paths)
        for p in paths:
            target = os.path.join(dest, os.path.relpath(p, root))
            if os.path.isdir(p):
                shutil.copytree(p, target)
            else:
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copy2(p, target)

    def download_artifact(self, w):
        path = os.path.join(WS, w.get("path", "."))
        if "name" in w:
            src = [os.path.join(ARTIFACTS, w["name"])]
            if not os.path.isdir(src[0]):
                fail("download-artifact: no artifact '%s'" % w["name"])
            shutil.copytree(src[0], path, dirs_exist_ok=True)
            return
        pattern = w["pattern"]
        src = sorted(glob.glob(os.path.join(ARTIFACTS, pattern)))
        if not src:
            fail("download-artifact: no artifact matches '%s'" % pattern)
        for s in src:
            merge = str(w.get("merge-multiple", "false")).lower() == "true"
            shutil.copytree(s, path if merge else os.path.join(path, os.path.basename(s)),
                            dirs_exist_ok=True)

    def cache_restore(self, w, ctx, step_id):
        """actions/cache: an exact key, else the newest key with a restore-keys prefix."""
        path = os.path.normpath(os.path.join(WS, w["path"]))
        key = w["key"]
        stored = sorted(os.listdir(CACHES), key=lambda k: os.path.getmtime(os.path.join(CACHES, k)))
        hit = key if key in stored else None
        restored = hit
        if not hit:
            for prefix in [p.strip() for p in w.get("restore-keys", "").splitlines() if p.strip()]:
                cands = [k for k in stored if k.startswith(prefix)]
                if cands:
                    restored = cands[-1]
                    break
        if restored:
            shutil.rmtree(path, ignore_errors=True)
            shutil.copytree(os.path.join(CACHES, restored), path)
        if step_id:
            ctx["steps"][step_id] = {"cache-hit": "true" if hit else "false"}
        if not hit:
            ctx["post"].append((key, path))

    def upload_sarif(self, w):
        p = os.path.join(WS, w["sarif_file"])
        with open(p) as f:
            s = json.load(f)
        if s.get("version") != "2.1.0" or not s.get("runs"):
            fail("upload-sarif: %s is not SARIF 2.1.0 with runs" % p)
        self.uploaded = s

    def job(self, name, matrix=None):
        job = wf["jobs"][name]
        ctx = {"matrix": matrix or {}, "steps": {}, "post": []}
        ctx["env"] = dict(self.env, **{k: str(v) for k, v in job.get("env", {}).items()})
        log = []
        self.results[(name, tuple(sorted((matrix or {}).items())))] = log
        # The runner's machine: a fresh HOME, and Tether not on PATH.
        home = os.path.join(WORK, "home-" + name)
        shutil.rmtree(home, ignore_errors=True)
        os.makedirs(home)
        shutil.rmtree(WS, ignore_errors=True)
        os.makedirs(WS)
        extra_path = []
        ok = True
        for step in job["steps"]:
            sname = self.expr(step.get("name", step.get("uses", "")), ctx)
            if "if" in step and not self.condition(step["if"], ctx):
                log.append((sname, "skipped (if)", ""))
                continue
            if not ok:
                log.append((sname, "skipped (failure)", ""))
                continue
            if step.get("name") in SKIP:
                log.append((sname, "skipped (stand-in)", ""))
                if step.get("name") == INSTALL_TETHER:
                    # The package installs /usr/bin/tether; here, the build's.
                    extra_path = [os.path.dirname(TETHER)] + extra_path
                continue
            w = {k: self.expr(str(v), ctx) for k, v in step.get("with", {}).items()}
            uses = step.get("uses")
            if uses:
                action = uses.split("@")[0]
                if action == "actions/checkout":
                    self.checkout(w)
                elif action == "actions/upload-artifact":
                    self.upload_artifact(w)
                elif action == "actions/download-artifact":
                    self.download_artifact(w)
                elif action == "actions/cache":
                    self.cache_restore(w, ctx, step.get("id"))
                elif action == "github/codeql-action/upload-sarif":
                    self.upload_sarif(w)
                else:
                    fail("the stand-in runner does not know %s" % uses)
                log.append((sname, 0, ""))
                continue
            script = self.expr(step["run"], ctx)
            gh_path = os.path.join(WORK, "github_path")
            open(gh_path, "w").close()
            gh_output = os.path.join(WORK, "github_output")
            open(gh_output, "w").close()
            env = dict(os.environ)
            env.update(ctx["env"])
            env.update({k: self.expr(str(v), ctx) for k, v in step.get("env", {}).items()})
            env.update(HOME=home, CI="true", GITHUB_ACTIONS="true", GITHUB_WORKSPACE=WS,
                       GITHUB_EVENT_NAME=self.event, GITHUB_SHA=self.sha, GITHUB_PATH=gh_path,
                       GITHUB_OUTPUT=gh_output,
                       GITHUB_BASE_REF=self.base_ref or "", RUNNER_TEMP=os.path.join(WORK, "tmp"))
            env["PATH"] = ":".join(extra_path + [os.environ["PATH"]])
            with open(os.path.join(WORK, "step.sh"), "w") as f:
                f.write(script)
            r = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail",
                                os.path.join(WORK, "step.sh")], cwd=WS, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            with open(gh_path) as f:
                extra_path = [l.strip() for l in f if l.strip()][::-1] + extra_path
            if step.get("id"):
                with open(gh_output) as f:
                    ctx["steps"][step["id"]] = dict(
                        l.rstrip("\n").split("=", 1) for l in f if "=" in l)
            log.append((sname, r.returncode, r.stdout))
            if r.returncode != 0:
                ok = False
        if ok:
            for key, path in ctx["post"]:
                if os.path.isdir(path) and key not in os.listdir(CACHES):
                    shutil.copytree(path, os.path.join(CACHES, key))
        return ok

    def all(self):
        order, done = [], set()
        while len(order) < len(wf["jobs"]):
            for name, job in wf["jobs"].items():
                needs = job.get("needs", [])
                needs = [needs] if isinstance(needs, str) else needs
                if name not in done and all(n in done for n in needs):
                    order.append(name)
                    done.add(name)
        self.failed = []
        for name in order:
            job = wf["jobs"][name]
            matrices = [None]
            if "strategy" in job:
                ((axis, values),) = job["strategy"]["matrix"].items()
                matrices = [{axis: v} for v in values]
            for m in matrices:
                if not self.job(name, m):
                    self.failed.append(name)
                    if name != "merge":
                        return self
        return self

    def step(self, job, name):
        for (j, _), log in self.results.items():
            if j == job:
                for s in log:
                    if s[0] == name:
                        return s
        fail("no step '%s' in job '%s'" % (name, job))

    def report(self, all_output=False):
        out = []
        for (j, m), log in self.results.items():
            for s in log:
                out.append("  %s%s / %s: %s" % (j, dict(m) if m else "", s[0], s[1]))
                if s[2] and (all_output or s[1] != 0):
                    out.append("    " + s[2].replace("\n", "\n    "))
        return "\n".join(out)


def findings_of_sarif(s):
    out = set()
    for run in s["runs"]:
        for r in run.get("results", []):
            loc = r["locations"][0]["physicalLocation"]
            out.add((r["ruleId"], loc["artifactLocation"]["uri"], loc["region"]["startLine"],
                     loc["region"].get("startColumn"), r["message"]["text"]))
    return out


def findings_of_json(j):
    return {(f["check"], f["location"]["file"], f["location"]["line"], f["location"]["column"],
             f["message"]) for f in j["findings"]}


os.makedirs(CACHES)

# --- 3. push to main ------------------------------------------------------------
note("push to main: build, scan x4, merge")
push = Run("push", "main").all()
if push.failed:
    fail("the push run failed in %s:\n%s" % (push.failed, push.report()))
for j in ("scan", "merge"):
    if push.step(j, INSTALL_TETHER)[1] != "skipped (stand-in)":
        fail("job '%s' has no '%s' step that the stand-in replaced" % (j, INSTALL_TETHER))
keys = os.listdir(CACHES)
if len(keys) != 4 or not all(k.startswith("tether-cache-tether-%s-LLVM-" % version) for k in keys):
    fail("want 4 result caches keyed on the Tether release (tether-cache-tether-%s-LLVM-...), got %s"
         % (version, keys))
merged = findings_of_sarif(push.uploaded)

# The same project, one scan, no shards, in the same workspace path (the
# merge job's checkout, plus the build job's artifact).
shutil.copytree(os.path.join(ARTIFACTS, "compile-commands"), os.path.join(WS, "build"))
full_sarif = os.path.join(WORK, "full.sarif")
r = sh([TETHER, "scan", "-p", "build", "--no-cache", "--source-root", WS, "--format", "sarif",
        "-o", full_sarif], WS, check=False)
if r.returncode != 1:
    fail("the unsharded scan exited %d, want 1:\n%s" % (r.returncode, r.stdout))
with open(full_sarif) as f:
    full = findings_of_sarif(json.load(f))
if len(full) != 3:
    fail("expected 3 findings (a.cpp, e.cpp, spawn.h) in the unsharded scan, got %s" % sorted(full))
if merged != full:
    fail("merged shards != unsharded scan\nmerged: %s\nfull:   %s" % (sorted(merged), sorted(full)))
gate = push.step("merge", "New findings")
if gate[1] != 0:
    fail("the baseline gate failed on main:\n" + gate[2])
note("push: merged SARIF of 4 shards = unsharded scan (%d findings); the gate passes with the baseline" % len(full))

# --- 4. pull requests -------------------------------------------------------------
sh("git checkout -q -b bad main", UP, GIT_ENV)
with open(os.path.join(UP, "src/b.cpp"), "a") as f:
    f.write("""
void b_late(int n) {
  std::vector<std::thread> late;
  for (int j = 0; j < n; ++j)
    late.emplace_back([&] { use(j); });
  for (auto &w : late)
    w.join();
}
""")
sh("git commit -q -am 'a new finding'", UP, GIT_ENV)
sh("git checkout -q -b good main", UP, GIT_ENV)
with open(os.path.join(UP, "src/b.cpp"), "a") as f:
    f.write("\nint b_count() { return kWorkers; }\n")
sh("git commit -q -am 'clean code'", UP, GIT_ENV)

note("pull request adding a finding")
bad = Run("pull_request", "bad", base_ref="main").all()
if bad.failed != ["merge"]:
    fail("expected only the merge job to fail (its gate), failed: %s\n%s" % (bad.failed, bad.report()))
if os.environ.get("VERBOSE"):
    note("push run:\n" + push.report(all_output=True))
    note("pull request run:\n" + bad.report(all_output=True))
gate = bad.step("merge", "New findings")
if gate[1] != 1:
    fail("the gate should exit 1 on the new finding, got %s:\n%s" % (gate[1], gate[2]))
if not re.search(r"src/b\.cpp:18:\d+: warning: loop variable 'j'", gate[2]):
    fail("the gate does not name the new finding at src/b.cpp:18:\n" + gate[2])
for old in ("a.cpp", "e.cpp", "spawn.h"):
    if re.search(old.replace(".", r"\.") + r":\d+:\d+: warning", gate[2]):
        fail("the gate reports the old finding in %s:\n%s" % (old, gate[2]))

# --diff: the shards of a pull request report only the lines it changed.
pr = set()
for f in glob.glob(os.path.join(ARTIFACTS, "tether-shard-*", "*.sarif")):
    with open(f) as fh:
        pr |= findings_of_sarif(json.load(fh))
if len(pr) != 1 or next(iter(pr))[1:3] != ("src/b.cpp", 18):
    fail("the pull request's shards should report only src/b.cpp:18 (--diff), got %s" % sorted(pr))

note("pull request adding clean code")
good = Run("pull_request", "good", base_ref="main").all()
if good.failed:
    fail("the clean pull request failed in %s:\n%s" % (good.failed, good.report()))

# --- 5. shards 1/2 and 2/2, JSON and SARIF ------------------------------------------
sh(["git", "checkout", "-q", "main"], UP, GIT_ENV)
os.chdir(UP)
for fmt, reader in (("json", lambda p: findings_of_json(json.load(open(p)))),
                    ("sarif", lambda p: findings_of_sarif(json.load(open(p))))):
    outs = []
    for k in (1, 2):
        out = os.path.join(WORK, "shard-%d.%s" % (k, fmt))
        r = sh([TETHER, "scan", "-p", "build", "--no-cache", "--shard", "%d/2" % k,
                "--format", fmt, "-o", out], UP, check=False)
        if r.returncode not in (0, 1):
            fail("shard %d/2 exited %d:\n%s" % (k, r.returncode, r.stdout))
        outs.append(out)
    whole = os.path.join(WORK, "whole." + fmt)
    r = sh([TETHER, "scan", "-p", "build", "--no-cache", "--format", fmt, "-o", whole], UP, check=False)
    if r.returncode != 1:
        fail("the unsharded %s scan exited %d:\n%s" % (fmt, r.returncode, r.stdout))
    out = os.path.join(WORK, "merged." + fmt)
    r = sh([TETHER, "merge", "--format", fmt, "-o", out] + outs, UP, check=False)
    if r.returncode != 1:
        fail("tether merge (%s) exited %d, want 1 (findings):\n%s" % (fmt, r.returncode, r.stdout))
    if reader(out) != reader(whole):
        fail("%s: merged 1/2 + 2/2 != unsharded\nmerged: %s\nwhole:  %s"
             % (fmt, sorted(reader(out)), sorted(reader(whole))))
    if fmt == "json":
        units = [json.load(open(p))["unitsAnalysed"] for p in outs]
        total = json.load(open(whole))["unitsAnalysed"]
        if sum(units) != total or total != 5 or 0 in units:
            fail("units per shard %s, unsharded %d: want two non-empty shards adding up to 5"
                 % (units, total))
note("shards 1/2 + 2/2 merged = unsharded scan, in JSON and SARIF")
note("all CI recipe checks passed")
PYTHON
