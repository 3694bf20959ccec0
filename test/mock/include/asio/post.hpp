// Tether mock <asio/post.hpp> (hermetic): forwards to the umbrella header.
#include <asio.hpp>
