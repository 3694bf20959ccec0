//===- ingest.h - Parallel access-log ingestion -----------------*- C++ -*-===//
//
// Parses access logs ("host status bytes path" per line) shard by shard on
// worker threads and aggregates counters.
//
//===----------------------------------------------------------------------===//

#ifndef WORKER_POOL_INGEST_H
#define WORKER_POOL_INGEST_H

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace worker_pool {

/// One parsed access-log line.
struct LogRecord {
  std::string host;
  int status = 0;
  std::size_t bytes = 0;
};

/// A chunk of a log file, already in memory.
struct LogShard {
  std::string name;
  std::vector<std::string> lines;
};

/// Counters that every worker updates.
struct IngestStats {
  std::atomic<std::size_t> lines{0};
  std::atomic<std::size_t> server_errors{0};
  std::atomic<std::size_t> malformed{0};
  std::atomic<std::size_t> bytes{0};
};

/// Parses one line, or returns std::nullopt for a malformed one.
std::optional<LogRecord> parse_line(std::string_view line);

/// Parses every shard on its own thread and adds to \p stats.
void ingest_shards(const std::vector<LogShard> &shards, IngestStats &stats);

/// Counts 5xx responses; each shard is split over two threads.
std::size_t count_server_errors(const std::vector<LogShard> &shards);

/// FNV-1a digests of the shards, computed by the legacy pthread workers.
std::vector<std::uint64_t> checksum_shards(const std::vector<LogShard> &shards);

} // namespace worker_pool

#endif // WORKER_POOL_INGEST_H
