// Tether mock <boost/fiber/future/promise.hpp> (hermetic).
#ifndef TETHER_MOCK_BOOST_FIBER_FUTURE_PROMISE_HPP
#define TETHER_MOCK_BOOST_FIBER_FUTURE_PROMISE_HPP
#include <boost/fiber/future/future.hpp>
#include <exception>
#include <memory>

namespace boost {
namespace fibers {
namespace detail {
template <typename R> struct promise_base {
  typedef std::shared_ptr<shared_state_base> ptr_type;
  bool obtained_{false};
  ptr_type future_{};

  promise_base() {}
  template <typename Allocator> promise_base(std::allocator_arg_t, Allocator alloc) { (void)alloc; }
  ~promise_base() {}
  promise_base(promise_base const &) = delete;
  promise_base &operator=(promise_base const &) = delete;
  promise_base(promise_base &&other) noexcept : obtained_{other.obtained_}, future_{std::move(other.future_)} {}
  promise_base &operator=(promise_base &&other) noexcept {
    future_ = std::move(other.future_);
    return *this;
  }
  future<R> get_future() {
    obtained_ = true;
    return future<R>{future_};
  }
  void swap(promise_base &other) noexcept { future_.swap(other.future_); }
  void set_exception(std::exception_ptr p);
};
} // namespace detail

template <typename R> class promise : private detail::promise_base<R> {
  typedef detail::promise_base<R> base_type;

public:
  promise() = default;
  template <typename Allocator> promise(std::allocator_arg_t, Allocator alloc) : base_type{std::allocator_arg, alloc} {}
  promise(promise const &) = delete;
  promise &operator=(promise const &) = delete;
  promise(promise &&other) noexcept = default;
  promise &operator=(promise &&other) = default;
  void set_value(R const &value);
  void set_value(R &&value);
  void swap(promise &other) noexcept { base_type::swap(other); }
  using base_type::get_future;
  using base_type::set_exception;
};
template <typename R> class promise<R &> : private detail::promise_base<R &> {
  typedef detail::promise_base<R &> base_type;

public:
  promise() = default;
  promise(promise const &) = delete;
  promise &operator=(promise const &) = delete;
  promise(promise &&other) noexcept = default;
  promise &operator=(promise &&other) noexcept = default;
  void set_value(R &value);
  void swap(promise &other) noexcept { base_type::swap(other); }
  using base_type::get_future;
  using base_type::set_exception;
};
template <> class promise<void> : private detail::promise_base<void> {
  typedef detail::promise_base<void> base_type;

public:
  promise() = default;
  template <typename Allocator> promise(std::allocator_arg_t, Allocator alloc) : base_type{std::allocator_arg, alloc} {}
  promise(promise const &) = delete;
  promise &operator=(promise const &) = delete;
  promise(promise &&other) noexcept = default;
  promise &operator=(promise &&other) noexcept = default;
  void set_value();
  void swap(promise &other) noexcept { base_type::swap(other); }
  using base_type::get_future;
  using base_type::set_exception;
};
template <typename R> void swap(promise<R> &l, promise<R> &r) noexcept { l.swap(r); }
} // namespace fibers
} // namespace boost
#endif
