// Tether mock <asio/system_timer.hpp> (hermetic): forwards to the umbrella header.
#include <asio.hpp>
