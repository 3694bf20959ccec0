//===- ingest.cpp - Parallel access-log ingestion -------------------------===//
//
// Part of Tether's worker-pool example: see ../README.md for the findings
// Tether reports here and how to fix them.
//
//===----------------------------------------------------------------------===//

#include "worker_pool/ingest.h"

#include <charconv>
#include <future>
#include <pthread.h>
#include <thread>

namespace worker_pool {

std::optional<LogRecord> parse_line(std::string_view line) {
  LogRecord record;
  std::size_t host_end = line.find(' ');
  if (host_end == std::string_view::npos)
    return std::nullopt;
  record.host = std::string(line.substr(0, host_end));
  std::string_view rest = line.substr(host_end + 1);
  const char *end = rest.data() + rest.size();
  auto [after_status, status_ec] = std::from_chars(rest.data(), end, record.status);
  if (status_ec != std::errc() || after_status == end || *after_status != ' ')
    return std::nullopt;
  auto [after_bytes, bytes_ec] = std::from_chars(after_status + 1, end, record.bytes);
  if (bytes_ec != std::errc())
    return std::nullopt;
  return record;
}

static void ingest_shard(const LogShard &shard, IngestStats &stats) {
  for (const std::string &line : shard.lines) {
    ++stats.lines;
    std::optional<LogRecord> record = parse_line(line);
    if (!record) {
      ++stats.malformed;
      continue;
    }
    if (record->status >= 500)
      ++stats.server_errors;
    stats.bytes += record->bytes;
  }
}

void ingest_shards(const std::vector<LogShard> &shards, IngestStats &stats) {
  std::vector<std::thread> workers;
  workers.reserve(shards.size());
  // FINDING 1: every thread reads the one 'i' the loop keeps incrementing.
  for (std::size_t i = 0; i < shards.size(); ++i)
    workers.emplace_back([&] { ingest_shard(shards[i], stats); });
  for (std::thread &worker : workers)
    worker.join();
}

static std::size_t count_5xx(const std::vector<std::string_view> &lines,
                             std::size_t begin, std::size_t end) {
  std::size_t count = 0;
  for (std::size_t i = begin; i < end; ++i)
    if (std::optional<LogRecord> record = parse_line(lines[i]))
      count += record->status >= 500;
  return count;
}

std::size_t count_server_errors(const std::vector<LogShard> &shards) {
  std::size_t total = 0;
  for (const LogShard &shard : shards) {
    // Per-iteration state shared by reference with a task whose future is
    // local to the iteration: ~future() (and get()) wait before 'lines' dies.
    std::vector<std::string_view> lines(shard.lines.begin(), shard.lines.end());
    std::size_t half = lines.size() / 2;
    std::future<std::size_t> first_half = std::async(
        std::launch::async, [&] { return count_5xx(lines, 0, half); });
    std::size_t second_half = count_5xx(lines, half, lines.size());
    total += first_half.get() + second_half;
  }
  return total;
}

namespace {

/// What a legacy checksum worker reads and writes.
struct ChecksumJob {
  const LogShard *shard;
  std::uint64_t *digest;
};

extern "C" void *checksum_worker(void *arg) {
  auto *job = static_cast<ChecksumJob *>(arg);
  std::uint64_t hash = 14695981039346656037ull;
  for (const std::string &line : job->shard->lines)
    for (unsigned char c : line)
      hash = (hash ^ c) * 1099511628211ull;
  *job->digest = hash;
  return nullptr;
}

} // namespace

std::vector<std::uint64_t> checksum_shards(const std::vector<LogShard> &shards) {
  std::vector<std::uint64_t> digests(shards.size());
  std::vector<pthread_t> ids(shards.size());
  for (std::size_t i = 0; i < shards.size(); ++i) {
    ChecksumJob job{&shards[i], &digests[i]};
    // FINDING 2: 'job' is destroyed at the end of the iteration, long before
    // the worker is joined below.
    pthread_create(&ids[i], nullptr, checksum_worker, &job);
  }
  for (pthread_t id : ids)
    pthread_join(id, nullptr);
  return digests;
}

} // namespace worker_pool
