// Tether mock <boost/fiber/future/packaged_task.hpp> (hermetic).
#ifndef TETHER_MOCK_BOOST_FIBER_FUTURE_PACKAGED_TASK_HPP
#define TETHER_MOCK_BOOST_FIBER_FUTURE_PACKAGED_TASK_HPP
#include <boost/fiber/future/future.hpp>
#include <memory>
#include <type_traits>
#include <utility>

namespace boost {
namespace fibers {
template <typename Signature> class packaged_task;

template <typename R, typename... Args> class packaged_task<R(Args...)> {
  typedef std::shared_ptr<detail::shared_state_base> ptr_type;
  bool obtained_{false};
  ptr_type task_{};

public:
  packaged_task() = default;
  template <typename Fn, typename = typename std::enable_if<
                             !std::is_same<typename std::decay<Fn>::type, packaged_task>::value>::type>
  explicit packaged_task(Fn &&fn) {
    (void)fn;
  }
  template <typename Fn, typename Allocator>
  explicit packaged_task(std::allocator_arg_t, Allocator const &alloc, Fn &&fn) {
    (void)alloc;
    (void)fn;
  }
  ~packaged_task() {}
  packaged_task(packaged_task const &) = delete;
  packaged_task &operator=(packaged_task const &) = delete;
  packaged_task(packaged_task &&other) noexcept : obtained_{other.obtained_}, task_{std::move(other.task_)} {}
  packaged_task &operator=(packaged_task &&other) noexcept {
    task_ = std::move(other.task_);
    return *this;
  }
  void swap(packaged_task &other) noexcept { task_.swap(other.task_); }
  bool valid() const noexcept { return nullptr != task_.get(); }
  future<R> get_future() {
    obtained_ = true;
    return future<R>{task_};
  }
  void operator()(Args... args);
  void reset();
};
template <typename Signature> void swap(packaged_task<Signature> &l, packaged_task<Signature> &r) noexcept {
  l.swap(r);
}
} // namespace fibers
} // namespace boost
#endif
