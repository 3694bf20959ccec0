#!/usr/bin/env python3
"""Generates a synthetic C++20 codebase for bench/scale-bench.sh.

    gen-codebase.py --out DIR [--units N] [--seed S]

Writes DIR/include/..., DIR/src/<module>/*.cpp, DIR/compile_commands.json
(one entry per source, -std=c++20) and DIR/manifest.json (the units, each
project header with how many units include it, directly or not, the header
the benchmark edits, and the bugs seeded per check).

The codebase is a handful of modules (records, a registry, a detail header
of templates), each module depending on earlier ones, over shared headers:
common/base.h (every unit), common/strings.h, common/pool.h (a thread pool
over std::thread), common/files.h (POSIX descriptors and directories) and
common/chan.h (Boost.Fiber). Every unit is mostly ordinary code (classes,
templates, algorithms, parsing, string processing) around some concurrency
code in the shapes Tether checks: thread pools, threads started in loops
(loop variables captured, most of them correctly), fopen/open/opendir with
error paths (some leaking), channel fan-out where the first result wins
(Boost.Fiber, some units), a semaphore token taken before each spawn (a few
units), std::async with a timeout. The same --units and --seed give the same
bytes. Python standard library only.
"""

import argparse
import json
import os
import random

MODULES = ["core", "net", "storage", "ingest", "render", "sched", "query", "report"]
WORDS = ["session", "parser", "codec", "index", "cache", "planner", "writer", "reader",
         "router", "merger", "loader", "scanner", "encoder", "monitor", "builder", "catalog",
         "journal", "ledger", "tracker", "resolver", "batcher", "filter", "mapper", "sampler",
         "emitter", "gateway", "archive", "digest", "schema", "policy"]
# Extra standard headers a unit may include besides what its code needs.
EXTRA_STD = ["<algorithm>", "<map>", "<unordered_map>", "<set>", "<memory>", "<functional>",
             "<sstream>", "<numeric>", "<chrono>", "<optional>", "<array>", "<deque>",
             "<cstring>", "<cmath>", "<tuple>", "<list>", "<iomanip>", "<iostream>",
             "<variant>", "<cstdio>", "<string_view>", "<unordered_set>", "<bitset>", "<regex>"]

SEND = "tether-unreceived-send"
LOOP = "tether-loop-variable-capture"
LEAK = "tether-handle-leak"
DEADLOCK = "tether-semaphore-spawn-deadlock"
TOKEN = "tether-token-leak"
ASYNC = "tether-async-timeout-blocks"


def cap(s):
    return s[0].upper() + s[1:]


# ---------------------------------------------------------------------------
# Shared headers.

BASE_H = """//===- common/base.h - Status, Result and logging for every module -------===//
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace app::common {

enum class Status { Ok, NotFound, Invalid, Busy, IoError };

inline const char *status_name(Status s) {
  switch (s) {
  case Status::Ok: return "ok";
  case Status::NotFound: return "not found";
  case Status::Invalid: return "invalid";
  case Status::Busy: return "busy";
  case Status::IoError: return "i/o error";
  }
  return "?";
}

/// A value or the reason there is none.
template <typename T> class Result {
public:
  Result(T value) : value_(std::move(value)), status_(Status::Ok) {}
  Result(Status status) : status_(status) {}
  bool ok() const { return status_ == Status::Ok; }
  Status status() const { return status_; }
  const T &value() const { return *value_; }
  T &value() { return *value_; }
  T value_or(T fallback) const { return ok() ? *value_ : std::move(fallback); }
  template <typename F> auto map(F f) const -> Result<decltype(f(std::declval<const T &>()))> {
    if (!ok())
      return status_;
    return f(*value_);
  }

private:
  std::optional<T> value_;
  Status status_;
};

enum class Level { Debug, Info, Warning, Error };

inline void log(Level level, std::string_view what) {
  static const char *const names[] = {"debug", "info", "warning", "error"};
  std::fprintf(stderr, "[%s] %.*s\\n", names[static_cast<int>(level)], static_cast<int>(what.size()),
               what.data());
}

struct Config {
  std::vector<std::pair<std::string, std::string>> entries;
  std::optional<std::string> get(std::string_view key) const {
    for (const auto &[k, v] : entries)
      if (k == key)
        return v;
    return std::nullopt;
  }
  int get_int(std::string_view key, int fallback) const {
    std::optional<std::string> v = get(key);
    if (!v || v->empty())
      return fallback;
    int n = 0;
    for (char c : *v) {
      if (c < '0' || c > '9')
        return fallback;
      n = n * 10 + (c - '0');
    }
    return n;
  }
};

inline std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

} // namespace app::common
"""

STRINGS_H = """//===- common/strings.h - String helpers ---------------------------------===//
#pragma once

#include "common/base.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace app::common {

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())))
    s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return s;
}

inline std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.emplace_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

template <typename Range> std::string join(const Range &parts, std::string_view sep) {
  std::string out;
  bool first = true;
  for (const auto &p : parts) {
    if (!first)
      out += sep;
    out += p;
    first = false;
  }
  return out;
}

inline std::string to_lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

inline bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

inline std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  if (from.empty())
    return s;
  std::size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
  return s;
}

} // namespace app::common
"""

POOL_H = """//===- common/pool.h - A fixed-size thread pool --------------------------===//
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

namespace app::common {

/// Runs submitted tasks on a fixed set of threads; the destructor drains
/// the queue and joins them.
class ThreadPool {
public:
  explicit ThreadPool(std::size_t threads) {
    for (std::size_t i = 0; i < threads; ++i)
      workers_.emplace_back([this] { run(); });
  }
  ThreadPool(const ThreadPool &) = delete;
  ThreadPool &operator=(const ThreadPool &) = delete;
  ~ThreadPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (std::thread &t : workers_)
      t.join();
  }

  template <typename F> auto submit(F f) -> std::future<std::invoke_result_t<F>> {
    using R = std::invoke_result_t<F>;
    auto task = std::make_shared<std::packaged_task<R()>>(std::move(f));
    std::future<R> result = task->get_future();
    {
      std::lock_guard<std::mutex> lock(mu_);
      queue_.emplace_back([task] { (*task)(); });
    }
    ready_.notify_one();
    return result;
  }

  std::size_t size() const { return workers_.size(); }

private:
  void run() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (queue_.empty())
          return;
        job = std::move(queue_.front());
        queue_.pop_front();
      }
      job();
    }
  }

  std::mutex mu_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;
  std::vector<std::thread> workers_;
  bool stopping_ = false;
};

} // namespace app::common
"""

