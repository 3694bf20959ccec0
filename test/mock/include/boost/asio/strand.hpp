// Tether mock <boost/asio/strand.hpp> (hermetic): forwards to the umbrella header.
#include <boost/asio.hpp>
