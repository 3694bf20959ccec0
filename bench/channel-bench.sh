#!/usr/bin/env bash
# What the channel checks (tether-unreceived-send, tether-unsent-receive)
# and the token-pool checks (tether-semaphore-spawn-deadlock,
# tether-token-leak) cost, as ratios, and whether they find what was
# seeded. Never asserts a timing.
#
#   bench/channel-bench.sh [BUILD_DIR] [REPEAT]
#
# Corpus, in two parts, against the real Boost.Fiber and libstdc++ headers,
# each function about a third of the time with one seeded bug, among
# ordinary code (strings, containers, a mutex-guarded cache, a
# condition-variable queue, std::async):
#
# - channel part: NFILES generated C++17 files (default 12), each with 16
#   spawner functions over boost::fibers::unbuffered_channel /
#   buffered_channel (fan-out where the first result wins, pop_wait_for
#   with a timeout branch, an error return between the spawn and the
#   receive, a worker waiting for a value that is never sent,
#   producer/consumer with close, buffered channels with or without room,
#   fibers on a local channel, non-blocking sends);
# - token part: TFILES generated C++20 files (default 3; libstdc++'s
#   <semaphore> needs C++20), each with 18 functions over
#   std::counting_semaphore / std::binary_semaphore, POSIX sem_t and a
#   Boost.Fiber buffered_channel used as a token pool: story 002 (a token
#   taken before each spawn in a loop, the worker giving it back only after
#   a push on an unbuffered channel the spawner receives from only after the
#   loop) and its fixes, constant loops against the tokens plus the
#   channel's room, and tokens not given back on an early return, a
#   `continue`/`break`, a failed check before the spawn, or some path of the
#   worker that was handed the token (clean: released on every path,
#   guards, helpers, try-acquires that failed).
#
# (a) For each part, over the same TUs: clang-19 -fsyntax-only (the floor
#     of any AST-based tool), `tether scan -j 1 --checks=-*` (the driver
#     with no check), `tether scan -j 1` with the four checks, and the stock
#     clang-tidy-19 loading libTetherTidy.so with the same checks. Each
#     keeps the best of up to REPEAT runs (default 2), as many as fit in
#     BUDGET seconds (default 60) per configuration. Then the findings
#     against the seeded bugs, per check: found, missed, and reported where
#     nothing (or another bug) was seeded.
# (b) In tether-clangd, over LSP (bench/lsp-latency.py): didOpen and
#     didChange to diagnostics on the first generated file of each part,
#     with the four checks added against every clang-tidy check removed;
#     the median of REPEAT + 1 sessions (opening the token file with the
#     checks takes seconds: more sessions would blow the time budget).
#
# About 4 minutes on a 2-core machine with the defaults.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
build="${1:-$root/build}"
repeat="${2:-2}"
[[ -d "$build" ]] || { echo "no build folder $build" >&2; exit 2; }
build="$(cd "$build" && pwd)"
[[ "$repeat" =~ ^[1-9][0-9]*$ ]] || { echo "REPEAT must be a positive integer, not '$repeat'" >&2; exit 2; }
tether="$build/bin/tether"
clangd="$build/bin/tether-clangd"
plugin="$build/lib/libTetherTidy.so"
for f in "$tether" "$clangd" "$plugin"; do
  [[ -e "$f" ]] || { echo "missing $f: build Tether first (./bootstrap.sh build)" >&2; exit 2; }
done
for t in clang-19 clang-tidy-19 python3 bc; do
  command -v "$t" >/dev/null || { echo "missing $t on PATH" >&2; exit 2; }
done
[[ -e /usr/include/boost/fiber/all.hpp ]] ||
  { echo "missing Boost.Fiber headers (apt-get install libboost-fiber-dev)" >&2; exit 2; }

checks='-*,tether-unreceived-send,tether-unsent-receive,tether-semaphore-spawn-deadlock,tether-token-leak'
NFILES="${NFILES:-12}"
TFILES="${TFILES:-3}"
budget="${BUDGET:-60}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# ---------------------------------------------------------------------------
# The corpus: $work/channel/cNN.cpp (part 1, channels) and $work/token/tNN.cpp
# (part 2, token pools), each folder with its compile_commands.json, and
# $work/seeded.json (one entry per generated function: file, line range,
# pattern/variant, and the check a seeded bug must trigger, or null).
python3 - "$work/channel" "$NFILES" "$work/token" "$TFILES" "$work/seeded.json" <<'PY'
import json, os, random, sys

out, nfiles, tout, ntfiles, seeded_path = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5]

HEADERS = """#include <boost/fiber/all.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <numeric>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace fibers = boost::fibers;
"""

SEND, RECV = "tether-unreceived-send", "tether-unsent-receive"

# ===========================================================================
# Part 1: channels (tether-unreceived-send, tether-unsent-receive). Files
# cNN.cpp, compiled with -std=c++17.

# Channel code. Each pattern has bug variants (the function strands exactly
# one worker send or receive site, which the named check must report) and
# clean ones. A variant is a function (n, rng) -> source; n makes names
# unique.


def detach(rng, captures, body):
    """A detached std::thread or Boost fiber running a lambda."""
    api = rng.choice(["std::thread", "std::thread", "fibers::fiber"])
    return f"{api}([{captures}] {{ {body} }}).detach();"


# 1. Fan-out, the first result wins.
def fan_out(n, rng, tail, k=None, chan="fibers::unbuffered_channel<int>>()", helper=""):
    k = k or rng.choice([2, 3, 4])
    bound = "parts" if k == "n" else str(k)
    return f"""
static int probe_shard_{n}(int shard, int key) {{
  int h = key * 31 + shard;
  for (int r = 0; r < {3 + n % 5}; ++r)
    h = (h ^ (h >> 3)) * 17 + r;
  return h & 0xffff;
}}
{helper}
int first_match_{n}(int key, int parts) {{
  auto results = std::make_shared<{chan};
  std::vector<std::thread> workers;
  for (int shard = 0; shard < {bound}; ++shard)
    workers.emplace_back([results, shard, key] {{ results->push(probe_shard_{n}(shard, key)); }});
  for (auto &w : workers)
    w.detach();
{tail.replace("K", bound)}
}}
"""

