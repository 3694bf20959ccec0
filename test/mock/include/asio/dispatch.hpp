// Tether mock <asio/dispatch.hpp> (hermetic): forwards to the umbrella header.
#include <asio.hpp>