FILES_H = """//===- common/files.h - Descriptors and directories ----------------------===//
#pragma once

#include "common/base.h"

#include <dirent.h>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace app::common {

/// Closes its descriptor when it goes out of scope.
class UniqueFd {
public:
  explicit UniqueFd(int fd = -1) : fd_(fd) {}
  UniqueFd(UniqueFd &&o) noexcept : fd_(o.release()) {}
  UniqueFd &operator=(UniqueFd &&o) noexcept {
    reset(o.release());
    return *this;
  }
  ~UniqueFd() { reset(); }
  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  int release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }
  void reset(int fd = -1) {
    if (fd_ >= 0)
      ::close(fd_);
    fd_ = fd;
  }

private:
  int fd_;
};

inline bool is_directory(const std::string &path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

inline long file_size(const std::string &path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0)
    return -1;
  return static_cast<long>(st.st_size);
}

} // namespace app::common
"""

CHAN_H = """//===- common/chan.h - Boost.Fiber channels used across modules ----------===//
#pragma once

#include <boost/fiber/all.hpp>

#include <chrono>
#include <memory>
#include <vector>

namespace app::common {

namespace fibers = boost::fibers;

/// Drains a channel until it is closed; returns how many values it saw.
template <typename T, typename F> std::size_t drain(fibers::buffered_channel<T> &ch, F sink) {
  std::size_t n = 0;
  T value;
  while (ch.pop(value) == fibers::channel_op_status::success) {
    sink(value);
    ++n;
  }
  return n;
}

} // namespace app::common
"""


def module_header(m, deps):
    M = cap(m)
    inc = "".join(f'#include "{d}/{d}.h"\n' for d in deps)
    conv = "".join(f"{d}::{cap(d)}Record to_{d}(const {M}Record &r);\n" for d in deps)
    return f"""//===- {m}/{m}.h - The {m} module's records and registry ------------------===//
#pragma once

#include "common/base.h"
{inc}
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace app::{m} {{

struct {M}Record {{
  int id = 0;
  std::string name;
  double weight = 0.0;
  std::vector<std::string> tags;
  bool operator<(const {M}Record &o) const {{ return id < o.id; }}
  bool operator==(const {M}Record &o) const {{ return id == o.id && name == o.name; }}
}};

/// The records of this module, by id; safe to share between threads.
class {M}Registry {{
public:
  void add({M}Record r) {{
    std::lock_guard<std::mutex> lock(mu_);
    int id = r.id;
    records_[id] = std::move(r);
  }}
  std::optional<{M}Record> find(int id) const {{
    std::lock_guard<std::mutex> lock(mu_);
    auto it = records_.find(id);
    if (it == records_.end())
      return std::nullopt;
    return it->second;
  }}
  std::size_t size() const {{
    std::lock_guard<std::mutex> lock(mu_);
    return records_.size();
  }}
  template <typename Pred> std::vector<{M}Record> select(Pred pred) const {{
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<{M}Record> out;
    for (const auto &[id, r] : records_)
      if (pred(r))
        out.push_back(r);
    return out;
  }}
  std::vector<{M}Record> all() const {{
    return select([](const {M}Record &) {{ return true; }});
  }}

private:
  mutable std::mutex mu_;
  std::map<int, {M}Record> records_;
}};

{M}Record make_{m}_record(int id, std::string_view name);
int {m}_score(const {M}Record &r);
std::string describe(const {M}Record &r);
common::Status validate(const {M}Record &r);
std::vector<{M}Record> load_{m}_records(const std::string &path);
{conv}
}} // namespace app::{m}
"""


def detail_header(m):
    M = cap(m)
    return f"""//===- {m}/detail.h - Internals shared by the {m} module's sources --------===//
#pragma once

#include "{m}/{m}.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <numeric>
#include <string>
#include <vector>

namespace app::{m}::detail {{

inline constexpr std::array<int, 8> kWeights = {{3, 5, 7, 11, 13, 17, 19, 23}};

template <typename T> struct Stats {{
  std::size_t count = 0;
  T sum{{}};
  T min{{}};
  T max{{}};
  void add(const T &v) {{
    if (count == 0 || v < min)
      min = v;
    if (count == 0 || max < v)
      max = v;
    sum += v;
    ++count;
  }}
  double mean() const {{ return count ? static_cast<double>(sum) / count : 0.0; }}
}};

template <typename It, typename Key> void sort_by(It first, It last, Key key) {{
  std::stable_sort(first, last, [&](const auto &a, const auto &b) {{ return key(a) < key(b); }});
}}

inline int weighted(const {M}Record &r) {{
  int h = 0;
  for (std::size_t i = 0; i < r.name.size(); ++i)
    h += kWeights[i % kWeights.size()] * static_cast<unsigned char>(r.name[i]);
  return h + static_cast<int>(r.weight * 100) + static_cast<int>(r.tags.size());
}}

inline std::vector<int> ids_of(const std::vector<{M}Record> &rs) {{
  std::vector<int> ids(rs.size());
  std::transform(rs.begin(), rs.end(), ids.begin(), [](const {M}Record &r) {{ return r.id; }});
  return ids;
}}

}} // namespace app::{m}::detail
"""


# ---------------------------------------------------------------------------
# Ordinary code. Each generator returns (std headers, project headers, code);
# n keeps names unique inside a unit.

def g_window(n, ctx):
    return ({"<algorithm>", "<numeric>", "<vector>"}, set(), f"""
/// A sliding window of the last values, with a mean and percentiles.
class Window{n} {{
public:
  explicit Window{n}(std::size_t capacity) : capacity_(capacity) {{}}
  void add(double v) {{
    if (values_.size() == capacity_)
      values_.erase(values_.begin());
    values_.push_back(v);
  }}
  double mean() const {{
    if (values_.empty())
      return 0.0;
    return std::accumulate(values_.begin(), values_.end(), 0.0) / static_cast<double>(values_.size());
  }}
  double percentile(double p) const {{
    if (values_.empty())
      return 0.0;
    std::vector<double> sorted = values_;
    std::sort(sorted.begin(), sorted.end());
    auto idx = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1));
    return sorted[idx];
  }}
  std::size_t size() const {{ return values_.size(); }}
  void clear() {{ values_.clear(); }}

private:
  std::size_t capacity_;
  std::vector<double> values_;
}};
""")


