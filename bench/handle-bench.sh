#!/usr/bin/env bash
# What the path-sensitive checks (tether-handle-leak, tether-handle-misuse)
# cost, as ratios. Never asserts a timing.
#
#   bench/handle-bench.sh [BUILD_DIR] [REPEAT]
#
# (a) Per translation unit, over the same TUs: clang-19 -fsyntax-only (the
#     floor of any AST-based tool), `tether scan -j 1 --checks=-*` (the
#     driver with no check: its own floor) and `tether scan -j 1
#     --checks=-*,tether-handle-*`. The cost of the checks is (handle - floor)
#     relative to syntax-only. Corpora: a generated C/C++ corpus full of
#     handle code (fopen/open/socket/opendir, error paths, loops, some leaks),
#     a generated corpus with as many functions and no handle API (the
#     relevance filter should make it nearly free), and Tether's own sources
#     (heavy clang headers).
# (b) In tether-clangd, over LSP: the time from didOpen to the first
#     publishDiagnostics (includes the preamble build, which both
#     configurations pay), and from a didChange to its publishDiagnostics
#     (preamble reused: what a keystroke costs), with `.clangd` adding
#     tether-* against the same clangd with every clang-tidy check removed.
#
# (a) keeps the best of up to REPEAT runs (default 3), as many as fit in
# BUDGET seconds (default 20) per configuration; (b) keeps the median of
# 2 x REPEAT - 1 sessions. About 4.5 minutes on a 2-core machine with the
# defaults, half of it in Tether's own sources (three runs of 40 s).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
build="${1:-$root/build}"
repeat="${2:-3}"
[[ -d "$build" ]] || { echo "no build folder $build" >&2; exit 2; }
build="$(cd "$build" && pwd)"
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || { echo "REPEAT must be a positive integer, not '$repeat'" >&2; exit 2; }
tether="$build/bin/tether"
clangd="$build/bin/tether-clangd"
for f in "$tether" "$clangd" "$build/compile_commands.json"; do
  [[ -e "$f" ]] || { echo "missing $f: build Tether first (./bootstrap.sh build)" >&2; exit 2; }
