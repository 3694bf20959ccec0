// Tether mock <boost/asio/steady_timer.hpp> (hermetic): forwards to the umbrella header.
#include <boost/asio.hpp>
