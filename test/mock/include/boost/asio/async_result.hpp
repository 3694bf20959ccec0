// Tether mock <boost/asio/async_result.hpp> (hermetic): forwards to the umbrella header.
#include <boost/asio.hpp>
