// Tether mock <asio/detached.hpp> (hermetic): forwards to the umbrella header.
#include <asio.hpp>
