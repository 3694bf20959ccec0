// Tether mock <boost/fiber/policy.hpp> (hermetic).
#ifndef TETHER_MOCK_BOOST_FIBER_POLICY_HPP
#define TETHER_MOCK_BOOST_FIBER_POLICY_HPP
namespace boost {
namespace fibers {
enum class launch { dispatch, post };
namespace detail {
template <typename T> struct is_launch_policy { static constexpr bool value = false; };
template <> struct is_launch_policy<boost::fibers::launch> { static constexpr bool value = true; };
} // namespace detail
} // namespace fibers
} // namespace boost
#endif