def g_parse_kv(n, ctx):
    return ({"<map>", "<string>"}, {"common/strings.h"}, f"""
std::map<std::string, std::string> parse_settings_{n}(std::string_view text) {{
  std::map<std::string, std::string> out;
  for (const std::string &item : common::split(text, ';')) {{
    std::string_view kv = common::trim(item);
    if (kv.empty() || kv.front() == '#')
      continue;
    std::size_t eq = kv.find('=');
    if (eq == std::string_view::npos) {{
      common::log(common::Level::Warning, "setting without '=': " + std::string(kv));
      continue;
    }}
    std::string key = common::to_lower(common::trim(kv.substr(0, eq)));
    out[key] = std::string(common::trim(kv.substr(eq + 1)));
  }}
  return out;
}}
""")


def g_templates(n, ctx):
    return ({"<map>", "<vector>", "<type_traits>"}, set(), f"""
template <typename T, typename Pred, typename F>
auto filter_map_{n}(const std::vector<T> &in, Pred keep, F f) -> std::vector<std::decay_t<decltype(f(in.front()))>> {{
  std::vector<std::decay_t<decltype(f(in.front()))>> out;
  out.reserve(in.size());
  for (const T &v : in)
    if (keep(v))
      out.push_back(f(v));
  return out;
}}

template <typename K, typename V>
V get_or_{n}(const std::map<K, V> &m, const K &key, V fallback) {{
  auto it = m.find(key);
  return it == m.end() ? fallback : it->second;
}}

template <typename T> struct Pair{n} {{
  T first{{}};
  T second{{}};
  T sum() const {{ return first + second; }}
  bool operator<(const Pair{n} &o) const {{ return sum() < o.sum(); }}
}};

inline int sum_squares_{n}(const std::vector<int> &v) {{
  auto sq = filter_map_{n}(v, [](int x) {{ return x % 2 == 0; }}, [](int x) {{ return x * x; }});
  int s = 0;
  for (int x : sq)
    s += x;
  return s;
}}
""")


def g_records(n, ctx):
    M, m = ctx["M"], ctx["m"]
    return ({"<algorithm>", "<vector>"}, set(), f"""
std::vector<{M}Record> top_records_{n}(const {M}Registry &registry, std::size_t k) {{
  std::vector<{M}Record> all = registry.select([](const {M}Record &r) {{ return r.weight > 0.0; }});
  std::stable_sort(all.begin(), all.end(), [](const {M}Record &a, const {M}Record &b) {{
    return {m}_score(a) > {m}_score(b);
  }});
  if (all.size() > k)
    all.resize(k);
  auto tagged = std::partition(all.begin(), all.end(), [](const {M}Record &r) {{ return !r.tags.empty(); }});
  std::sort(tagged, all.end());
  return all;
}}

bool has_record_{n}(const std::vector<{M}Record> &sorted, int id) {{
  {M}Record probe;
  probe.id = id;
  auto it = std::lower_bound(sorted.begin(), sorted.end(), probe);
  return it != sorted.end() && it->id == id;
}}
""")


def g_state_machine(n, ctx):
    return ({"<string>", "<vector>"}, set(), f"""
enum class Lex{n} {{ Idle, Word, Number, Quoted, Done }};

struct Token{n} {{
  Lex{n} kind;
  std::string text;
}};

std::vector<Token{n}> tokenize_{n}(std::string_view in) {{
  std::vector<Token{n}> out;
  Lex{n} state = Lex{n}::Idle;
  std::string cur;
  auto flush = [&](Lex{n} kind) {{
    if (!cur.empty())
      out.push_back({{kind, cur}});
    cur.clear();
  }};
  for (std::size_t i = 0; i <= in.size(); ++i) {{
    char c = i < in.size() ? in[i] : '\\0';
    switch (state) {{
    case Lex{n}::Idle:
      if (c == '"')
        state = Lex{n}::Quoted;
      else if (c >= '0' && c <= '9') {{
        cur += c;
        state = Lex{n}::Number;
      }} else if (c != ' ' && c != '\\0') {{
        cur += c;
        state = Lex{n}::Word;
      }}
      break;
    case Lex{n}::Word:
    case Lex{n}::Number:
      if (c == ' ' || c == '\\0') {{
        flush(state);
        state = Lex{n}::Idle;
      }} else
        cur += c;
      break;
    case Lex{n}::Quoted:
      if (c == '"' || c == '\\0') {{
        flush(Lex{n}::Quoted);
        state = Lex{n}::Idle;
      }} else
        cur += c;
      break;
    case Lex{n}::Done:
      break;
    }}
  }}
  return out;
}}
""")


