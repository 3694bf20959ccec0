// Tether mock <boost/asio/detached.hpp> (hermetic): forwards to the umbrella header.
#include <boost/asio.hpp>