done
for t in clang-19 python3 bc; do
  command -v "$t" >/dev/null || { echo "missing $t on PATH" >&2; exit 2; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# ---------------------------------------------------------------------------
# Generated corpora, each NFILES files of 40 to 45 functions with a
# compile_commands.json: $work/handle, handle code (16 C++ files, 4 C files),
# and $work/plain, C++ with no handle at all.
NFILES=20
python3 - "$work" "$NFILES" <<'PY'
import json, os, random, sys

work, nfiles = sys.argv[1], int(sys.argv[2])

C_HEADERS = """#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
"""
CXX_HEADERS = """#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>
""" + C_HEADERS

# Handle code. Each template takes a suffix n and whether this instance
# leaks on some path; all are valid C (the C++ files add their own).
def read_config(n, leak):
    bad = "return -2;" if leak else "fclose(f);\n      return -2;"
    return f"""
int read_config_{n}(const char *path, int *values, int max) {{
  FILE *f = fopen(path, "r");
  if (!f)
    return -1;
  char line[256];
  int count = 0;
  while (count < max && fgets(line, sizeof line, f)) {{
    if (line[0] == '#' || line[0] == '\\n')
      continue;
    char *end = NULL;
    long v = strtol(line, &end, 10);
    if (end == line)
      continue; /* not a number: skip the line */
    if (v < 0) {{ /* negative values are invalid */
      {bad}
    }}
    values[count++] = (int)(v % {n + 97});
  }}
  if (ferror(f)) {{
    fclose(f);
    return -3;
  }}
  fclose(f);
  return count;
}}
"""

def copy_file(n, leak):
    dst_fail = "return -2;" if leak else "close(in);\n    return -2;"
    return f"""
int copy_file_{n}(const char *from, const char *to) {{
  int in = open(from, O_RDONLY);
  if (in < 0)
    return -1;
  int out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (out < 0) {{
    {dst_fail}
  }}
  char buf[{4096 + n}];
  for (;;) {{
    ssize_t got = read(in, buf, sizeof buf);
    if (got == 0)
      break;
    if (got < 0) {{
      if (errno == EINTR)
        continue;
      close(out);
      close(in);
      return -3;
    }}
    ssize_t off = 0;
    while (off < got) {{
      ssize_t put = write(out, buf + off, (size_t)(got - off));
      if (put < 0) {{
        close(out);
        close(in);
        return -4;
      }}
      off += put;
    }}
  }}
  if (fsync(out) != 0) {{
    close(out);
    close(in);
    return -5;
  }}
  close(out);
  close(in);
  return 0;
}}
"""

def count_entries(n, leak):
    early = "return -2;" if leak else "closedir(d);\n      return -2;"
    return f"""
long count_entries_{n}(const char *dir, const char *stop, long *bytes) {{
  DIR *d = opendir(dir);
  if (!d)
    return -1;
  long entries = 0;
  *bytes = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {{
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
      continue;
    if (stop && strcmp(e->d_name, stop) == 0) {{
      {early}
    }}
    char full[512];
    snprintf(full, sizeof full, "%s/%s", dir, e->d_name);
    struct stat st;
    if (stat(full, &st) == 0 && S_ISREG(st.st_mode))
      *bytes += st.st_size;
    ++entries;
  }}
  closedir(d);
  return entries;
}}
"""

def connect_to(n, leak):
    fail = "return -2;" if leak else "close(fd);\n    return -2;"
    return f"""
int connect_to_{n}(const char *host, unsigned short port) {{
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0)
    return -1;
  int one = 1;
  if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0) {{
    close(fd);
    return -3;
  }}
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((unsigned short)(port + {n % 7}));
  if (inet_pton(AF_INET, host, &addr.sin_addr) != 1) {{
    {fail}
  }}
  if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {{
    close(fd);
    return -4;
  }}
  return fd; /* the caller owns it */
}}
"""

def send_all(n, leak):
    return f"""
int send_all_{n}(int fd, const char *data, size_t len) {{
  size_t sent = 0;
  while (sent < len) {{
    ssize_t k = send(fd, data + sent, len - sent, 0);
    if (k < 0) {{
      if (errno == EINTR)
        continue;
      return -1;
    }}
    sent += (size_t)k;
  }}
  return (int)(sent % {n + 1000});
}}
"""

def serve_once(n, leak):
    acc_fail = "return -4;" if leak else "close(srv);\n    return -4;"
    return f"""
int serve_once_{n}(unsigned short port) {{
  int srv = socket(AF_INET, SOCK_STREAM, 0);
  if (srv < 0)
    return -1;
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(port);
  if (bind(srv, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(srv, {n % 16 + 1}) != 0) {{
    close(srv);
    return -2;
  }}
  int cli = accept(srv, NULL, NULL);
  if (cli < 0) {{
    {acc_fail}
  }}
  char req[1024];
  ssize_t got = recv(cli, req, sizeof req - 1, 0);
  if (got > 0) {{
    req[got] = 0;
    const char *reply = strstr(req, "PING") ? "PONG\\n" : "ERR\\n";
    send_all_{n}(cli, reply, strlen(reply));
  }}
  close(cli);
  close(srv);
  return got > 0 ? 0 : -3;
}}
"""

def process_list(n, leak):
    skip = "continue;" if leak else "fclose(f);\n      continue;"
    return f"""
int process_list_{n}(const char **paths, int npaths, long *total) {{
  int done = 0;
  *total = 0;
  for (int i = 0; i < npaths; ++i) {{
    FILE *f = fopen(paths[i], "rb");
    if (!f)
      continue;
    if (fseek(f, 0, SEEK_END) != 0) {{
      fclose(f);
      continue;
    }}
    long size = ftell(f);
    if (size <= 0) {{
      {skip}
    }}
    *total += size;
    ++done;
    fclose(f);
  }}
  return done;
}}
"""

def write_log(n, leak):
    return f"""
int write_log_{n}(const char *path, const char *who, int code) {{
  FILE *log = fopen(path, "a");
  if (log == NULL)
    return -1;
  if (fprintf(log, "[%s] code=%d seq={n}\\n", who, code) < 0) {{
    fclose(log);
    return -2;
  }}
  if (fflush(log) != 0) {{
    fclose(log);
    return -3;
  }}
  return fclose(log) == 0 ? 0 : -4;
}}
"""

def pipe_roundtrip(n, leak):
    wfail = "close(fds[0]);\n    return -2;" if leak else "close(fds[0]);\n    close(fds[1]);\n    return -2;"
    return f"""
int pipe_roundtrip_{n}(const char *msg, char *out, size_t cap) {{
  int fds[2];
  if (pipe(fds) != 0)
    return -1;
  size_t len = strlen(msg);
  if (write(fds[1], msg, len) != (ssize_t)len) {{
    {wfail}
  }}
  close(fds[1]);
  ssize_t got = read(fds[0], out, cap - 1);
  close(fds[0]);
  if (got < 0)
    return -3;
  out[got] = 0;
  return (int)got;
}}
"""

def temp_file(n, leak):
    return f"""
int temp_file_{n}(const char *payload) {{
  char name[] = "/tmp/tether-bench-{n}-XXXXXX";
  int fd = mkstemp(name);
  if (fd < 0)
    return -1;
  unlink(name);
  size_t len = strlen(payload);
  if (write(fd, payload, len) != (ssize_t)len) {{
    close(fd);
    return -2;
  }}
  if (lseek(fd, 0, SEEK_SET) != 0) {{
    close(fd);
    return -3;
  }}
  char back[64];
  ssize_t got = read(fd, back, sizeof back);
  close(fd);
  return got < 0 ? -4 : (int)got;
}}
"""

def load_all(n, leak):
    return f"""
int load_all_{n}(const char **paths, int npaths) {{
  int values[64];
  int total = 0;
  for (int i = 0; i < npaths; ++i) {{
    int got = read_config_{n}(paths[i], values, 64);
    if (got < 0)
      continue;
    for (int k = 0; k < got; ++k)
      total += values[k];
  }}
  return total;
}}
"""

def checksum(n, leak):
    return f"""
unsigned checksum_{n}(const unsigned char *p, size_t len) {{
  unsigned a = 1, b = 0;
  for (size_t i = 0; i < len; ++i) {{
    a = (a + p[i]) % 65521u;
    b = (b + a) % 65521u;
  }}
  return (b << 16) | (a ^ {n}u);
}}
"""

def parse_kv(n, leak):
    return f"""
int parse_kv_{n}(char *line, const char **key, const char **value) {{
  char *eq = strchr(line, '=');
  if (!eq)
    return -1;
  *eq = 0;
  *key = line;
  *value = eq + 1;
  size_t vl = strlen(*value);
  while (vl > 0 && ((*value)[vl - 1] == '\\n' || (*value)[vl - 1] == ' '))
    ((char *)*value)[--vl] = 0;
  return (int)(vl % {n + 3});
}}
"""

C_TEMPLATES = [read_config, copy_file, count_entries, connect_to, send_all,
               serve_once, process_list, write_log, pipe_roundtrip, temp_file,
               load_all, checksum, parse_kv]

# C++-only handle code: RAII wrapper, std::string paths, vectors of lines.
def cxx_extra(n, leak):
    early = "return lines;" if leak else "std::fclose(f);\n      return lines;"
    return f"""
class Descriptor{n} {{
public:
  explicit Descriptor{n}(const std::string &path) : fd_(::open(path.c_str(), O_RDONLY)) {{}}
  ~Descriptor{n}() {{
    if (fd_ >= 0)
      ::close(fd_);
  }}
  Descriptor{n}(const Descriptor{n} &) = delete;
  Descriptor{n} &operator=(const Descriptor{n} &) = delete;
  bool ok() const {{ return fd_ >= 0; }}
  long size() const {{
    struct stat st;
    return ::fstat(fd_, &st) == 0 ? static_cast<long>(st.st_size) : -1;
  }}

private:
  int fd_;
}};

long sized_{n}(const std::vector<std::string> &paths) {{
  long total = 0;
  for (const std::string &p : paths) {{
    Descriptor{n} d(p);
    if (d.ok())
      total += d.size();
  }}
  return total;
}}

std::vector<std::string> read_lines_{n}(const std::string &path, std::size_t limit) {{
  std::vector<std::string> lines;
  std::FILE *f = std::fopen(path.c_str(), "r");
  if (!f)
    return lines;
  char buf[512];
  while (std::fgets(buf, sizeof buf, f)) {{
    std::string line(buf);
    while (!line.empty() && (line.back() == '\\n' || line.back() == '\\r'))
      line.pop_back();
    if (line == "__END__") {{
      {early}
    }}
    lines.push_back(std::move(line));
    if (lines.size() >= limit)
      break;
  }}
  std::fclose(f);
  return lines;
}}

std::map<std::string, std::string> read_settings_{n}(const std::string &path) {{
  std::map<std::string, std::string> out;
  for (std::string &line : read_lines_{n}(path, {200 + n})) {{
    auto eq = line.find('=');
    if (eq == std::string::npos)
      continue;
    std::string key = line.substr(0, eq);
    key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
    out[key] = line.substr(eq + 1);
  }}
  return out;
}}

std::vector<std::string> list_dir_{n}(const std::string &dir, const std::string &suffix) {{
  std::vector<std::string> names;
  DIR *d = ::opendir(dir.c_str());
  if (d == nullptr)
    return names;
  while (dirent *e = ::readdir(d)) {{
    std::string name = e->d_name;
    if (name.size() >= suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      names.push_back(dir + "/" + name);
  }}
  ::closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}}
"""

def handle_file(i, cxx, rng):
    parts = [CXX_HEADERS if cxx else C_HEADERS]
    if cxx:
        parts.append("\nnamespace io%d {\n" % i)
    # 3 instances of each C template (39 functions), plus 5 C++ ones.
    for k in range(3):
        n = i * 10 + k
        for t in C_TEMPLATES:
            parts.append(t(n, rng.random() < 0.2))
    if cxx:
        parts.append(cxx_extra(i * 10, rng.random() < 0.3))
    parts.append(f"\nint entry_{i}(int argc, const char **argv) {{\n"
                 f"  return load_all_{i * 10}(argv, argc) + write_log_{i * 10 + 1}(argv[0], \"bench\", argc);\n}}\n")
    if cxx:
        parts.append("\n} // namespace io%d\n" % i)
    return "".join(parts)

# Handle-free C++: containers, strings, algorithms; as many functions. Fewer
# lines than the handle files (no error paths) but heavier to parse.
def plain_funcs(n, rng):
    return f"""
struct Record{n} {{
  std::string name;
  std::vector<int> samples;
  double weight = {1 + n % 5}.5;
}};

std::vector<std::string> split_{n}(const std::string &s, char sep) {{
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {{
    if (c == sep) {{
      out.push_back(cur);
      cur.clear();
    }} else {{
      cur += c;
    }}
  }}
  out.push_back(cur);
  return out;
}}

std::string join_{n}(const std::vector<std::string> &parts, const std::string &sep) {{
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {{
    if (i)
      out += sep;
    out += parts[i];
  }}
  return out;
}}

std::map<std::string, int> word_counts_{n}(const std::vector<std::string> &words) {{
  std::map<std::string, int> counts;
  for (const auto &w : words) {{
    std::string lower(w.size(), ' ');
    std::transform(w.begin(), w.end(), lower.begin(),
                   [](unsigned char c) {{ return static_cast<char>(std::tolower(c)); }});
    if (!lower.empty())
      ++counts[lower];
  }}
  return counts;
}}

std::vector<std::pair<std::string, int>> top_{n}(const std::map<std::string, int> &counts, std::size_t k) {{
  std::vector<std::pair<std::string, int>> v(counts.begin(), counts.end());
  std::sort(v.begin(), v.end(), [](const auto &a, const auto &b) {{
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  }});
  if (v.size() > k)
    v.resize(k);
  return v;
}}

double mean_{n}(const Record{n} &r) {{
  if (r.samples.empty())
    return 0.0;
  long sum = std::accumulate(r.samples.begin(), r.samples.end(), 0L);
  return r.weight * static_cast<double>(sum) / static_cast<double>(r.samples.size());
}}

std::optional<Record{n}> find_{n}(const std::vector<Record{n}> &rs, const std::string &name) {{
  auto it = std::find_if(rs.begin(), rs.end(), [&](const Record{n} &r) {{ return r.name == name; }});
  if (it == rs.end())
    return std::nullopt;
  return *it;
}}

std::unordered_map<int, std::vector<std::string>> by_length_{n}(const std::vector<std::string> &words) {{
  std::unordered_map<int, std::vector<std::string>> out;
  for (const auto &w : words)
    out[static_cast<int>(w.size())].push_back(w);
  for (auto &[len, group] : out) {{
    std::sort(group.begin(), group.end());
    group.erase(std::unique(group.begin(), group.end()), group.end());
  }}
  return out;
}}

int median_{n}(std::vector<int> v) {{
  if (v.empty())
    return 0;
  auto mid = v.begin() + static_cast<long>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid + {n % 11};
}}

std::string trim_{n}(const std::string &s) {{
  auto b = s.find_first_not_of(" \\t\\r\\n");
  if (b == std::string::npos)
    return std::string();
  auto e = s.find_last_not_of(" \\t\\r\\n");
  return s.substr(b, e - b + 1);
}}

std::set<std::string> unique_words_{n}(const std::string &text) {{
  std::set<std::string> out;
  for (auto &w : split_{n}(text, ' ')) {{
    std::string t = trim_{n}(w);
    if (!t.empty())
      out.insert(std::move(t));
  }}
  return out;
}}

std::vector<Record{n}> normalise_{n}(std::vector<Record{n}> rs) {{
  for (auto &r : rs) {{
    std::sort(r.samples.begin(), r.samples.end());
    r.samples.erase(std::remove_if(r.samples.begin(), r.samples.end(),
                                   [](int x) {{ return x < 0; }}),
                    r.samples.end());
  }}
  rs.erase(std::remove_if(rs.begin(), rs.end(), [](const Record{n} &r) {{ return r.samples.empty(); }}),
           rs.end());
  return rs;
}}

std::string describe_{n}(const std::vector<Record{n}> &rs) {{
  std::vector<std::string> parts;
  parts.reserve(rs.size());
  for (const auto &r : rs)
    parts.push_back(r.name + ":" + std::to_string(median_{n}(r.samples)) + "/" +
                    std::to_string(mean_{n}(r)));
  return "{{" + join_{n}(parts, ", ") + "}}";
}}

std::unique_ptr<Record{n}> make_{n}(const std::string &line) {{
  auto fields = split_{n}(line, ',');
  if (fields.empty())
    return nullptr;
  auto r = std::make_unique<Record{n}>();
  r->name = trim_{n}(fields[0]);
  for (std::size_t i = 1; i < fields.size(); ++i) {{
    std::string f = trim_{n}(fields[i]);
    if (!f.empty() && std::all_of(f.begin(), f.end(), [](char c) {{ return c >= '0' && c <= '9'; }}))
      r->samples.push_back(std::stoi(f));
  }}
  return r;
}}
"""

PLAIN_HEADERS = """#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>
"""

def plain_file(i, rng):
    parts = [PLAIN_HEADERS]
    # 3 x 13 functions: as many as the handle files have C functions.
    for k in range(3):
        parts.append(plain_funcs(i * 10 + k, rng))
    parts.append(f"\nstd::string entry_{i}(const std::string &text) {{\n"
                 f"  auto words = split_{i * 10}(text, ' ');\n"
                 f"  std::vector<Record{i * 10}> rs;\n"
                 f"  for (auto &w : words)\n"
                 f"    if (auto r = make_{i * 10}(w))\n"
                 f"      rs.push_back(*r);\n"
                 f"  auto top = top_{i * 10 + 1}(word_counts_{i * 10 + 1}(words), 5);\n"
                 f"  return describe_{i * 10}(normalise_{i * 10}(rs)) + std::to_string(top.size()) +\n"
                 f"         std::to_string(by_length_{i * 10 + 2}(words).size() + unique_words_{i * 10 + 2}(text).size());\n}}\n")
    return "".join(parts)

rng = random.Random(19)
for corpus in ("handle", "plain"):
    d = os.path.join(work, corpus)
    os.makedirs(d)
    db = []
    for i in range(nfiles):
        if corpus == "handle":
            cxx = i % 5 != 4  # 16 C++ files, 4 C files
            name = "h%02d.%s" % (i, "cpp" if cxx else "c")
            src = handle_file(i, cxx, rng)
        else:
            cxx, name = True, "p%02d.cpp" % i
            src = plain_file(i, rng)
        with open(os.path.join(d, name), "w") as f:
            f.write(src)
        args = (["clang++-19", "-std=c++17"] if cxx else ["clang-19", "-std=gnu11"]) + \
               ["-O2", "-Wall", "-c", name, "-o", name + ".o"]
        db.append({"directory": d, "file": os.path.join(d, name), "arguments": args})
    json.dump(db, open(os.path.join(d, "compile_commands.json"), "w"), indent=1)
PY

# Tether's own sources: only the units under lib/, checkers/ and tools/.
mkdir -p "$work/self"
python3 - "$build/compile_commands.json" "$work/self/compile_commands.json" "$root" <<'PY'
import json, sys
db = json.load(open(sys.argv[1]))
keep = [e for e in db if any(("/%s/" % d) in e["file"] for d in ("lib", "checkers", "tools"))
        and sys.argv[3] in e["file"]]
json.dump(keep, open(sys.argv[2], "w"))
PY

# ---------------------------------------------------------------------------
# (a) Per translation unit.
# best (bench/lib.sh) keeps the best of up to REPEAT runs of a
# configuration, fewer when another run would take its total over BUDGET
# seconds (default 20).
budget="${BUDGET:-20}"

scan() { "$tether" scan --compile-commands "$1" -j 1 --quiet --color=never "${@:2}"; }

report() { # name database repeat
  local name=$1 db=$2 n=$3 tus floor none handle
  tus=$(units "$db" | wc -l)
  local nf nn nh
  read -r floor nf < <(best "$n" /dev/null syntax_only "$db")
  read -r none nn < <(best "$n" /dev/null scan "$db" --checks='-*')
  read -r handle nh < <(best "$n" "$work/findings.txt" scan "$db" --checks='-*,tether-handle-*')
  local leaks misuses
  leaks=$(grep -c '\[tether-handle-leak\]' "$work/findings.txt" || true)
  misuses=$(grep -c '\[tether-handle-misuse\]' "$work/findings.txt" || true)
  printf '%-22s %3d TUs  syntax-only %6.2fs  tether --checks=-* %6.2fs  tether --checks=-*,tether-handle-* %6.2fs\n' \
    "$name" "$tus" "$floor" "$none" "$handle"
  printf '%-22s          driver floor/syntax-only %sx  handle/syntax-only %sx  (handle-floor)/syntax-only %+.1f%%\n' \
    "" "$(f2 "$(echo "$none / $floor" | bc -l)")" "$(f2 "$(echo "$handle / $floor" | bc -l)")" \
    "$(echo "100 * ($handle - $none) / $floor" | bc -l)"
  printf '%-22s          findings: %d tether-handle-leak, %d tether-handle-misuse; best of %d/%d/%d runs\n' \
    "" "$leaks" "$misuses" "$nf" "$nn" "$nh"
}

lines() { cat "$1"/*.c* 2>/dev/null | wc -l; }
echo "machine: $(uname -srm), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "LLVM:    $(clang-19 --version | head -1); $("$tether" --version 2>&1 | head -1)"
echo "corpora: handle $NFILES files/$(lines "$work/handle") lines, plain $NFILES files/$(lines "$work/plain") lines"
echo
echo "(a) per translation unit, sequential (-j 1), best of up to $repeat runs (at most ${budget}s per configuration)"
report "generated, handles" "$work/handle/compile_commands.json" "$repeat"
report "generated, no handles" "$work/plain/compile_commands.json" "$repeat"
report "tether's own sources" "$work/self/compile_commands.json" "$repeat"

# ---------------------------------------------------------------------------
# (b) tether-clangd over LSP.
# The client is bench/lsp-latency.py; clangd_project and clangd_case are in
# bench/lib.sh.
clangd_project "$work/lsp-on" 'tether-*'
clangd_project "$work/lsp-off"
# The first C++ file of each corpus.
cp "$work/handle/h00.cpp" "$work/lsp-on/handles.cpp"
cp "$work/handle/h00.cpp" "$work/lsp-off/handles.cpp"
cp "$work/plain/p00.cpp" "$work/lsp-on/plain.cpp"
cp "$work/plain/p00.cpp" "$work/lsp-off/plain.cpp"

# A session is cheap (about a second) but noisy (+-10%): run 2 x REPEAT - 1.
sessions=$((2 * repeat - 1))

echo
echo "(b) tether-clangd, median of $sessions sessions; off: .clangd Remove: ['*'], tether-*: Add: [tether-*] +"
echo "    FastCheckFilter: None; didOpen includes the preamble build, didChange is the best of 3 per session"
clangd_case "$work/lsp-on" "$work/lsp-off" handles.cpp 'tether-*'
clangd_case "$work/lsp-on" "$work/lsp-off" plain.cpp 'tether-*'
