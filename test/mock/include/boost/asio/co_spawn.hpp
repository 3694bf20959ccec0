// Tether mock <boost/asio/co_spawn.hpp> (hermetic): forwards to the umbrella header.
#include <boost/asio.hpp>