def g_expr(n, ctx):
    return ({"<memory>", "<string>", "<vector>", "<stdexcept>"}, set(), f"""
/// A small arithmetic expression tree and its recursive-descent parser.
struct Expr{n} {{
  virtual ~Expr{n}() = default;
  virtual double eval() const = 0;
}};
struct Num{n} : Expr{n} {{
  double v;
  explicit Num{n}(double v) : v(v) {{}}
  double eval() const override {{ return v; }}
}};
struct Bin{n} : Expr{n} {{
  char op;
  std::unique_ptr<Expr{n}> l, r;
  Bin{n}(char op, std::unique_ptr<Expr{n}> l, std::unique_ptr<Expr{n}> r) : op(op), l(std::move(l)), r(std::move(r)) {{}}
  double eval() const override {{
    double a = l->eval(), b = r->eval();
    switch (op) {{
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    default: return b == 0 ? 0 : a / b;
    }}
  }}
}};

class ExprParser{n} {{
public:
  explicit ExprParser{n}(std::string_view s) : s_(s) {{}}
  std::unique_ptr<Expr{n}> parse() {{ return sum(); }}

private:
  std::unique_ptr<Expr{n}> sum() {{
    auto l = product();
    while (peek() == '+' || peek() == '-') {{
      char op = s_[pos_++];
      l = std::make_unique<Bin{n}>(op, std::move(l), product());
    }}
    return l;
  }}
  std::unique_ptr<Expr{n}> product() {{
    auto l = atom();
    while (peek() == '*' || peek() == '/') {{
      char op = s_[pos_++];
      l = std::make_unique<Bin{n}>(op, std::move(l), atom());
    }}
    return l;
  }}
  std::unique_ptr<Expr{n}> atom() {{
    if (peek() == '(') {{
      ++pos_;
      auto e = sum();
      if (peek() == ')')
        ++pos_;
      return e;
    }}
    double v = 0;
    while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9')
      v = v * 10 + (s_[pos_++] - '0');
    return std::make_unique<Num{n}>(v);
  }}
  char peek() {{
    while (pos_ < s_.size() && s_[pos_] == ' ')
      ++pos_;
    return pos_ < s_.size() ? s_[pos_] : '\\0';
  }}
  std::string_view s_;
  std::size_t pos_ = 0;
}};

double evaluate_{n}(std::string_view text) {{
  ExprParser{n} p(text);
  return p.parse()->eval();
}}
""")


def g_hex(n, ctx):
    return ({"<cstdio>", "<cstdint>", "<string>", "<vector>"}, set(), f"""
std::string to_hex_{n}(const std::vector<std::uint8_t> &bytes) {{
  std::string out;
  out.reserve(bytes.size() * 2);
  char buf[3];
  for (std::uint8_t b : bytes) {{
    std::snprintf(buf, sizeof buf, "%02x", b);
    out += buf;
  }}
  return out;
}}

std::uint32_t adler32_{n}(const std::vector<std::uint8_t> &bytes) {{
  std::uint32_t a = 1, b = 0;
  for (std::uint8_t x : bytes) {{
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }}
  return (b << 16) | a;
}}
""")


def g_table(n, ctx):
    M = ctx["M"]
    return ({"<iomanip>", "<sstream>", "<string>", "<vector>"}, set(), f"""
std::string render_table_{n}(const std::vector<{M}Record> &rows) {{
  std::ostringstream os;
  os << std::left << std::setw(8) << "id" << std::setw(24) << "name" << std::right << std::setw(10) << "weight" << '\\n';
  for (const {M}Record &r : rows) {{
    os << std::left << std::setw(8) << r.id << std::setw(24) << r.name.substr(0, 23) << std::right
       << std::setw(10) << std::fixed << std::setprecision(2) << r.weight << '\\n';
  }}
  os << rows.size() << " row(s)\\n";
  return os.str();
}}
""")


def g_lru(n, ctx):
    return ({"<list>", "<optional>", "<unordered_map>", "<utility>"}, set(), f"""
template <typename K, typename V> class Lru{n} {{
public:
  explicit Lru{n}(std::size_t capacity) : capacity_(capacity) {{}}
  std::optional<V> get(const K &key) {{
    auto it = index_.find(key);
    if (it == index_.end())
      return std::nullopt;
    order_.splice(order_.begin(), order_, it->second);
    return it->second->second;
  }}
  void put(const K &key, V value) {{
    auto it = index_.find(key);
    if (it != index_.end()) {{
      it->second->second = std::move(value);
      order_.splice(order_.begin(), order_, it->second);
      return;
    }}
    order_.emplace_front(key, std::move(value));
    index_[key] = order_.begin();
    if (index_.size() > capacity_) {{
      index_.erase(order_.back().first);
      order_.pop_back();
    }}
  }}
  std::size_t size() const {{ return index_.size(); }}

private:
  std::size_t capacity_;
  std::list<std::pair<K, V>> order_;
  std::unordered_map<K, typename std::list<std::pair<K, V>>::iterator> index_;
}};

int cached_lookups_{n}(const std::vector<int> &keys) {{
  Lru{n}<int, int> cache(16);
  int misses = 0;
  for (int k : keys) {{
    if (!cache.get(k)) {{
      ++misses;
      cache.put(k, k * k);
    }}
  }}
  return misses;
}}
""")


def g_topo(n, ctx):
    return ({"<deque>", "<map>", "<string>", "<vector>"}, set(), f"""
/// Kahn's algorithm: an order in which every node comes after its dependencies.
std::vector<std::string> build_order_{n}(const std::map<std::string, std::vector<std::string>> &deps) {{
  std::map<std::string, int> indegree;
  std::map<std::string, std::vector<std::string>> users;
  for (const auto &[node, ds] : deps) {{
    indegree[node];
    for (const std::string &d : ds) {{
      ++indegree[node];
      indegree[d];
      users[d].push_back(node);
    }}
  }}
  std::deque<std::string> ready;
  for (const auto &[node, deg] : indegree)
    if (deg == 0)
      ready.push_back(node);
  std::vector<std::string> order;
  while (!ready.empty()) {{
    std::string node = ready.front();
    ready.pop_front();
    order.push_back(node);
    for (const std::string &u : users[node])
      if (--indegree[u] == 0)
        ready.push_back(u);
  }}
  if (order.size() != indegree.size())
    common::log(common::Level::Error, "dependency cycle");
  return order;
}}
""")


def g_variant(n, ctx):
    return ({"<string>", "<variant>", "<vector>"}, set(), f"""
using Value{n} = std::variant<long, double, std::string, bool>;

template <class... Fs> struct Overload{n} : Fs... {{ using Fs::operator()...; }};
template <class... Fs> Overload{n}(Fs...) -> Overload{n}<Fs...>;

std::string format_value_{n}(const Value{n} &v) {{
  return std::visit(Overload{n}{{
                        [](long x) {{ return std::to_string(x); }},
                        [](double x) {{ return std::to_string(x); }},
                        [](const std::string &s) {{ return "\\"" + s + "\\""; }},
                        [](bool b) {{ return std::string(b ? "true" : "false"); }},
                    }},
                    v);
}}

double numeric_total_{n}(const std::vector<Value{n}> &vs) {{
  double t = 0;
  for (const Value{n} &v : vs) {{
    if (const long *l = std::get_if<long>(&v))
      t += static_cast<double>(*l);
    else if (const double *d = std::get_if<double>(&v))
      t += *d;
  }}
  return t;
}}
""")


