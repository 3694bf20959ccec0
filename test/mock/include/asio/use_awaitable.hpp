// Tether mock <asio/use_awaitable.hpp> (hermetic): forwards to the umbrella header.
#include <asio.hpp>
