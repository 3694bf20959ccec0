//===- lookup.h - Asking several resolvers, first answer wins ------------===//

#ifndef WORKER_POOL_LOOKUP_H
#define WORKER_POOL_LOOKUP_H

#include <chrono>
#include <string>
#include <vector>

namespace worker_pool {

/// Asks every resolver for the host name of \p address and returns the
/// first answer (empty if none arrives within \p budget).
std::string resolve_first(const std::string &address,
                          const std::vector<std::string> &resolvers,
                          std::chrono::milliseconds budget);

/// The same, done right: every resolver's answer has a place to go.
std::string resolve_first_buffered(const std::string &address,
                                   std::chrono::milliseconds budget);

/// Resolves every address with at most four lookups in flight.
std::vector<std::string> resolve_all(const std::vector<std::string> &addresses);

/// The same, done right: each lookup takes its token itself.
std::vector<std::string>
resolve_all_bounded(const std::vector<std::string> &addresses);

} // namespace worker_pool

#endif // WORKER_POOL_LOOKUP_H
