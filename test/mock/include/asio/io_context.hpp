// Tether mock <asio/io_context.hpp> (hermetic): forwards to the umbrella header.
#include <asio.hpp>
