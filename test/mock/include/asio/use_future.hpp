// Tether mock <asio/use_future.hpp> (hermetic): forwards to the umbrella header.
#include <asio.hpp>
