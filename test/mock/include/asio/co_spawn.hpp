// Tether mock <asio/co_spawn.hpp> (hermetic): forwards to the umbrella header.
#include <asio.hpp>
