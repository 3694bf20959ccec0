// Tether mock <boost/asio/executor_work_guard.hpp> (hermetic): forwards to the umbrella header.
#include <boost/asio.hpp>
