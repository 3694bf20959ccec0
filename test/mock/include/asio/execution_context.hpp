// Tether mock <asio/execution_context.hpp> (hermetic): forwards to the umbrella header.
#include <asio.hpp>
