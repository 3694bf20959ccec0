// Tether mock <boost/fiber/channel_op_status.hpp> (hermetic).
#ifndef TETHER_MOCK_BOOST_FIBER_CHANNEL_OP_STATUS_HPP
#define TETHER_MOCK_BOOST_FIBER_CHANNEL_OP_STATUS_HPP
namespace boost {
namespace fibers {
enum class channel_op_status { success = 0, empty, full, closed, timeout };
} // namespace fibers
} // namespace boost
#endif
