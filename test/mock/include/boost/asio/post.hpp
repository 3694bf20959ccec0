// Tether mock <boost/asio/post.hpp> (hermetic): forwards to the umbrella header.
#include <boost/asio.hpp>
