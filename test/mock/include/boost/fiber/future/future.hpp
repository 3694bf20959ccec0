// Tether mock <boost/fiber/future/future.hpp> (hermetic).
//
// Real-API notes: like Boost, future<R> privately derives from
// detail::future_base<R> and re-exports valid/wait/wait_for/wait_until with
// using-declarations (so those methods are *declared* in future_base). The
// destructor is the implicit one: destroying a boost::fibers::future never
// blocks (unlike a std::future obtained from std::async).
#ifndef TETHER_MOCK_BOOST_FIBER_FUTURE_FUTURE_HPP
#define TETHER_MOCK_BOOST_FIBER_FUTURE_FUTURE_HPP
#include <boost/fiber/exceptions.hpp>
#include <boost/fiber/future/future_status.hpp>
#include <chrono>
#include <exception>
#include <memory>
#include <utility>

namespace boost {
namespace fibers {
namespace detail {
struct shared_state_base {
  virtual ~shared_state_base() {}
};

template <typename R> struct future_base {
  typedef std::shared_ptr<shared_state_base> ptr_type;
  ptr_type state_{};

  future_base() = default;
  explicit future_base(ptr_type p) noexcept : state_{std::move(p)} {}
  ~future_base() = default;
  future_base(future_base const &other) : state_{other.state_} {}
  future_base(future_base &&other) noexcept : state_{other.state_} { other.state_.reset(); }
  future_base &operator=(future_base const &other) noexcept {
    state_ = other.state_;
    return *this;
  }
  future_base &operator=(future_base &&other) noexcept {
    state_ = other.state_;
    other.state_.reset();
    return *this;
  }
  bool valid() const noexcept { return nullptr != state_.get(); }
  std::exception_ptr get_exception_ptr() {
    if (!valid())
      throw future_uninitialized{};
    return std::exception_ptr();
  }
  void wait() const {
    if (!valid())
      throw future_uninitialized{};
  }
  template <typename Rep, typename Period>
  future_status wait_for(std::chrono::duration<Rep, Period> const &timeout_duration) const {
    (void)timeout_duration;
    return future_status::ready;
  }
  template <typename Clock, typename Duration>
  future_status wait_until(std::chrono::time_point<Clock, Duration> const &timeout_time) const {
    (void)timeout_time;
    return future_status::ready;
  }
};
template <typename R> struct promise_base;
// Stands in for reading the value out of the shared state.
template <typename R> R future_value() { __builtin_unreachable(); }
} // namespace detail

template <typename R> class shared_future;
template <typename Signature> class packaged_task;

template <typename R> class future : private detail::future_base<R> {
  typedef detail::future_base<R> base_type;
  friend struct detail::promise_base<R>;
  friend class shared_future<R>;
  template <typename Signature> friend class packaged_task;
  explicit future(typename base_type::ptr_type const &p) noexcept : base_type{p} {}

public:
  future() = default;
  future(future const &) = delete;
  future &operator=(future const &) = delete;
  future(future &&other) noexcept : base_type{std::move(other)} {}
  future &operator=(future &&other) noexcept {
    base_type::operator=(std::move(other));
    return *this;
  }
  shared_future<R> share();
  R get() {
    if (!base_type::valid())
      throw future_uninitialized{};
    typename base_type::ptr_type tmp{};
    tmp.swap(base_type::state_);
    return detail::future_value<R>();
  }
  using base_type::get_exception_ptr;
  using base_type::valid;
  using base_type::wait;
  using base_type::wait_for;
  using base_type::wait_until;
};

template <typename R> class future<R &> : private detail::future_base<R &> {
  typedef detail::future_base<R &> base_type;
  friend struct detail::promise_base<R &>;
  friend class shared_future<R &>;
  template <typename Signature> friend class packaged_task;
  explicit future(typename base_type::ptr_type const &p) noexcept : base_type{p} {}

public:
  future() = default;
  future(future const &) = delete;
  future &operator=(future const &) = delete;
  future(future &&other) noexcept : base_type{std::move(other)} {}
  future &operator=(future &&other) noexcept {
    base_type::operator=(std::move(other));
    return *this;
  }
  shared_future<R &> share();
  R &get() {
    if (!base_type::valid())
      throw future_uninitialized{};
    typename base_type::ptr_type tmp{};
    tmp.swap(base_type::state_);
    return detail::future_value<R &>();
  }
  using base_type::get_exception_ptr;
  using base_type::valid;
  using base_type::wait;
  using base_type::wait_for;
  using base_type::wait_until;
};

template <> class future<void> : private detail::future_base<void> {
  typedef detail::future_base<void> base_type;
  friend struct detail::promise_base<void>;
  friend class shared_future<void>;
  template <typename Signature> friend class packaged_task;
  explicit future(base_type::ptr_type const &p) noexcept : base_type{p} {}

public:
  future() = default;
  future(future const &) = delete;
  future &operator=(future const &) = delete;
  future(future &&other) noexcept : base_type{std::move(other)} {}
  future &operator=(future &&other) noexcept {
    base_type::operator=(std::move(other));
    return *this;
  }
  shared_future<void> share();
  void get() {
    if (!base_type::valid())
      throw future_uninitialized{};
    base_type::ptr_type tmp{};
    tmp.swap(base_type::state_);
  }
  using base_type::get_exception_ptr;
  using base_type::valid;
  using base_type::wait;
  using base_type::wait_for;
  using base_type::wait_until;
};

template <typename R> class shared_future : private detail::future_base<R> {
  typedef detail::future_base<R> base_type;

public:
  shared_future() = default;
  ~shared_future() = default;
  shared_future(shared_future const &other) : base_type{other} {}
  shared_future(shared_future &&other) noexcept : base_type{std::move(other)} {}
  shared_future(future<R> &&other) noexcept : base_type{std::move(other)} {}
  shared_future &operator=(shared_future const &other) noexcept {
    base_type::operator=(other);
    return *this;
  }
  shared_future &operator=(shared_future &&other) noexcept {
    base_type::operator=(std::move(other));
    return *this;
  }
  R const &get() const {
    if (!base_type::valid())
      throw future_uninitialized{};
    return detail::future_value<R const &>();
  }
  using base_type::get_exception_ptr;
  using base_type::valid;
  using base_type::wait;
  using base_type::wait_for;
  using base_type::wait_until;
};
template <> class shared_future<void> : private detail::future_base<void> {
  typedef detail::future_base<void> base_type;

public:
  shared_future() = default;
  ~shared_future() = default;
  shared_future(shared_future const &other) : base_type{other} {}
  shared_future(shared_future &&other) noexcept : base_type{std::move(other)} {}
  shared_future(future<void> &&other) noexcept : base_type{std::move(other)} {}
  shared_future &operator=(shared_future const &other) noexcept {
    base_type::operator=(other);
    return *this;
  }
  void get() const {
    if (!base_type::valid())
      throw future_uninitialized{};
  }
  using base_type::valid;
  using base_type::wait;
  using base_type::wait_for;
  using base_type::wait_until;
};

template <typename R> shared_future<R> future<R>::share() { return shared_future<R>{std::move(*this)}; }
template <typename R> shared_future<R &> future<R &>::share() { return shared_future<R &>{std::move(*this)}; }
inline shared_future<void> future<void>::share() { return shared_future<void>{std::move(*this)}; }
} // namespace fibers
} // namespace boost
#endif
