// Tether mock <boost/asio/basic_waitable_timer.hpp> (hermetic): forwards to the umbrella header.
#include <boost/asio.hpp>
