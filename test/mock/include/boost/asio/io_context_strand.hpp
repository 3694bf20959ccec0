// Tether mock <boost/asio/io_context_strand.hpp> (hermetic): forwards to the umbrella header.
#include <boost/asio.hpp>
