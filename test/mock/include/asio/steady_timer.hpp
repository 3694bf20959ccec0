// Tether mock <asio/steady_timer.hpp> (hermetic): forwards to the umbrella header.
#include <asio.hpp>
