// Tether mock <asio/io_service.hpp> (hermetic): forwards to the umbrella header.
#include <asio.hpp>
