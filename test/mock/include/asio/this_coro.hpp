// Tether mock <asio/this_coro.hpp> (hermetic): forwards to the umbrella header.
#include <asio.hpp>