def g_counter(n, ctx):
    return ({"<atomic>", "<map>", "<mutex>", "<shared_mutex>", "<string>"}, set(), f"""
/// Counters shared between request threads.
class Counters{n} {{
public:
  void bump(const std::string &name, long by = 1) {{
    total_.fetch_add(by, std::memory_order_relaxed);
    std::unique_lock<std::shared_mutex> lock(mu_);
    counts_[name] += by;
  }}
  long get(const std::string &name) const {{
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto it = counts_.find(name);
    return it == counts_.end() ? 0 : it->second;
  }}
  long total() const {{ return total_.load(std::memory_order_relaxed); }}

private:
  mutable std::shared_mutex mu_;
  std::map<std::string, long> counts_;
  std::atomic<long> total_{{0}};
}};
""")


def g_detail(n, ctx):
    M, m = ctx["M"], ctx["m"]
    return ({"<vector>"}, {f"{m}/detail.h"}, f"""
double mean_weight_{n}(const std::vector<{M}Record> &rs) {{
  detail::Stats<double> s;
  for (const {M}Record &r : rs)
    s.add(r.weight);
  return s.mean();
}}

std::vector<{M}Record> by_weighted_{n}(std::vector<{M}Record> rs) {{
  detail::sort_by(rs.begin(), rs.end(), [](const {M}Record &r) {{ return detail::weighted(r); }});
  return rs;
}}
""")


ORDINARY = [g_window, g_parse_kv, g_templates, g_records, g_state_machine, g_expr, g_hex,
            g_table, g_lru, g_topo, g_variant, g_counter, g_detail]


def g_module_impl(ctx):
    """The unit that defines the module's declared functions."""
    M, m, deps = ctx["M"], ctx["m"], ctx["deps"]
    conv = "".join(f"""
{d}::{cap(d)}Record to_{d}(const {M}Record &r) {{
  {d}::{cap(d)}Record out = {d}::make_{d}_record(r.id, r.name);
  out.weight = r.weight;
  out.tags = r.tags;
  return out;
}}
""" for d in deps)
    return ({"<cstdio>", "<string>", "<vector>"}, {"common/strings.h"}, f"""
{M}Record make_{m}_record(int id, std::string_view name) {{
  {M}Record r;
  r.id = id;
  r.name = std::string(name);
  return r;
}}

int {m}_score(const {M}Record &r) {{
  int s = static_cast<int>(r.weight * 10);
  for (const std::string &t : r.tags)
    s += common::starts_with(t, "hot") ? 5 : 1;
  return s;
}}

std::string describe(const {M}Record &r) {{
  char buf[64];
  std::snprintf(buf, sizeof buf, "#%d w=%.2f", r.id, r.weight);
  return r.name + " " + buf + " [" + common::join(r.tags, ",") + "]";
}}

common::Status validate(const {M}Record &r) {{
  if (r.id <= 0)
    return common::Status::Invalid;
  if (r.name.empty())
    return common::Status::NotFound;
  return common::Status::Ok;
}}

std::vector<{M}Record> load_{m}_records(const std::string &path) {{
  std::vector<{M}Record> out;
  std::FILE *f = std::fopen(path.c_str(), "r");
  if (!f)
    return out;
  char line[256];
  int id = 0;
  while (std::fgets(line, sizeof line, f)) {{
    std::string_view text = common::trim(line);
    if (text.empty())
      continue;
    out.push_back(make_{m}_record(++id, text));
  }}
  std::fclose(f);
  return out;
}}
{conv}""")


# ---------------------------------------------------------------------------
# Concurrency code: (std headers, project headers, code, seeded check or None).

def c_pool(n, ctx, rng):
    M = ctx["M"]
    return ({"<algorithm>", "<future>", "<vector>"}, {"common/pool.h"}, f"""
double parallel_weight_{n}(const std::vector<{M}Record> &records, common::ThreadPool &pool) {{
  std::vector<std::future<double>> parts;
  const std::size_t chunk = {rng.choice([16, 32, 64, 128])};
  for (std::size_t begin = 0; begin < records.size(); begin += chunk) {{
    std::size_t end = std::min(records.size(), begin + chunk);
    parts.push_back(pool.submit([&records, begin, end] {{
      double s = 0;
      for (std::size_t i = begin; i < end; ++i)
        s += records[i].weight;
      return s;
    }}));
  }}
  double total = 0;
  for (std::future<double> &f : parts)
    total += f.get();
  return total;
}}
""", None)


