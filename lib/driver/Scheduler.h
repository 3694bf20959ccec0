//===- Scheduler.h - Isolated, parallel analysis of translation units ----===//
//
// Each translation unit is analysed in a forked worker process, at most N at
// a time. A worker that crashes, exceeds the per-unit time limit or dies in
// any other way costs only its own unit, which is reported as failed with
// the reason; the rest of the scan completes. Workers send their results
// back as JSON over a pipe.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_DRIVER_SCHEDULER_H
#define TETHER_DRIVER_SCHEDULER_H

#include "driver/Engine.h"
#include "driver/Finding.h"

#include "clang/Tooling/CompilationDatabase.h"
#include <functional>

namespace tether::driver {

struct SchedulerOptions {
  unsigned Jobs = 1;
  /// Per-unit wall-clock limit in seconds; 0 disables it.
  unsigned TimeoutSeconds = 300;
};

/// Called in the parent as each unit finishes, in completion order.
using ResultHandler = std::function<void(size_t Index, TUResult Result)>;
/// Called when a unit starts, for progress reporting.
using StartHandler = std::function<void(size_t Index)>;

/// The command of unit \p Index, made when a worker is about to start.
using CommandSource =
    std::function<clang::tooling::CompileCommand(size_t Index)>;

/// Analyses units 0..Count-1. Returns false if it stopped early because
/// stop() was called: the units whose results were not handed to OnResult
/// were not analysed.
bool runIsolated(size_t Count, const CommandSource &Commands,
                 const EngineOptions &Engine, const SchedulerOptions &Options,
                 const StartHandler &OnStart, const ResultHandler &OnResult);

/// Asks a running runIsolated() to stop: it starts no more workers, kills
/// the running ones and returns. Safe to call from a signal handler.
void requestStop();
bool stopRequested();

} // namespace tether::driver

#endif // TETHER_DRIVER_SCHEDULER_H
