//===- watch.h - Configuration directory watchers ---------------*- C++ -*-===//

#ifndef WORKER_POOL_WATCH_H
#define WORKER_POOL_WATCH_H

#include <atomic>
#include <string>

namespace worker_pool {

/// Polls \p dir until \p stop is set and logs when its modification time
/// changes.
void watch_directory(const std::string &dir, const std::atomic<bool> &stop);

} // namespace worker_pool

#endif // WORKER_POOL_WATCH_H
