// Tether mock <boost/asio/any_io_executor.hpp> (hermetic): forwards to the umbrella header.
#include <boost/asio.hpp>