def loop_capture(n, ctx, rng, bug):
    M = ctx["M"]
    head = f"inline int shard_work_{n}(const {M}Record &r, int shard) {{ return (r.id * 31 + shard) & 0xff; }}\n"
    if bug:
        kind = rng.choice(["ref-all", "std-ref", "pthread-addr", "detach-copy"])
    else:
        kind = rng.choice(["by-value", "element-ref", "join-in-body", "jthread", "async", "pthread-own"])
    std = {"<thread>", "<vector>"}
    if kind == "ref-all":
        body = f"""
std::vector<int> shard_all_{n}(const std::vector<{M}Record> &records, int shards) {{
  std::vector<int> out(records.size() * shards);
  std::vector<std::thread> workers;
  for (int s = 0; s < shards; ++s)
    workers.emplace_back([&] {{
      for (std::size_t i = 0; i < records.size(); ++i)
        out[i * shards + s] = shard_work_{n}(records[i], s);
    }});
  for (std::thread &w : workers)
    w.join();
  return out;
}}
"""
    elif kind == "std-ref":
        body = f"""
static void touch_name_{n}(const std::string &name, std::vector<std::size_t> &lengths) {{ lengths.push_back(name.size()); }}

void touch_all_{n}(const std::vector<std::string> &names, std::vector<std::size_t> &lengths) {{
  std::vector<std::thread> workers;
  for (std::string name : names)
    workers.push_back(std::thread(touch_name_{n}, std::ref(name), std::ref(lengths)));
  for (std::thread &w : workers)
    w.join();
}}
"""
    elif kind == "pthread-addr":
        std |= {"<pthread.h>"}
        body = f"""
static void *shard_main_{n}(void *arg) {{
  int shard = *static_cast<int *>(arg);
  common::log(common::Level::Debug, "shard " + std::to_string(shard));
  return nullptr;
}}

void start_shards_{n}(int shards) {{
  std::vector<pthread_t> ids(shards);
  for (int i = 0; i < shards; ++i)
    pthread_create(&ids[i], nullptr, shard_main_{n}, &i);
  for (pthread_t id : ids)
    pthread_join(id, nullptr);
}}
"""
    elif kind == "detach-copy":
        body = f"""
void publish_all_{n}(std::vector<{M}Record> records) {{
  for ({M}Record record : records)
    std::thread([&record] {{ common::log(common::Level::Info, describe(record)); }}).detach();
}}
"""
    elif kind == "by-value":
        body = f"""
std::vector<int> shard_all_{n}(const std::vector<{M}Record> &records, int shards) {{
  std::vector<int> out(records.size() * shards);
  std::vector<std::thread> workers;
  for (int s = 0; s < shards; ++s)
    workers.emplace_back([&records, &out, s, shards] {{
      for (std::size_t i = 0; i < records.size(); ++i)
        out[i * shards + s] = shard_work_{n}(records[i], s);
    }});
  for (std::thread &w : workers)
    w.join();
  return out;
}}
"""
    elif kind == "element-ref":
        body = f"""
void score_each_{n}(std::vector<{M}Record> &records) {{
  std::vector<std::thread> workers;
  for ({M}Record &r : records)
    workers.emplace_back([&r] {{ r.weight += shard_work_{n}(r, 0) / 256.0; }});
  for (std::thread &w : workers)
    w.join();
}}
"""
    elif kind == "join-in-body":
        body = f"""
int checked_sum_{n}(const std::vector<{M}Record> &records) {{
  int total = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {{
    int part = 0;
    std::thread t([&] {{ part = shard_work_{n}(records[i], static_cast<int>(i)); }});
    t.join();
    total += part;
  }}
  return total;
}}
"""
    elif kind == "jthread":
        body = f"""
int jthread_sum_{n}(const std::vector<{M}Record> &records) {{
  int total = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {{
    int part = 0;
    {{
      std::jthread t([&] {{ part = shard_work_{n}(records[i], 1); }});
    }}
    total += part;
  }}
  return total;
}}
"""
    elif kind == "async":
        std |= {"<future>"}
        body = f"""
int async_sum_{n}(const std::vector<{M}Record> &records) {{
  std::vector<std::future<int>> parts;
  for (std::size_t i = 0; i < records.size(); ++i)
    parts.push_back(std::async(std::launch::async, [&records, i] {{ return shard_work_{n}(records[i], 2); }}));
  int total = 0;
  for (std::future<int> &f : parts)
    total += f.get();
  return total;
}}
"""
    else:  # pthread-own
        std |= {"<pthread.h>"}
        body = f"""
static void *shard_main_{n}(void *arg) {{
  int *shard = static_cast<int *>(arg);
  *shard *= 2;
  return nullptr;
}}

int start_shards_{n}(int shards) {{
  std::vector<pthread_t> ids(shards);
  std::vector<int> args(shards);
  for (int i = 0; i < shards; ++i) {{
    args[i] = i;
    pthread_create(&ids[i], nullptr, shard_main_{n}, &args[i]);
  }}
  for (pthread_t id : ids)
    pthread_join(id, nullptr);
  int total = 0;
  for (int a : args)
    total += a;
  return total;
}}
"""
    return (std, set(), head + body, LOOP if bug else None)


def handles(n, ctx, rng, bug):
    if bug:
        kind = rng.choice(["fopen-early", "opendir-early", "open-early", "fopen-loop"])
    else:
        kind = rng.choice(["fopen", "opendir", "open", "unique-fd", "fopen-loop"])
    std = {"<cstdio>", "<string>", "<vector>"}
    hdr = {"common/files.h"}
    if kind in ("fopen", "fopen-early"):
        leak = "return -1; // the file stays open" if bug else "std::fclose(f);\n      return -1;"
        code = f"""
int sum_columns_{n}(const std::string &path, std::vector<long> &sums) {{
  std::FILE *f = std::fopen(path.c_str(), "r");
  if (!f) {{
    common::log(common::Level::Error, "cannot open " + path);
    return -1;
  }}
  char line[512];
  int rows = 0;
  while (std::fgets(line, sizeof line, f)) {{
    long a = 0, b = 0;
    if (std::sscanf(line, "%ld,%ld", &a, &b) != 2) {{
      {leak}
    }}
    if (sums.size() < 2)
      sums.resize(2);
    sums[0] += a;
    sums[1] += b;
    ++rows;
  }}
  std::fclose(f);
  return rows;
}}
"""
    elif kind in ("opendir", "opendir-early"):
        found = "return true; // the directory stream stays open" if bug else "closedir(d);\n      return true;"
        code = f"""
bool contains_entry_{n}(const std::string &dir, const std::string &wanted, std::vector<std::string> &seen) {{
  DIR *d = opendir(dir.c_str());
  if (!d)
    return false;
  while (dirent *e = readdir(d)) {{
    std::string name = e->d_name;
    if (name == "." || name == "..")
      continue;
    seen.push_back(name);
    if (name == wanted) {{
      {found}
    }}
  }}
  closedir(d);
  return false;
}}
"""
    elif kind in ("open", "open-early"):
        fail = "return -1; // the descriptor stays open" if bug else "close(fd);\n    return -1;"
        code = f"""
long read_header_{n}(const std::string &path, char *buf, std::size_t len) {{
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return -1;
  ssize_t got = read(fd, buf, len);
  if (got <= 0) {{
    {fail}
  }}
  if (lseek(fd, 0, SEEK_SET) < 0) {{
    close(fd);
    return -2;
  }}
  close(fd);
  return static_cast<long>(got);
}}
"""
    elif kind == "unique-fd":
        code = f"""
long copy_prefix_{n}(const std::string &from, const std::string &to, std::size_t len) {{
  common::UniqueFd in(open(from.c_str(), O_RDONLY));
  if (!in.valid())
    return -1;
  common::UniqueFd out(open(to.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644));
  if (!out.valid())
    return -1;
  std::vector<char> buf(len);
  ssize_t got = read(in.get(), buf.data(), buf.size());
  if (got <= 0)
    return 0;
  return static_cast<long>(write(out.get(), buf.data(), static_cast<std::size_t>(got)));
}}
"""
    else:  # fopen-loop
        close = "" if bug else "\n    std::fclose(f);"
        code = f"""
std::vector<long> first_values_{n}(const std::vector<std::string> &paths) {{
  std::vector<long> out;
  for (const std::string &p : paths) {{
    std::FILE *f = std::fopen(p.c_str(), "r");
    if (!f)
      continue;
    long v = 0;
    if (std::fscanf(f, "%ld", &v) == 1)
      out.push_back(v);{close}
  }}
  return out;
}}
"""
    return (std, hdr, code, LEAK if bug else None)


