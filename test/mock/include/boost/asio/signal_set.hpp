// Tether mock <boost/asio/signal_set.hpp> (hermetic): forwards to the umbrella header.
#include <boost/asio.hpp>
