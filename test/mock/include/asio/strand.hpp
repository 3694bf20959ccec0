// Tether mock <asio/strand.hpp> (hermetic): forwards to the umbrella header.
#include <asio.hpp>
