// Tether mock <boost/asio/use_future.hpp> (hermetic): forwards to the umbrella header.
#include <boost/asio.hpp>