FAN_OUT_BUGS = {
    "first-of-K": lambda n, rng: fan_out(n, rng, "  return results->value_pop();"),
    "first-of-n": lambda n, rng: fan_out(n, rng, "  return results->value_pop();", k="n"),
    # One worker streams K results; the spawner only wants the first.
    "one-worker-streams": lambda n, rng: f"""
static int chunk_{n}(int c, int key) {{ return (key << 4) ^ (c * {n % 13 + 3}); }}

int first_chunk_{n}(int key) {{
  auto chunks = std::make_shared<fibers::unbuffered_channel<int>>();
  std::thread([chunks, key] {{
    for (int c = 0; c < {rng.choice([2, 3, 4])}; ++c)
      chunks->push(chunk_{n}(c, key));
  }}).detach();
  return chunks->value_pop();
}}
""",
}
FAN_OUT_CLEAN = {
    "receive-all-K": lambda n, rng: fan_out(n, rng, """  int best = results->value_pop();
  for (int i = 1; i < K; ++i)
    best = std::min(best, results->value_pop());
  return best;"""),
    "receive-all-n": lambda n, rng: fan_out(n, rng, """  int best = -1;
  for (int i = 0; i < K; ++i) {
    int v = results->value_pop();
    if (best < 0 || v < best)
      best = v;
  }
  return best;""", k="n"),
    "buffered": lambda n, rng: fan_out(n, rng, "  return results->value_pop(); // the others fit in the buffer",
                                       chan="fibers::buffered_channel<int>>(8)"),
    "close-after-first": lambda n, rng: fan_out(n, rng, """  int first = results->value_pop();
  results->close(); // the others see `closed` and return
  return first;"""),
    # A helper of the same file receives every value.
    "helper-receives-all": lambda n, rng: fan_out(n, rng, "  return min_of_{n}(*results, K);".replace("{n}", str(n)),
                                                  helper=f"""
static int min_of_{n}(fibers::unbuffered_channel<int> &ch, int count) {{
  int best = ch.value_pop();
  for (int i = 1; i < count; ++i)
    best = std::min(best, ch.value_pop());
  return best;
}}
"""),
}


# 2. pop_wait_for: the spawner gives up after a timeout.
def timeout(n, rng, make, on_timeout):
    return f"""
static std::string slow_lookup_{n}(const std::string &key) {{
  std::string v = key;
  std::reverse(v.begin(), v.end());
  return v + "#{n}";
}}

std::optional<std::string> lookup_within_{n}(const std::string &key, int millis) {{
  auto reply = {make};
  {detach(rng, "reply, key", "reply->push(slow_lookup_%d(key));" % n)}
  std::string value;
  if (reply->pop_wait_for(value, std::chrono::milliseconds(millis)) !=
      fibers::channel_op_status::success) {{
{on_timeout}    return std::nullopt;
  }}
  return value;
}}
"""

UNBUFFERED_REPLY = "std::make_shared<fibers::unbuffered_channel<std::string>>()"
TIMEOUT_BUGS = {
    "timeout-return": lambda n, rng: timeout(n, rng, UNBUFFERED_REPLY, ""),
}
TIMEOUT_CLEAN = {
    "close-on-timeout": lambda n, rng: timeout(n, rng, UNBUFFERED_REPLY,
                                               "    reply->close(); // wakes the worker if it ever answers\n"),
    "buffered": lambda n, rng: timeout(n, rng, "std::make_shared<fibers::buffered_channel<std::string>>(2)", ""),
}


# 3. An error return between the spawn and the receive.
SPLIT = """  std::vector<std::string> fields;
  std::string cur;
  for (char c : csv) {
    if (c == ',') {
      fields.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  fields.push_back(cur);
"""

def column_total(n, rng, check_first, on_error=""):
    spawn = f"""  auto totals = std::make_shared<fibers::unbuffered_channel<long>>();
  std::thread([totals, fields] {{
    long t = 0;
    for (const auto &f : fields)
      t += static_cast<long>(f.size()) * {n % 7 + 1};
    totals->push(t);
  }}).detach();
"""
    check = f"""  if (fields.size() < 2) {{
{on_error}    return -1;
  }}
"""
    return f"""
long column_total_{n}(const std::string &csv, long *out) {{
{SPLIT}{check + spawn if check_first else spawn + check}  *out = totals->value_pop();
  return 0;
}}
"""

def render(n, rng, check_first):
    spawn = f"""  auto out = std::make_shared<fibers::unbuffered_channel<std::string>>();
  std::thread(render_{n}, out, page).detach();
"""
    check = """  auto it = cache.find(page);
  if (it != cache.end())
    return it->second;
"""
    return f"""
static void render_{n}(std::shared_ptr<fibers::unbuffered_channel<std::string>> out, std::string page) {{
  std::string html = "<html><body>" + page + "</body></html>";
  out->push(std::move(html));
}}

std::string render_cached_{n}(std::map<std::string, std::string> &cache, const std::string &page) {{
{check + spawn if check_first else spawn + check}  std::string html = out->value_pop();
  cache[page] = html;
  return html;
}}
"""

EARLY_BUGS = {
    "error-return": lambda n, rng: column_total(n, rng, False),
    "cache-hit-return": lambda n, rng: render(n, rng, False),
    "closure-variable": lambda n, rng: f"""
int checked_score_{n}(int x, bool fast) {{
  auto score = std::make_shared<fibers::unbuffered_channel<int>>();
  auto work = [score, x] {{ score->push(x * x % {n % 17 + 5}); }};
  std::thread t(work);
  t.detach();
  if (fast)
    return 0;
  return score->value_pop();
}}
""",
}
EARLY_CLEAN = {
    "close-on-error": lambda n, rng: column_total(n, rng, False, "    totals->close();\n"),
    "check-first": lambda n, rng: column_total(n, rng, True),
    "cache-check-first": lambda n, rng: render(n, rng, True),
}


# 4. A worker waits for a value the spawner may never send.
def report_first(n, rng, guard):
    return f"""
void report_first_{n}(const std::vector<std::string> &lines) {{
  auto queue = std::make_shared<fibers::unbuffered_channel<std::string>>();
  std::thread([queue] {{
    std::string line;
    if (queue->pop(line) == fibers::channel_op_status::success)
      std::fprintf(stderr, "[{n}] %s", line.c_str());
  }}).detach();
{guard}
  queue->push(lines.front() + "\\n");
}}
"""

def heartbeat(n, rng, stop):
    worker = detach(rng, "stop", 'int code = stop->value_pop(); std::fprintf(stderr, "stopped %d\\n", code);')
    return f"""
void heartbeat_{n}(int beats) {{
  auto stop = std::make_shared<fibers::unbuffered_channel<int>>();
  {worker}
  for (int b = 0; b < beats; ++b)
    std::fprintf(stderr, "beat %d/{n}\\n", b);
{stop}}}
"""

RECEIVER_BUGS = {
    "empty-return": lambda n, rng: report_first(n, rng, "  if (lines.empty())\n    return;"),
    "never-sent": lambda n, rng: heartbeat(n, rng, ""),
}
RECEIVER_CLEAN = {
    "close-on-empty": lambda n, rng: report_first(n, rng, """  if (lines.empty()) {
    queue->close(); // the logger sees `closed`
    return;
  }"""),
    "always-send": lambda n, rng: report_first(n, rng, """  if (lines.empty()) {
    queue->push(std::string("(nothing to report)\\n"));
    return;
  }"""),
    "stop-sent": lambda n, rng: heartbeat(n, rng, "  stop->push(beats);\n"),
}


# 5. Producer/consumer: the consumer drains the channel until it is closed.
def count_until_stop(n, rng, stop, pop_loop=False):
    consume = ("""    std::string w;
    while (ch->pop(w) == fibers::channel_op_status::success)
      count->fetch_add(w.size());""" if pop_loop else """    for (const std::string &w : *ch)
      count->fetch_add(w.size());""")
    return f"""
std::size_t count_until_stop_{n}(const std::vector<std::string> &words) {{
  auto ch = std::make_shared<fibers::buffered_channel<std::string>>(64);
  auto count = std::make_shared<std::atomic<std::size_t>>(0);
  std::thread consumer([ch, count] {{
{consume}
  }});
  for (const auto &w : words) {{
    if (w == "__stop__") {{
{stop}
    }}
    ch->push(w);
  }}
  ch->close();
  consumer.join();
  return count->load();
}}
"""