def fan_out(n, ctx, rng, bug):
    k = rng.choice([2, 3, 4])
    std = {"<memory>", "<thread>", "<vector>"}
    hdr = {"common/chan.h"}
    if bug:
        tail = "  return results->value_pop(); // the first result wins"
        chan = "common::fibers::unbuffered_channel<int>>()"
    else:
        kind = rng.choice(["all", "buffered", "close"])
        chan = "common::fibers::unbuffered_channel<int>>()"
        if kind == "all":
            tail = f"""  int best = results->value_pop();
  for (int i = 1; i < {k}; ++i)
    best = std::min(best, results->value_pop());
  return best;"""
        elif kind == "buffered":
            chan = "common::fibers::buffered_channel<int>>(8)"
            tail = "  return results->value_pop(); // the others fit in the buffer"
        else:
            tail = """  int first = results->value_pop();
  results->close(); // the others see `closed` and return
  return first;"""
    code = f"""
static int probe_replica_{n}(int replica, int key) {{
  int h = key * 131 + replica;
  for (int r = 0; r < {3 + n % 5}; ++r)
    h = (h ^ (h >> 3)) * 17 + r;
  return h & 0xffff;
}}

int fastest_replica_{n}(int key) {{
  auto results = std::make_shared<{chan};
  for (int replica = 0; replica < {k}; ++replica)
    std::thread([results, replica, key] {{ results->push(probe_replica_{n}(replica, key)); }}).detach();
{tail}
}}
"""
    return (std, hdr, code, SEND if bug else None)


def spawn_loop(n, ctx, rng, bug):
    M = ctx["M"]
    worker = ("found.push(inspect_{n}(r)); // blocks until the function receives\n      limit.release();"
              if bug else "limit.release(); // give the token back first\n      found.push(inspect_{n}(r));")
    worker = worker.replace("{n}", str(n))
    code = f"""
static int inspect_{n}(const {M}Record &r) {{ return {m_score(ctx)}(r) + static_cast<int>(r.tags.size()); }}

std::vector<int> inspect_all_{n}(const std::vector<{M}Record> &all) {{
  std::counting_semaphore<{rng.choice([4, 8, 10])}> limit({rng.choice([2, 4])});
  common::fibers::unbuffered_channel<int> found;
  std::vector<std::thread> workers;
  for (const {M}Record &r : all) {{
    limit.acquire(); // a token before each worker
    workers.emplace_back([&limit, &found, r] {{
      {worker}
    }});
  }}
  std::vector<int> results;
  for (std::size_t i = 0; i < all.size(); ++i)
    results.push_back(found.value_pop());
  for (std::thread &t : workers)
    t.join();
  return results;
}}
"""
    return ({"<semaphore>", "<thread>", "<vector>"}, {"common/chan.h"}, code, DEADLOCK if bug else None)


def m_score(ctx):
    return f"{ctx['m']}_score"


def token_guard(n, ctx, rng, bug):
    M = ctx["M"]
    ret = "return -1; // the token is never given back" if bug else "g_slots_{n}.release();\n    return -1;"
    ret = ret.replace("{n}", str(n))
    code = f"""
static std::counting_semaphore<8> g_slots_{n}(8); // at most 8 requests at once

int serve_{n}(const {M}Record &r) {{
  g_slots_{n}.acquire();
  if (validate(r) != common::Status::Ok) {{
    {ret}
  }}
  int s = {m_score(ctx)}(r);
  g_slots_{n}.release();
  return s;
}}
"""
    return ({"<semaphore>"}, set(), code, TOKEN if bug else None)


def async_timeout(n, ctx, rng, bug):
    M = ctx["M"]
    if bug:
        tail = """  if (f.wait_for(std::chrono::milliseconds(50)) == std::future_status::timeout)
    return std::nullopt; // ~future blocks here anyway
  return f.get();"""
    else:
        tail = """  while (f.wait_for(std::chrono::milliseconds(50)) == std::future_status::timeout)
    common::log(common::Level::Debug, "still waiting");
  return f.get();"""
    code = f"""
static int slow_score_{n}(const {M}Record &r) {{
  int s = 0;
  for (int i = 0; i < 1000; ++i)
    s += ({m_score(ctx)}(r) * i) % 7;
  return s;
}}

std::optional<int> score_within_{n}(const {M}Record &r) {{
  std::future<int> f = std::async(std::launch::async, slow_score_{n}, r);
{tail}
}}
"""
    return ({"<chrono>", "<future>", "<optional>"}, set(), code, ASYNC if bug else None)


# ---------------------------------------------------------------------------

def unit_source(ctx, rng, pieces, std, hdrs, path):
    m = ctx["m"]
    std_inc = "".join(f"#include {h}\n" for h in sorted(std))
    own = [f"{m}/{m}.h"] + sorted(h for h in hdrs if h != f"{m}/{m}.h")
    proj_inc = "".join(f'#include "{h}"\n' for h in own)
    body = "".join(pieces)
    return f"""//===- {path} - generated for bench/scale-bench.sh -----------------===//
{proj_inc}
{std_inc}
namespace app::{m} {{
{body}
}} // namespace app::{m}
"""


