// Tether mock <boost/asio/use_awaitable.hpp> (hermetic): forwards to the umbrella header.
#include <boost/asio.hpp>
