// Tether mock <asio/bind_executor.hpp> (hermetic): forwards to the umbrella header.
#include <asio.hpp>
