// Tether mock <boost/fiber/future/future_status.hpp> (hermetic).
#ifndef TETHER_MOCK_BOOST_FIBER_FUTURE_STATUS_HPP
#define TETHER_MOCK_BOOST_FIBER_FUTURE_STATUS_HPP
namespace boost {
namespace fibers {
enum class future_status { ready = 1, timeout, deferred };
} // namespace fibers
} // namespace boost
#endif
