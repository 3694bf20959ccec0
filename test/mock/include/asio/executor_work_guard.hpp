// Tether mock <asio/executor_work_guard.hpp> (hermetic): forwards to the umbrella header.
#include <asio.hpp>
