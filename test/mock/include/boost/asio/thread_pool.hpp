// Tether mock <boost/asio/thread_pool.hpp> (hermetic): forwards to the umbrella header.
#include <boost/asio.hpp>
