//===- Scan.h - One scan of a compilation database -----------------------===//
//
// Chooses the translation units (files named on the command line, one shard
// of N, one analysis per distinct command), answers what it can from the
// result cache, analyses the rest in isolated workers, and folds the results
// into a report as they arrive: a unit's findings are kept (headers' ones
// once), everything else about it is dropped, so memory grows with the
// findings, not with the database.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_DRIVER_SCAN_H
#define TETHER_DRIVER_SCAN_H

#include "driver/Database.h"
#include "driver/Engine.h"
#include "driver/Output.h"
#include "driver/Review.h"
#include "driver/Scheduler.h"

#include <functional>
#include <optional>

namespace tether::driver {

struct ScanOptions {
  EngineOptions Engine;
  SchedulerOptions Scheduler;
  /// Only the units of these files (absolute, normalised); empty: all.
  std::vector<std::string> Files;
  /// `--shard K/N`: the K-th (1-based) of N deterministic parts; N = 0: all.
  unsigned ShardIndex = 0, ShardCount = 0;
  /// The result cache; empty: none.
  std::string CacheDir;
  uint64_t CacheMaxBytes = 1ull << 30;
  /// Pull-request mode: report only findings on these lines, analyse only
  /// the units that read a changed file.
  std::optional<ChangedLines> Changed;
  std::string SourceRoot;
};

struct ScanProgress {
  std::function<void(size_t Total)> Begin;
  std::function<void(llvm::StringRef File)> Started;
  std::function<void()> Finished;
};

/// Runs the scan. Errors are about the request (a file not in the
/// database); units that cannot be analysed are failures in the report.
llvm::Expected<ScanReport> scan(const CompileDatabase &DB,
                                const ScanOptions &Options,
                                const ScanProgress &Progress);

/// The units a shard gets: entries sorted by file and command, every N-th.
/// Exposed for tests.
std::vector<size_t> shardOf(const CompileDatabase &DB,
                            std::vector<size_t> Units, unsigned Index,
                            unsigned Count);

} // namespace tether::driver

#endif // TETHER_DRIVER_SCAN_H
