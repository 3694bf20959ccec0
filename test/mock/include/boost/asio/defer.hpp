// Tether mock <boost/asio/defer.hpp> (hermetic): forwards to the umbrella header.
#include <boost/asio.hpp>