PIPELINE_BUGS = {
    "stop-without-close": lambda n, rng: count_until_stop(
        n, rng, "      consumer.detach();\n      return count->load();"),
    "pop-loop-stop-without-close": lambda n, rng: count_until_stop(
        n, rng, "      consumer.detach();\n      return count->load();", pop_loop=True),
}
PIPELINE_CLEAN = {
    "close-on-stop": lambda n, rng: count_until_stop(
        n, rng, "      ch->close();\n      consumer.join();\n      return count->load();"),
    "pop-loop-close-on-stop": lambda n, rng: count_until_stop(
        n, rng, "      ch->close();\n      consumer.join();\n      return count->load();", pop_loop=True),
    # The worker produces and closes; the spawner drains.
    "worker-closes": lambda n, rng: f"""
std::size_t drain_words_{n}(std::vector<std::string> words) {{
  fibers::buffered_channel<std::string> ch(16);
  std::thread producer([&ch, words] {{
    for (const auto &w : words)
      if (!w.empty())
        ch.push(w);
    ch.close();
  }});
  std::size_t letters = 0;
  for (const std::string &w : ch)
    letters += w.size();
  producer.join();
  return letters;
}}
""",
}


# 6. Fire-and-forget acknowledgements into a buffered channel.
def broadcast(n, rng, cap, k):
    return f"""
int broadcast_{n}(const std::vector<int> &peers) {{
  auto acks = std::make_shared<fibers::buffered_channel<int>>({cap});
  for (int i = 0; i < {k}; ++i)
    {detach(rng, "acks, i", "acks->push(i * %d);" % (n % 11 + 1))}
  int sent = 0;
  for (int p : peers)
    sent += p > 0;
  return sent;
}}
"""

BUFFER_BUGS = {
    # buffered_channel(4) holds 3 values, not 4.
    "capacity-4-for-4": lambda n, rng: broadcast(n, rng, 4, 4),
}
BUFFER_CLEAN = {
    "capacity-8-for-4": lambda n, rng: broadcast(n, rng, 8, 4),
    "capacity-4-for-3": lambda n, rng: broadcast(n, rng, 4, 3),
}


# 7. Fibers on a local channel.
def square_sum(n, rng, tail):
    return f"""
int square_sum_{n}(int a, int b) {{
  fibers::unbuffered_channel<int> ch;
  fibers::fiber f1([&ch, a] {{ ch.push(a * a); }});
  fibers::fiber f2([&ch, b] {{ ch.push(b * b + {n % 5}); }});
{tail}
}}
"""

FIBER_BUGS = {
    "first-of-two-detach": lambda n, rng: square_sum(
        n, rng, "  int first = ch.value_pop();\n  f1.detach();\n  f2.detach();\n  return first;"),
}
FIBER_CLEAN = {
    "both-then-join": lambda n, rng: square_sum(
        n, rng, "  int total = ch.value_pop();\n  total += ch.value_pop();\n  f1.join();\n  f2.join();\n  return total;"),
    "retry-wait-buffered": lambda n, rng: f"""
int patient_{n}(int x) {{
  fibers::buffered_channel<int> ch(2);
  fibers::fiber f([&ch, x] {{ ch.push(x * {n % 9 + 2}); }});
  int v = -1;
  for (int attempt = 0; attempt < 3; ++attempt)
    if (ch.pop_wait_for(v, std::chrono::milliseconds(10)) == fibers::channel_op_status::success)
      break;
  f.join();
  return v;
}}
""",
}


# 8. Sends that never block, and a channel handed to someone else.
NONBLOCKING_CLEAN = {
    "try-push-timed-handed-off": lambda n, rng: f"""
void register_sink_{n}(std::shared_ptr<fibers::unbuffered_channel<int>> sink);

void publish_{n}(int value) {{
  auto latest = std::make_shared<fibers::buffered_channel<int>>(2);
  std::thread([latest, value] {{
    if (latest->try_push(value) != fibers::channel_op_status::success)
      std::fprintf(stderr, "dropped %d\\n", value);
  }}).detach();
  auto offer = std::make_shared<fibers::unbuffered_channel<int>>();
  std::thread([offer, value] {{
    if (offer->push_wait_for(value, std::chrono::milliseconds({n % 50 + 10})) ==
        fibers::channel_op_status::timeout)
      std::fprintf(stderr, "nobody took %d\\n", value);
  }}).detach();
  auto watched = std::make_shared<fibers::unbuffered_channel<int>>();
  std::thread([watched, value] {{ watched->push(value + {n}); }}).detach();
  register_sink_{n}(watched); // someone else receives
}}
""",
}

# (name, check a bug triggers, bug variants, clean variants)
PATTERNS = [
    ("fan-out", SEND, FAN_OUT_BUGS, FAN_OUT_CLEAN),
    ("timeout", SEND, TIMEOUT_BUGS, TIMEOUT_CLEAN),
    ("early-return", SEND, EARLY_BUGS, EARLY_CLEAN),
    ("receiver", RECV, RECEIVER_BUGS, RECEIVER_CLEAN),
    ("pipeline", RECV, PIPELINE_BUGS, PIPELINE_CLEAN),
    ("buffered", SEND, BUFFER_BUGS, BUFFER_CLEAN),
    ("fibers", SEND, FIBER_BUGS, FIBER_CLEAN),
    ("non-blocking", None, {}, NONBLOCKING_CLEAN),
]


# Ordinary code around it: strings, containers, a mutex-guarded cache, a
# condition-variable work queue, std::async. No channel.
def plain(n):
    return f"""
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

std::string trim_{n}(const std::string &s) {{
  auto b = s.find_first_not_of(" \\t\\n");
  if (b == std::string::npos)
    return "";
  auto e = s.find_last_not_of(" \\t\\n");
  return s.substr(b, e - b + 1);
}}

std::map<std::string, int> word_counts_{n}(const std::string &text) {{
  std::map<std::string, int> counts;
  for (auto &w : split_{n}(text, ' ')) {{
    std::string t = trim_{n}(w);
    std::transform(t.begin(), t.end(), t.begin(),
                   [](unsigned char c) {{ return static_cast<char>(std::tolower(c)); }});
    if (!t.empty())
      ++counts[t];
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

class Cache{n} {{
public:
  explicit Cache{n}(std::size_t cap) : cap_(cap) {{}}
  std::optional<std::string> get(const std::string &key) {{
    std::lock_guard<std::mutex> lock(mu_);
    auto it = map_.find(key);
    if (it == map_.end())
      return std::nullopt;
    ++hits_;
    return it->second;
  }}
  void put(const std::string &key, std::string value) {{
    std::lock_guard<std::mutex> lock(mu_);
    if (map_.size() >= cap_ && !order_.empty()) {{
      map_.erase(order_.front());
      order_.pop_front();
    }}
    if (map_.emplace(key, std::move(value)).second)
      order_.push_back(key);
  }}
  std::size_t hits() const {{
    std::lock_guard<std::mutex> lock(mu_);
    return hits_;
  }}

private:
  mutable std::mutex mu_;
  std::unordered_map<std::string, std::string> map_;
  std::deque<std::string> order_;
  std::size_t cap_;
  std::size_t hits_ = 0;
}};

class WorkQueue{n} {{
public:
  void push(std::function<void()> job) {{
    {{
      std::lock_guard<std::mutex> lock(mu_);
      jobs_.push_back(std::move(job));
    }}
    cv_.notify_one();
  }}
  bool run_one(std::chrono::milliseconds wait) {{
    std::unique_lock<std::mutex> lock(mu_);
    if (!cv_.wait_for(lock, wait, [this] {{ return !jobs_.empty(); }}))
      return false;
    auto job = std::move(jobs_.front());
    jobs_.pop_front();
    lock.unlock();
    job();
    return true;
  }}

private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
}};

long parallel_sum_{n}(const std::vector<int> &xs) {{
  auto mid = xs.begin() + static_cast<long>(xs.size() / 2);
  auto left = std::async(std::launch::async, [&xs, mid] {{ return std::accumulate(xs.begin(), mid, 0L); }});
  long right = std::accumulate(mid, xs.end(), 0L);
  return left.get() + right;
}}

std::string summary_{n}(const std::string &text, Cache{n} &cache) {{
  if (auto hit = cache.get(text))
    return *hit;
  std::string out;
  for (const auto &[word, count] : top_{n}(word_counts_{n}(text), 3))
    out += word + "=" + std::to_string(count) + " ";
  cache.put(text, out);
  return out;
}}
"""


