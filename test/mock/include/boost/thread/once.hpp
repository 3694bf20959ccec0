// Tether mock <boost/thread/once.hpp> (hermetic).
#ifndef TETHER_MOCK_BOOST_THREAD_ONCE_HPP
#define TETHER_MOCK_BOOST_THREAD_ONCE_HPP
#include <utility>
namespace boost {
struct once_flag {
  constexpr once_flag() noexcept : done(false) {}
  once_flag(const once_flag &) = delete;
  once_flag &operator=(const once_flag &) = delete;
  bool done;
};
#define BOOST_ONCE_INIT boost::once_flag()
template <typename Function, class... ArgTypes> inline void call_once(once_flag &flag, Function &&f, ArgTypes &&...args) {
  (void)flag;
  std::forward<Function>(f)(std::forward<ArgTypes>(args)...);
}
} // namespace boost
#endif
