// Tether mock <asio/error_code.hpp> (hermetic).
#include <asio.hpp>