def generated_file(i, path, rng, seeded, prologue, ns, patterns):
    """One file: ordinary code around two rounds of every pattern, about a
    third of them with their seeded bug; `seeded` gets each function's lines."""
    parts = list(prologue)
    parts.insert(1, "\nnamespace %s%d {\n" % (ns, i))
    line = 1 + sum(p.count("\n") for p in parts)

    def add(src, entry=None):
        nonlocal line
        if entry is not None:
            entry.update(file=path, first=line, last=line + src.count("\n") - 1)
            seeded.append(entry)
        parts.append(src)
        line += src.count("\n")

    add(plain(i * 100))
    k = 0
    for rep in range(2):
        for name, check, bugs, clean in patterns:
            k += 1
            n = i * 100 + k
            bug = bool(bugs) and rng.random() < 0.35
            variants = bugs if bug else clean
            variant = rng.choice(sorted(variants))
            add(variants[variant](n, rng),
                dict(pattern="%s/%s" % (name, variant), expect=check if bug else None))
        add(plain(i * 100 + 50 + rep))
    parts.append("\n} // namespace %s%d\n" % (ns, i))
    return "".join(parts)


def channel_file(i, path, rng, seeded):
    return generated_file(i, path, rng, seeded, [HEADERS], "svc", PATTERNS)


# ===========================================================================
# Part 2: token pools (tether-semaphore-spawn-deadlock, tether-token-leak).
# Files tNN.cpp, compiled with -std=c++20 (libstdc++'s <semaphore>), with
# their own random generator (part 1's files stay as they were). Each
# pattern has bug variants (the named check must report exactly once in the
# function) and clean ones; plain() code surrounds them, as in part 1.

SPAWN, LEAK = "tether-semaphore-spawn-deadlock", "tether-token-leak"

TOKEN_HEADERS = HEADERS.replace("#include <optional>\n", "#include <optional>\n#include <semaphore>\n").replace(
    "#include <vector>\n", "#include <vector>\n\n#include <semaphore.h>\n#include <time.h>\n")

# Shared by the functions of a file (outside every seeded range).
TOKEN_PROLOGUE = """
struct Proc {
  int pid;
  std::string name;
};
struct Probe {
  int pid;
  int version;
};
"""


def inspect(n):
    return f"""
static Probe inspect_{n}(const Proc &pr) {{
  int v = {n % 7 + 1};
  for (char c : pr.name)
    v = v * 31 + c;
  return Probe{{pr.pid, v & 0xff}};
}}
"""


# 9. Story 002: a token before each spawn, given back after a send the
# spawner receives only after the loop. std::counting_semaphore, threads.
def find_all(n, rng, body, tail=None, k=None):
    k = k or rng.choice([4, 8, 10])
    tail = tail if tail is not None else """  std::vector<Probe> results;
  for (std::size_t i = 0; i < workers.size(); ++i)
    results.push_back(found.value_pop());
"""
    return f"""{inspect(n)}
std::vector<Probe> find_all_{n}(const std::vector<Proc> &procs) {{
  std::counting_semaphore<{k}> limit({k});
  fibers::unbuffered_channel<Probe> found;
  std::vector<std::thread> workers;
{body.replace("INSPECT", "inspect_%d" % n)}{tail}  for (std::thread &t : workers)
    t.join();
  return results;
}}
"""

SEM_SPAWN_BUGS = {
    "release-after-push": lambda n, rng: find_all(n, rng, """  for (const Proc &pr : procs) {
    limit.acquire();
    workers.emplace_back([&limit, &found, pr] {
      found.push(INSPECT(pr));
      limit.release();
    });
  }
"""),
    "release-after-push-detached": lambda n, rng: find_all(n, rng, """  for (const Proc &pr : procs) {
    limit.acquire();
    std::thread([&limit, &found, pr] {
      Probe p = INSPECT(pr);
      found.push(p);
      limit.release();
    }).detach();
  }
""", tail="""  std::vector<Probe> results;
  for (std::size_t i = 0; i < procs.size(); ++i)
    results.push_back(found.value_pop());
"""),
    # std::jthread (C++20) joins on destruction: no join loop.
    "release-after-push-jthread": lambda n, rng: f"""{inspect(n)}
std::vector<Probe> find_all_{n}(const std::vector<Proc> &procs) {{
  std::counting_semaphore<8> limit(8);
  fibers::unbuffered_channel<Probe> found;
  std::vector<std::jthread> workers;
  for (const Proc &pr : procs) {{
    limit.acquire();
    workers.emplace_back([&limit, &found, pr] {{
      found.push(inspect_{n}(pr));
      limit.release();
    }});
  }}
  std::vector<Probe> results;
  for (std::size_t i = 0; i < procs.size(); ++i)
    results.push_back(found.value_pop());
  return results;
}}
""",
    # The pool and the channel behind shared_ptrs (the pool's size is then
    # not known: the message says so).
    "release-after-push-shared": lambda n, rng: f"""{inspect(n)}
std::vector<Probe> find_all_{n}(const std::vector<Proc> &procs) {{
  auto limit = std::make_shared<std::counting_semaphore<8>>(8);
  auto found = std::make_shared<fibers::unbuffered_channel<Probe>>();
  for (const Proc &pr : procs) {{
    limit->acquire();
    std::thread([limit, found, pr] {{
      found->push(inspect_{n}(pr));
      limit->release();
    }}).detach();
  }}
  std::vector<Probe> results;
  for (std::size_t i = 0; i < procs.size(); ++i)
    results.push_back(found->value_pop());
  return results;
}}
""",
    "release-after-push-index-loop": lambda n, rng: find_all(n, rng, """  for (std::size_t i = 0; i < procs.size(); ++i) {
    limit.acquire();
    workers.emplace_back([&limit, &found, &procs, i] {
      found.push(INSPECT(procs[i]));
      limit.release();
    });
  }
"""),
}
SEM_SPAWN_CLEAN = {
    "release-before-push": lambda n, rng: find_all(n, rng, """  for (const Proc &pr : procs) {
    limit.acquire();
    workers.emplace_back([&limit, &found, pr] {
      Probe p = INSPECT(pr);
      limit.release();
      found.push(p);
    });
  }
"""),
    "acquire-in-worker": lambda n, rng: find_all(n, rng, """  for (const Proc &pr : procs)
    workers.emplace_back([&limit, &found, pr] {
      limit.acquire();
      found.push(INSPECT(pr));
      limit.release();
    });
"""),
    "receive-in-loop": lambda n, rng: find_all(n, rng, """  std::vector<Probe> results;
  for (const Proc &pr : procs) {
    limit.acquire();
    workers.emplace_back([&limit, &found, pr] {
      found.push(INSPECT(pr));
      limit.release();
    });
    results.push_back(found.value_pop());
  }
""", tail=""),
    "spawner-thread": lambda n, rng: find_all(n, rng, """  workers.emplace_back([&limit, &found, &procs] {
    for (const Proc &pr : procs) {
      limit.acquire();
      std::thread([&limit, &found, pr] {
        found.push(INSPECT(pr));
        limit.release();
      }).detach();
    }
  });
""", tail="""  std::vector<Probe> results;
  for (std::size_t i = 0; i < procs.size(); ++i)
    results.push_back(found.value_pop());
"""),
    "try-acquire-skip": lambda n, rng: find_all(n, rng, """  std::size_t started = 0;
  for (const Proc &pr : procs) {
    if (!limit.try_acquire())
      continue; // busy: skip this one
    ++started;
    std::thread([&limit, &found, pr] {
      found.push(INSPECT(pr));
      limit.release();
    }).detach();
  }
""", tail="""  std::vector<Probe> results;
  for (std::size_t i = 0; i < started; ++i)
    results.push_back(found.value_pop());
"""),
}


