// Tether mock <boost/asio/io_service.hpp> (hermetic): forwards to the umbrella header.
#include <boost/asio.hpp>
