// Tether mock <asio/io_context_strand.hpp> (hermetic): forwards to the umbrella header.
#include <asio.hpp>
