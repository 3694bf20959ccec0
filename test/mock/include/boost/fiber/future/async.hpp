// Tether mock <boost/fiber/future/async.hpp> (hermetic).
//
// Real-API notes: boost::fibers::async always launches a *detached* fiber
// (default policy launch::post) running a packaged_task, and returns a
// boost::fibers::future<R> whose destructor does not block. Extra arguments are
// taken *by value* (`Args ... args`), and R is computed with std::result_of
// over the decayed types. The policy overloads are selected with
// detail::is_launch_policy.
#ifndef TETHER_MOCK_BOOST_FIBER_FUTURE_ASYNC_HPP
#define TETHER_MOCK_BOOST_FIBER_FUTURE_ASYNC_HPP
#include <boost/fiber/fiber.hpp>
#include <boost/fiber/future/future.hpp>
#include <boost/fiber/future/packaged_task.hpp>
#include <boost/fiber/policy.hpp>
#include <memory>
#include <type_traits>
#include <utility>

namespace boost {
namespace fibers {
namespace detail {
template <typename Fn, typename... Args>
using async_result_t = typename std::invoke_result<Fn, Args...>::type;
template <typename R> future<R> make_async_future() {
  packaged_task<R()> pt;
  return pt.get_future();
}
} // namespace detail

template <typename Fn, typename... Args>
future<detail::async_result_t<
    typename std::enable_if<!detail::is_launch_policy<typename std::decay<Fn>::type>::value,
                            typename std::decay<Fn>::type>::type,
    typename std::decay<Args>::type...>>
async(Fn &&fn, Args... args) {
  typedef detail::async_result_t<typename std::decay<Fn>::type, typename std::decay<Args>::type...> result_type;
  (void)fn;
  (void)sizeof...(args);
  return detail::make_async_future<result_type>();
}

template <typename Policy, typename Fn, typename... Args>
future<detail::async_result_t<
    typename std::enable_if<detail::is_launch_policy<Policy>::value, typename std::decay<Fn>::type>::type,
    typename std::decay<Args>::type...>>
async(Policy policy, Fn &&fn, Args... args) {
  typedef detail::async_result_t<typename std::decay<Fn>::type, typename std::decay<Args>::type...> result_type;
  (void)policy;
  (void)fn;
  (void)sizeof...(args);
  return detail::make_async_future<result_type>();
}

template <typename Policy, typename StackAllocator, typename Fn, typename... Args>
future<detail::async_result_t<
    typename std::enable_if<detail::is_launch_policy<Policy>::value, typename std::decay<Fn>::type>::type,
    typename std::decay<Args>::type...>>
async(Policy policy, std::allocator_arg_t, StackAllocator salloc, Fn &&fn, Args... args) {
  typedef detail::async_result_t<typename std::decay<Fn>::type, typename std::decay<Args>::type...> result_type;
  (void)policy;
  (void)salloc;
  (void)fn;
  (void)sizeof...(args);
  return detail::make_async_future<result_type>();
}
} // namespace fibers
} // namespace boost
#endif