# 10. Story 002 with POSIX semaphores and a named worker function.
def find_all_posix(n, rng, job, spawner_waits=True):
    k = rng.choice([4, 8, 16])
    return f"""{inspect(n)}
static void inspect_job_{n}(sem_t *limit, fibers::unbuffered_channel<Probe> *found, Proc pr) {{
{job}}}

std::vector<Probe> find_all_posix_{n}(const std::vector<Proc> &procs) {{
  sem_t limit;
  sem_init(&limit, 0, {k});
  fibers::unbuffered_channel<Probe> found;
  std::vector<std::thread> workers;
  for (const Proc &pr : procs) {{
{"    sem_wait(&limit);" + chr(10) if spawner_waits else ""}    workers.emplace_back(inspect_job_{n}, &limit, &found, pr);
  }}
  std::vector<Probe> results;
  for (std::size_t i = 0; i < procs.size(); ++i)
    results.push_back(found.value_pop());
  for (std::thread &t : workers)
    t.join();
  sem_destroy(&limit);
  return results;
}}
""".replace("INSPECT", "inspect_%d" % n)

POSIX_SPAWN_BUGS = {
    "post-after-push": lambda n, rng: find_all_posix(n, rng, """  found->push(INSPECT(pr));
  sem_post(limit);
"""),
}
POSIX_SPAWN_CLEAN = {
    "post-before-push": lambda n, rng: find_all_posix(n, rng, """  Probe p = INSPECT(pr);
  sem_post(limit);
  found->push(p);
"""),
    "wait-in-worker": lambda n, rng: find_all_posix(n, rng, """  sem_wait(limit);
  Probe p = INSPECT(pr);
  sem_post(limit);
  found->push(p);
""", spawner_waits=False),
}


# 11. Story 002 in Go's form: a buffered channel as the token pool (a push
# takes a token, a pop gives it back), fibers as goroutines.
def find_all_fibers(n, rng, worker, receive_in_loop=False):
    cap = rng.choice([8, 16])
    recv_loop = "    results.push_back(found.value_pop());\n" if receive_in_loop else ""
    recv_after = "" if receive_in_loop else """  for (std::size_t i = 0; i < procs.size(); ++i)
    results.push_back(found.value_pop());
"""
    return f"""{inspect(n)}
struct TokenBack{n} {{
  fibers::buffered_channel<int> &limit;
  ~TokenBack{n}() {{ limit.value_pop(); }}
}};

std::vector<Probe> find_all_fibers_{n}(const std::vector<Proc> &procs) {{
  fibers::buffered_channel<int> limit({cap}); // {cap - 1} tokens
  fibers::unbuffered_channel<Probe> found;
  std::vector<Probe> results;
  for (const Proc &pr : procs) {{
    limit.push(0);
    fibers::fiber([&limit, &found, pr] {{
{worker}    }}).detach();
{recv_loop}  }}
{recv_after}  return results;
}}
""".replace("INSPECT", "inspect_%d" % n).replace("TOKENBACK", "TokenBack%d" % n)

FIBER_SPAWN_BUGS = {
    "deferred-pop": lambda n, rng: find_all_fibers(n, rng, """      TOKENBACK back{limit};
      found.push(INSPECT(pr));
"""),
    "pop-after-push": lambda n, rng: find_all_fibers(n, rng, """      found.push(INSPECT(pr));
      limit.value_pop();
"""),
}
FIBER_SPAWN_CLEAN = {
    "pop-before-push": lambda n, rng: find_all_fibers(n, rng, """      Probe p = INSPECT(pr);
      limit.value_pop();
      found.push(p);
"""),
    "receive-in-loop": lambda n, rng: find_all_fibers(n, rng, """      TOKENBACK back{limit};
      found.push(INSPECT(pr));
""", receive_in_loop=True),
}


# 12. Constant loops: the bound against the tokens plus the channel's room.
def batch_sum(n, rng, loop, tokens, chan, sem="std::counting_semaphore<T> slots(T);"):
    items = loop == "items"
    params = "const std::vector<int> &items" if items else "int base"
    if "room" in chan:
        params += ", std::size_t room"
    head = "for (int item : items) {" if items else f"for (int i = 0; i < {loop}; ++i) {{"
    captures, arg = ("item", "item") if items else ("base, i", "base + i")
    bound = "items.size()" if items else str(loop)
    return f"""
static int score_{n}(int x) {{
  int h = x;
  for (int r = 0; r < {n % 4 + 2}; ++r)
    h = h * 17 + r;
  return h % 1000;
}}

long batch_sum_{n}({params}) {{
  {sem.replace("T", str(tokens))}
  {chan}
  {head}
    slots.acquire();
    std::thread([&slots, &out, {captures}] {{
      out.push(score_{n}({arg}));
      slots.release();
    }}).detach();
  }}
  long sum = 0;
  for (std::size_t i = 0; i < {bound}; ++i)
    sum += out.value_pop();
  return sum;
}}
"""

