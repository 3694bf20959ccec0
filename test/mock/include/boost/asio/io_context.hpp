// Tether mock <boost/asio/io_context.hpp> (hermetic): forwards to the umbrella header.
#include <boost/asio.hpp>
