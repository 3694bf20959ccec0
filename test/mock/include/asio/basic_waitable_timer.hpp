// Tether mock <asio/basic_waitable_timer.hpp> (hermetic): forwards to the umbrella header.
#include <asio.hpp>