UNBUF = "fibers::unbuffered_channel<int> out;"
CONST_SPAWN_BUGS = {
    "16-on-4": lambda n, rng: batch_sum(n, rng, 16, 4, UNBUF),
    "8-on-4-plus-3": lambda n, rng: batch_sum(n, rng, 8, 4, "fibers::buffered_channel<int> out(4); // holds 3"),
    "binary-semaphore": lambda n, rng: batch_sum(n, rng, "items", 1, UNBUF, sem="std::binary_semaphore slots(1);"),
}
CONST_SPAWN_CLEAN = {
    "4-on-4": lambda n, rng: batch_sum(n, rng, 4, 4, UNBUF),
    "8-on-4-plus-7": lambda n, rng: batch_sum(n, rng, 8, 4, "fibers::buffered_channel<int> out(8); // holds 7"),
    "unknown-room": lambda n, rng: batch_sum(n, rng, 16, 4, "fibers::buffered_channel<int> out(room);"),
}


# 13. A token not given back on an early return (a global pool).
def upload(n, rng, body, extra=""):
    k = rng.choice([2, 4, 8])
    return f"""
std::counting_semaphore<{k}> upload_slots_{n}({k});
{extra.replace("SLOTS", "upload_slots_%d" % n).replace("N_", str(n))}
static int send_file_{n}(const std::string &path) {{
  int sum = 0;
  for (char c : path)
    sum += c == '/' ? 7 : 1;
  return sum % {n % 5 + 2} == 0 ? -1 : sum;
}}

int upload_{n}(const std::string &path) {{
{body.replace("SLOTS", "upload_slots_%d" % n).replace("SEND", "send_file_%d" % n).replace("N_", str(n))}}}
"""

LEAK_EARLY_BUGS = {
    "invalid-return": lambda n, rng: upload(n, rng, """  SLOTS.acquire();
  if (path.empty())
    return -1;
  int r = SEND(path);
  SLOTS.release();
  return r;
"""),
    "error-after-work": lambda n, rng: upload(n, rng, """  SLOTS.acquire();
  int r = SEND(path);
  if (r < 0) {
    std::fprintf(stderr, "upload %s failed\\n", path.c_str());
    return r;
  }
  SLOTS.release();
  return r;
"""),
    "pool-parameter": lambda n, rng: f"""
static int send_file_{n}(const std::string &path) {{
  return static_cast<int>(path.size() % {n % 5 + 2}) - 1;
}}

int upload_{n}(std::counting_semaphore<4> &slots, const std::string &path) {{
  slots.acquire();
  int r = send_file_{n}(path);
  if (r < 0)
    return r;
  slots.release();
  return r;
}}
""",
}
LEAK_EARLY_CLEAN = {
    "release-on-both-paths": lambda n, rng: upload(n, rng, """  SLOTS.acquire();
  if (path.empty()) {
    SLOTS.release();
    return -1;
  }
  int r = SEND(path);
  SLOTS.release();
  return r;
"""),
    "guard": lambda n, rng: upload(n, rng, """  SlotGuardN_ guard;
  if (path.empty())
    return -1;
  return SEND(path);
""", extra="""struct SlotGuardN_ {
  SlotGuardN_() { SLOTS.acquire(); }
  ~SlotGuardN_() { SLOTS.release(); }
};"""),
    "helper-releases": lambda n, rng: upload(n, rng, """  SLOTS.acquire();
  int r = path.empty() ? -1 : SEND(path);
  give_backN_();
  return r;
""", extra="static void give_backN_() { SLOTS.release(); }"),
    # A lock-like pair: the helper returns holding the token on purpose.
    "take-give-helpers": lambda n, rng: upload(n, rng, """  take_slotN_();
  if (path.empty()) {
    give_slotN_();
    return -1;
  }
  int r = SEND(path);
  give_slotN_();
  return r;
""", extra="void take_slotN_() { SLOTS.acquire(); }\nvoid give_slotN_() { SLOTS.release(); }"),
}


# 14. POSIX semaphores, the pool a parameter.
def read_record(n, rng, body, params="sem_t *limit, const std::string &key"):
    return f"""
int read_record_{n}({params}) {{
{body}}}
""".replace("CHECKSUM", "static_cast<int>(std::hash<std::string>{}(key) %% %d)" % (n % 89 + 10))

POSIX_LEAK_BUGS = {
    "wait-then-return": lambda n, rng: read_record(n, rng, """  sem_wait(limit);
  if (key.empty()) {
    std::fprintf(stderr, "empty key\\n");
    return -1;
  }
  int r = CHECKSUM;
  sem_post(limit);
  return r;
"""),
    "timedwait-then-return": lambda n, rng: read_record(n, rng, """  if (sem_timedwait(limit, deadline) != 0)
    return 0;
  if (key.size() > 64)
    return -1;
  int r = CHECKSUM;
  sem_post(limit);
  return r;
""", params="sem_t *limit, const struct timespec *deadline, const std::string &key"),
}
POSIX_LEAK_CLEAN = {
    "post-on-both-paths": lambda n, rng: read_record(n, rng, """  sem_wait(limit);
  if (key.empty()) {
    sem_post(limit);
    return -1;
  }
  int r = CHECKSUM;
  sem_post(limit);
  return r;
"""),
    "trywait": lambda n, rng: read_record(n, rng, """  if (sem_trywait(limit) != 0)
    return 0; // busy, nothing taken
  int r = key.empty() ? -1 : CHECKSUM;
  sem_post(limit);
  return r;
"""),
}


# 15. try_acquire / try_acquire_for: only success holds a token.
def try_render(n, rng, body):
    return f"""
std::counting_semaphore<4> render_slots_{n}(4);

std::optional<std::string> try_render_{n}(const std::string &page) {{
{body.replace("SLOTS", "render_slots_%d" % n)}}}
"""

TRY_LEAK_BUGS = {
    "try-then-return": lambda n, rng: try_render(n, rng, """  if (!SLOTS.try_acquire())
    return std::nullopt;
  if (page.size() > 4096)
    return std::string("too large");
  std::string html = "<p>" + page + "</p>";
  SLOTS.release();
  return html;
"""),
    "try-for-then-return": lambda n, rng: try_render(n, rng, """  if (!SLOTS.try_acquire_for(std::chrono::milliseconds(20)))
    return std::nullopt;
  if (page.empty())
    return std::nullopt;
  std::string html = "<p>" + page + "</p>";
  SLOTS.release();
  return html;
"""),
}
TRY_LEAK_CLEAN = {
    "failed-try-returns": lambda n, rng: try_render(n, rng, """  if (!SLOTS.try_acquire_for(std::chrono::milliseconds(20)))
    return std::nullopt; // nothing taken
  std::string html = page.empty() ? std::string() : "<p>" + page + "</p>";
  SLOTS.release();
  return html;
"""),
    "release-then-return": lambda n, rng: try_render(n, rng, """  if (!SLOTS.try_acquire())
    return std::nullopt;
  if (page.size() > 4096) {
    SLOTS.release();
    return std::string("too large");
  }
  std::string html = "<p>" + page + "</p>";
  SLOTS.release();
  return html;
"""),
}


# 16. In a loop: continue or break skips the release.
def process_all(n, rng, body):
    return f"""
std::counting_semaphore<8> io_slots_{n}(8);

int process_all_{n}(const std::vector<std::string> &names) {{
  int done = 0;
  for (const std::string &name : names) {{
{body.replace("SLOTS", "io_slots_%d" % n)}  }}
  return done;
}}
"""

