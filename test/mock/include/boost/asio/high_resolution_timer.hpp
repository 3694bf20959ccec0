// Tether mock <boost/asio/high_resolution_timer.hpp> (hermetic): forwards to the umbrella header.
#include <boost/asio.hpp>
