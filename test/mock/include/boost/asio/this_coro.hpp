// Tether mock <boost/asio/this_coro.hpp> (hermetic): forwards to the umbrella header.
#include <boost/asio.hpp>
