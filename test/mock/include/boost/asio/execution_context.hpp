// Tether mock <boost/asio/execution_context.hpp> (hermetic): forwards to the umbrella header.
#include <boost/asio.hpp>
