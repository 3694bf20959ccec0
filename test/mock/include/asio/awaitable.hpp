// Tether mock <asio/awaitable.hpp> (hermetic): forwards to the umbrella header.
#include <asio.hpp>