def generate(out, units, seed, compiler="/usr/bin/clang++-19"):
    rng = random.Random(seed)
    nmod = max(2, min(len(MODULES), units // 10))
    mods = MODULES[:nmod]
    deps = {}
    for i, m in enumerate(mods):
        d = set()
        if i > 0:
            d.add(mods[rng.randrange(i)])
            if i > 2 and rng.random() < 0.5:
                d.add(mods[rng.randrange(i)])
        deps[m] = sorted(d)

    files = {}  # path relative to out -> text
    files["include/common/base.h"] = BASE_H
    files["include/common/strings.h"] = STRINGS_H
    files["include/common/pool.h"] = POOL_H
    files["include/common/files.h"] = FILES_H
    files["include/common/chan.h"] = CHAN_H
    # What each project header includes (for the transitive counts).
    header_deps = {"common/base.h": [], "common/strings.h": ["common/base.h"], "common/pool.h": [],
                   "common/files.h": ["common/base.h"], "common/chan.h": []}
    for m in mods:
        files[f"include/{m}/{m}.h"] = module_header(m, deps[m])
        files[f"include/{m}/detail.h"] = detail_header(m)
        header_deps[f"{m}/{m}.h"] = ["common/base.h"] + [f"{d}/{d}.h" for d in deps[m]]
        header_deps[f"{m}/detail.h"] = [f"{m}/{m}.h"]

    seeded = {c: 0 for c in (LOOP, LEAK, SEND, DEADLOCK, TOKEN, ASYNC)}
    unit_list = []
    used_names = set()
    for u in range(units):
        m = mods[u % nmod]
        ctx = {"m": m, "M": cap(m), "deps": deps[m]}
        word = rng.choice(WORDS)
        name = f"{word}.cpp"
        k = 2
        while f"{m}/{name}" in used_names:
            name = f"{word}{k}.cpp"
            k += 1
        used_names.add(f"{m}/{name}")
        if u < nmod:
            name = f"{m}.cpp"  # the module's own definitions
        path = f"src/{m}/{name}"
        std = {"<string>", "<vector>"}
        hdrs = set()
        pieces = []
        n = 0

        def add(piece):
            nonlocal n
            s, h, code = piece[:3]
            std.update(s)
            hdrs.update(h)
            pieces.append(code)
            if len(piece) > 3 and piece[3]:
                seeded[piece[3]] += 1
            n += 1

        if u < nmod:
            add(g_module_impl(ctx))
        kinds = rng.sample(ORDINARY, rng.randint(5, 9))
        conc = []
        if rng.random() < 0.4:
            conc.append(lambda: c_pool(n, ctx, rng))
        for _ in range(rng.choice([0, 1, 1, 2])):
            conc.append(lambda: loop_capture(n, ctx, rng, rng.random() < 0.15))
        if rng.random() < 0.45:
            for _ in range(rng.choice([1, 1, 2])):
                conc.append(lambda: handles(n, ctx, rng, rng.random() < 0.25))
        if rng.random() < 0.2:
            for _ in range(rng.choice([1, 2])):
                conc.append(lambda: fan_out(n, ctx, rng, rng.random() < 0.35))
        if rng.random() < 0.06:
            conc.append(lambda: spawn_loop(n, ctx, rng, rng.random() < 0.5))
        if rng.random() < 0.1:
            conc.append(lambda: token_guard(n, ctx, rng, rng.random() < 0.3))
        if rng.random() < 0.12:
            conc.append(lambda: async_timeout(n, ctx, rng, rng.random() < 0.4))
        # Interleave: ordinary code first and between the concurrency code.
        order = [("o", g) for g in kinds] + [("c", c) for c in conc]
        rng.shuffle(order)
        for what, g in order:
            add(g(n, ctx) if what == "o" else g())
        for extra in rng.sample(EXTRA_STD, rng.randint(1, 4)):
            std.add(extra)
        if rng.random() < 0.3 and deps[m]:
            d = rng.choice(deps[m])
            hdrs.add(f"{d}/{d}.h")
        files[path] = unit_source(ctx, rng, pieces, std, hdrs, path)
        direct = sorted({f"{m}/{m}.h"} | hdrs)
        unit_list.append({"file": path, "module": m, "includes": direct})

    for rel, text in files.items():
        p = os.path.join(out, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w") as f:
            f.write(text)

    root = os.path.abspath(out)
    db = []
    for u in unit_list:
        obj = "build/" + u["file"].replace("/", "_") + ".o"
        db.append({"directory": root, "file": os.path.join(root, u["file"]),
                   "arguments": [compiler, "-std=c++20", "-I" + os.path.join(root, "include"),
                                 "-DAPP_MODULE_" + u["module"].upper(), "-DNDEBUG", "-O2", "-Wall", "-Wno-deprecated-declarations",
                                 "-pthread", "-c", os.path.join(root, u["file"]), "-o", obj]})
    with open(os.path.join(out, "compile_commands.json"), "w") as f:
        json.dump(db, f, indent=1)

    def closure(h, seen):
        for d in header_deps.get(h, []):
            if d not in seen:
                seen.add(d)
                closure(d, seen)
        return seen

    included_by = {h: 0 for h in header_deps}
    for u in unit_list:
        seen = set()
        for h in u["includes"]:
            seen.add(h)
            closure(h, seen)
        for h in seen:
            included_by[h] += 1
    # The header the benchmark edits: the one whose includers come closest
    # to a third of the units (widely included, but not by every unit).
    touch = min(sorted(included_by), key=lambda h: abs(included_by[h] - units / 3))
    lines = sum(t.count("\n") for t in files.values())
    manifest = {"units": [u["file"] for u in unit_list], "modules": mods, "lines": lines,
                "unitLines": sum(files[u["file"]].count("\n") for u in unit_list),
                "includedBy": included_by, "touch": "include/" + touch, "touchIncludedBy": included_by[touch],
                "seeded": seeded}
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    return manifest


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--units", type=int, default=80)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--compiler", default="/usr/bin/clang++-19",
                    help="the compiler in compile_commands.json (CMake writes a full path)")
    a = ap.parse_args()
    m = generate(a.out, a.units, a.seed, a.compiler)
    print(f"{len(m['units'])} units, {len(m['modules'])} modules, {m['lines']} lines "
          f"({m['unitLines']} in units); edit target {m['touch']} (included by {m['touchIncludedBy']})")


if __name__ == "__main__":
    main()
