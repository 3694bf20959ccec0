// Tether mock <boost/asio/bind_executor.hpp> (hermetic): forwards to the umbrella header.
#include <boost/asio.hpp>
