// Tether mock <boost/asio/system_timer.hpp> (hermetic): forwards to the umbrella header.
#include <boost/asio.hpp>
