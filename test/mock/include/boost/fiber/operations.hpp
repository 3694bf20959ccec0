// Tether mock <boost/fiber/operations.hpp> (hermetic): boost::this_fiber and
// scheduler selection.
#ifndef TETHER_MOCK_BOOST_FIBER_OPERATIONS_HPP
#define TETHER_MOCK_BOOST_FIBER_OPERATIONS_HPP
#include <boost/fiber/algo/algorithm.hpp>
#include <boost/fiber/context.hpp>
#include <boost/fiber/fiber.hpp>
#include <chrono>
#include <utility>

namespace boost {
namespace this_fiber {
inline fibers::fiber::id get_id() noexcept { return fibers::context::active()->get_id(); }
void yield() noexcept;
template <typename Clock, typename Duration> void sleep_until(std::chrono::time_point<Clock, Duration> const &sleep_time) {
  (void)sleep_time;
}
template <typename Rep, typename Period> void sleep_for(std::chrono::duration<Rep, Period> const &timeout_duration) {
  (void)timeout_duration;
}
template <typename PROPS> PROPS &properties();
} // namespace this_fiber

namespace fibers {
bool has_ready_fibers() noexcept;
template <typename SchedAlgo, typename... Args> void use_scheduling_algorithm(Args &&...args) noexcept {
  (void)sizeof...(args);
}
} // namespace fibers
} // namespace boost
#endif
