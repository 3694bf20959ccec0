// Tether mock <asio/defer.hpp> (hermetic): forwards to the umbrella header.
#include <asio.hpp>