LOOP_LEAK_BUGS = {
    "continue-skips-release": lambda n, rng: process_all(n, rng, """    SLOTS.acquire();
    if (name.empty())
      continue;
    done += static_cast<int>(name.size());
    SLOTS.release();
"""),
    "break-skips-release": lambda n, rng: process_all(n, rng, """    SLOTS.acquire();
    if (name == "--")
      break;
    done += static_cast<int>(name.size());
    SLOTS.release();
"""),
    "return-in-loop": lambda n, rng: process_all(n, rng, """    SLOTS.acquire();
    if (name.size() > 255)
      return -1;
    done += static_cast<int>(name.size());
    SLOTS.release();
"""),
}
LOOP_LEAK_CLEAN = {
    "release-before-continue": lambda n, rng: process_all(n, rng, """    SLOTS.acquire();
    if (name.empty()) {
      SLOTS.release();
      continue;
    }
    done += static_cast<int>(name.size());
    SLOTS.release();
"""),
    "check-before-acquire": lambda n, rng: process_all(n, rng, """    if (name.empty())
      continue;
    SLOTS.acquire();
    done += static_cast<int>(name.size());
    SLOTS.release();
"""),
}


# 17. The token handed to a thread, which gives it back.
def dispatch(n, rng, body):
    return f"""
std::counting_semaphore<6> job_slots_{n}(6);

static bool valid_job_{n}(int job) {{ return job % {n % 7 + 2} != 0; }}

void dispatch_{n}(int job) {{
{body.replace("SLOTS", "job_slots_%d" % n).replace("VALID", "valid_job_%d" % n).replace("N_", str(n))}}}
"""

HANDED_LEAK_BUGS = {
    "worker-some-paths": lambda n, rng: dispatch(n, rng, """  SLOTS.acquire();
  std::thread([job] {
    if (!VALID(job))
      return;
    std::fprintf(stderr, "job %d\\n", job);
    SLOTS.release();
  }).detach();
"""),
    "spawn-or-not": lambda n, rng: dispatch(n, rng, """  SLOTS.acquire();
  if (!VALID(job))
    return;
  std::thread([job] {
    std::fprintf(stderr, "job %d\\n", job);
    SLOTS.release();
  }).detach();
"""),
}
HANDED_LEAK_CLEAN = {
    "worker-every-path": lambda n, rng: dispatch(n, rng, """  SLOTS.acquire();
  std::thread([job] {
    if (VALID(job))
      std::fprintf(stderr, "job %d\\n", job);
    SLOTS.release();
  }).detach();
"""),
    "worker-guard": lambda n, rng: dispatch(n, rng, """  SLOTS.acquire();
  std::thread([job] {
    struct Back {
      ~Back() { SLOTS.release(); }
    } back;
    if (!VALID(job))
      return;
    std::fprintf(stderr, "job %d\\n", job);
  }).detach();
"""),
    "check-before-acquire": lambda n, rng: dispatch(n, rng, """  if (!VALID(job))
    return;
  SLOTS.acquire();
  std::thread([job] {
    std::fprintf(stderr, "job %d\\n", job);
    SLOTS.release();
  }).detach();
"""),
}

TOKEN_PATTERNS = [
    ("spawn-semaphore", SPAWN, SEM_SPAWN_BUGS, SEM_SPAWN_CLEAN),
    ("spawn-posix", SPAWN, POSIX_SPAWN_BUGS, POSIX_SPAWN_CLEAN),
    ("spawn-fiber-pool", SPAWN, FIBER_SPAWN_BUGS, FIBER_SPAWN_CLEAN),
    ("spawn-constant-loop", SPAWN, CONST_SPAWN_BUGS, CONST_SPAWN_CLEAN),
    ("leak-early-return", LEAK, LEAK_EARLY_BUGS, LEAK_EARLY_CLEAN),
    ("leak-posix", LEAK, POSIX_LEAK_BUGS, POSIX_LEAK_CLEAN),
    ("leak-try", LEAK, TRY_LEAK_BUGS, TRY_LEAK_CLEAN),
    ("leak-loop", LEAK, LOOP_LEAK_BUGS, LOOP_LEAK_CLEAN),
    ("leak-handed", LEAK, HANDED_LEAK_BUGS, HANDED_LEAK_CLEAN),
]


def token_file(i, path, rng, seeded):
    return generated_file(i, path, rng, seeded, [TOKEN_HEADERS, TOKEN_PROLOGUE],
                          "tok", TOKEN_PATTERNS)


def write_part(out, count, prefix, std, make, rng, seeded):
    os.makedirs(out)
    db = []
    for i in range(count):
        name = "%s%02d.cpp" % (prefix, i)
        path = os.path.join(out, name)
        with open(path, "w") as f:
            f.write(make(i, path, rng, seeded))
        db.append({"directory": out, "file": path,
                   "arguments": ["clang++-19", "-std=" + std, "-O2", "-Wall", "-c", name, "-o", name + ".o"]})
    json.dump(db, open(os.path.join(out, "compile_commands.json"), "w"), indent=1)


seeded = []
write_part(out, nfiles, "c", "c++17", channel_file, random.Random(19), seeded)
write_part(tout, ntfiles, "t", "c++20", token_file, random.Random(20), seeded)
json.dump(seeded, open(seeded_path, "w"), indent=1)
PY

cdb="$work/channel/compile_commands.json"
tdb="$work/token/compile_commands.json"
seeded="$work/seeded.json"

# ---------------------------------------------------------------------------
# (a) Per translation unit, each part of the corpus on its own.
scan() { # scan DB ARGS...
  local db=$1; shift
  "$tether" scan --compile-commands "$db" -j 1 --quiet --color=never "$@"
}
tidy() { # the stock clang-tidy-19 with the plugin, one run per unit of DB
  units "$1" | cut -f2 | while read -r file; do
    clang-tidy-19 -load="$plugin" --checks="$checks" -p "$(dirname "$1")" --quiet "$file"
  done
}

# The findings of the JSON reports (one per part) against seeded.json, per
# check; the clang-tidy outputs are only counted.
cat >"$work/match.py" <<'PY'
import collections, json, os, sys

seeded = json.load(open(sys.argv[1]))
reports = [json.load(open(p)) for p in sys.argv[2].split(",")]
tidy_text = "".join(open(p).read() for p in sys.argv[3].split(","))
CHECKS = ("tether-unreceived-send", "tether-unsent-receive",
          "tether-semaphore-spawn-deadlock", "tether-token-leak")
found = [f for r in reports for f in r["findings"] if f["check"] in CHECKS]
failures = sum(len(r.get("failures", [])) for r in reports)
where = collections.defaultdict(list)  # seeded index -> findings in its lines
elsewhere = []
for f in found:
    loc = f["location"]
    hit = [i for i, s in enumerate(seeded)
           if s["file"] == loc["file"] and s["first"] <= loc["line"] <= s["last"]]
    (where[hit[0]] if hit else elsewhere).append(f)
