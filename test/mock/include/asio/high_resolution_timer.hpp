// Tether mock <asio/high_resolution_timer.hpp> (hermetic): forwards to the umbrella header.
#include <asio.hpp>
