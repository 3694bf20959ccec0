// Tether mock <boost/asio/dispatch.hpp> (hermetic): forwards to the umbrella header.
#include <boost/asio.hpp>
