// Tether mock <boost/asio/awaitable.hpp> (hermetic): forwards to the umbrella header.
#include <boost/asio.hpp>