bugs = [i for i, s in enumerate(seeded) if s["expect"]]
caught = [i for i in bugs if any(f["check"] == seeded[i]["expect"] for f in where[i])]
missed = [i for i in bugs if i not in caught]
spurious = [(i, f) for i, fs in where.items() for f in fs if f["check"] != seeded[i]["expect"]]
extra = sum(max(0, sum(f["check"] == seeded[i]["expect"] for f in where[i]) - 1) for i in bugs)
print("%-32s %6s %6s %6s %11s %9s %19s" % ("check", "seeded", "found", "missed", "not seeded", "reported",
                                            "clang-tidy+plugin"))
def row(label, keep):
    print("%-32s %6d %6d %6d %5d in %2d %9d %19d" % (
        label, sum(keep(seeded[i]["expect"]) for i in bugs), sum(keep(seeded[i]["expect"]) for i in caught),
        sum(keep(seeded[i]["expect"]) for i in missed), sum(keep(f["check"]) for _, f in spurious),
        len({i for i, f in spurious if keep(f["check"])}), sum(keep(f["check"]) for f in found),
        sum(tidy_text.count("[%s]" % c) for c in CHECKS if keep(c))))
for c in CHECKS:
    row(c, lambda x, c=c: x == c)
row("all four", lambda x: x in CHECKS)
print("(not seeded: findings in functions seeded with no bug or another one, and in how many functions)")
print("%d more than one per bug, %d outside the generated functions; %d TUs not analysed" % (
    extra, len(elsewhere), failures))
def sites(idx):
    return ", ".join("%s:%d" % (os.path.basename(seeded[i]["file"]), seeded[i]["first"]) for i in idx[:3]) + \
        (", ..." if len(idx) > 3 else "")
groups = collections.defaultdict(list)
for i in missed:
    groups[("missed", seeded[i]["pattern"], seeded[i]["expect"])].append(i)
for i, f in spurious:
    if i not in groups[("reported, not seeded", seeded[i]["pattern"], f["check"])]:
        groups[("reported, not seeded", seeded[i]["pattern"], f["check"])].append(i)
for (label, pattern, check), g in sorted(groups.items()):
    if g:
        total = sum(1 for s in seeded if s["pattern"] == pattern)
        print("  %s: %s [%s], %d of %d (%s)" % (label, pattern, check, len(g), total, sites(g)))
for f in elsewhere:
    print("  outside: %s:%d [%s] %s" % (os.path.basename(f["location"]["file"]), f["location"]["line"],
                                       f["check"], f["message"]))
PY

ratio() { f2 "$(echo "$1 / $2" | bc -l)"; }
# time_part LABEL DB NTU TAG: the four configurations over DB; the findings
# go to $work/findings-TAG.json and $work/tidy-TAG.txt.
time_part() {
  local label=$1 db=$2 ntu=$3 tag=$4 floor nf none nn four n4 tidyt nt
  read -r floor nf < <(best "$repeat" /dev/null syntax_only "$db")
  read -r none nn < <(best "$repeat" /dev/null scan "$db" --checks='-*')
  read -r four n4 < <(best "$repeat" "$work/findings-$tag.json" scan "$db" --checks="$checks" --format=json)
  read -r tidyt nt < <(best "$repeat" "$work/tidy-$tag.txt" tidy "$db")
  printf '%-13s %2d TUs  syntax-only %6.2fs  tether --checks=-* %6.2fs  tether four checks %6.2fs  clang-tidy+plugin four checks %6.2fs\n' \
    "$label" "$ntu" "$floor" "$none" "$four" "$tidyt"
  printf '%-21s driver floor/syntax-only %sx  four/syntax-only %sx  (four-floor)/syntax-only %+.1f%% (%+.0f ms per TU)  tether/clang-tidy %sx; best of %s/%s/%s/%s runs\n' \
    "" "$(ratio "$none" "$floor")" "$(ratio "$four" "$floor")" "$(echo "100 * ($four - $none) / $floor" | bc -l)" \
    "$(echo "1000 * ($four - $none) / $ntu" | bc -l)" "$(ratio "$four" "$tidyt")" "$nf" "$nn" "$n4" "$nt"
}

count() { # count PART EXPECT-or-any: generated functions of a part (with a seeded bug: EXPECT)
  python3 -c 'import json,sys
s = [e for e in json.load(open(sys.argv[1])) if "/%s/" % sys.argv[2] in e["file"]]
print(len(s) if sys.argv[3] == "all" else sum(1 for e in s if e["expect"]))' "$seeded" "$1" "$2"
}
lines() { cat "$work/$1"/*.cpp | wc -l; }
echo "machine: $(uname -srm), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "LLVM:    $(clang-19 --version | head -1); $("$tether" --version 2>&1 | head -1)"
echo "corpus:  channel part $NFILES files/$(lines channel) lines, -std=c++17, $(count channel all) channel functions, $(count channel bug) with a bug"
echo "         token part   $TFILES files/$(lines token) lines, -std=c++20, $(count token all) token functions, $(count token bug) with a bug"
echo
echo "(a) per translation unit, sequential (-j 1), best of up to $repeat runs (at most ${budget}s per configuration);"
echo "    four checks: --checks=$checks"
time_part "channel part" "$cdb" "$NFILES" channel
time_part "token part" "$tdb" "$TFILES" token
echo
python3 "$work/match.py" "$seeded" "$work/findings-channel.json,$work/findings-token.json" \
  "$work/tidy-channel.txt,$work/tidy-token.txt"

# ---------------------------------------------------------------------------
# (b) tether-clangd over LSP, on the first generated file of each part.
sessions=$((repeat + 1))
in_file() { # in_file FINDINGS|SEEDED FILE: findings, or seeded bugs, in one file
  python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
print(sum(1 for s in d if s["expect"] and s["file"].endswith("/" + sys.argv[2])) if isinstance(d, list) else
      sum(1 for f in d["findings"] if f["location"]["file"].endswith("/" + sys.argv[2])))' "$1" "$2"
}
echo
echo "(b) tether-clangd, median of $sessions sessions; off: .clangd Remove: ['*'], four: Add: [the four checks] +"
echo "    FastCheckFilter: None; didOpen includes the preamble build, didChange is the best of 3 per session;"
echo "    c00.cpp as channels.cpp (-std=c++17): $(in_file "$seeded" c00.cpp) bugs seeded, tether scan reports $(in_file "$work/findings-channel.json" c00.cpp);"
echo "    t00.cpp as tokens.cpp (-std=c++20): $(in_file "$seeded" t00.cpp) bugs seeded, tether scan reports $(in_file "$work/findings-token.json" t00.cpp)"
four=(tether-unreceived-send tether-unsent-receive tether-semaphore-spawn-deadlock tether-token-leak)
clangd_project "$work/lsp-on" "${four[@]}"
clangd_project "$work/lsp-off"
cp "$work/channel/c00.cpp" "$work/lsp-on/channels.cpp"
cp "$work/channel/c00.cpp" "$work/lsp-off/channels.cpp"
clangd_case "$work/lsp-on" "$work/lsp-off" channels.cpp four
clangd_std=c++20 clangd_project "$work/lsp-on-20" "${four[@]}"
clangd_std=c++20 clangd_project "$work/lsp-off-20"
cp "$work/token/t00.cpp" "$work/lsp-on-20/tokens.cpp"
cp "$work/token/t00.cpp" "$work/lsp-off-20/tokens.cpp"
clangd_case "$work/lsp-on-20" "$work/lsp-off-20" tokens.cpp four
