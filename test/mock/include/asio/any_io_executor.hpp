// Tether mock <asio/any_io_executor.hpp> (hermetic): forwards to the umbrella header.
#include <asio.hpp>
