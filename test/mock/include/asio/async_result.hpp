// Tether mock <asio/async_result.hpp> (hermetic): forwards to the umbrella header.
#include <asio.hpp>
