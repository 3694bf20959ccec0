// Tether mock <asio/thread_pool.hpp> (hermetic): forwards to the umbrella header.
#include <asio.hpp>
