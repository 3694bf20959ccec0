// Tether mock <asio/signal_set.hpp> (hermetic): forwards to the umbrella header.
#include <asio.hpp>
