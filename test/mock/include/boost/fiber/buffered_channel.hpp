// Tether mock <boost/fiber/buffered_channel.hpp> (hermetic).
//
// Real-API notes: the constructor is `explicit buffered_channel(std::size_t
// capacity)` and throws fiber_error unless capacity is a power of two >= 2;
// the channel holds at most capacity-1 elements. try_push/try_pop exist here
// (not on unbuffered_channel). Range-for works through free begin/end (ADL).
#ifndef TETHER_MOCK_BOOST_FIBER_BUFFERED_CHANNEL_HPP
#define TETHER_MOCK_BOOST_FIBER_BUFFERED_CHANNEL_HPP
#include <atomic>
#include <boost/fiber/channel_op_status.hpp>
#include <boost/fiber/exceptions.hpp>
#include <chrono>
#include <cstddef>
#include <iterator>
#include <memory>
#include <type_traits>

namespace boost {
namespace fibers {
template <typename T> class buffered_channel {
public:
  using value_type = typename std::remove_reference<T>::type;

private:
  std::size_t capacity_;
  bool closed_{false};

public:
  explicit buffered_channel(std::size_t capacity) : capacity_{capacity} {}
  ~buffered_channel() { close(); }
  buffered_channel(buffered_channel const &) = delete;
  buffered_channel &operator=(buffered_channel const &) = delete;

  bool is_closed() const noexcept { return closed_; }
  void close() noexcept { closed_ = true; }

  channel_op_status try_push(value_type const &value);
  channel_op_status try_push(value_type &&value);
  channel_op_status try_pop(value_type &value);
  channel_op_status push(value_type const &value);
  channel_op_status push(value_type &&value);
  template <typename Rep, typename Period>
  channel_op_status push_wait_for(value_type const &value, std::chrono::duration<Rep, Period> const &timeout_duration) {
    (void)value;
    (void)timeout_duration;
    return channel_op_status::success;
  }
  template <typename Rep, typename Period>
  channel_op_status push_wait_for(value_type &&value, std::chrono::duration<Rep, Period> const &timeout_duration) {
    (void)value;
    (void)timeout_duration;
    return channel_op_status::success;
  }
  template <typename Clock, typename Duration>
  channel_op_status push_wait_until(value_type const &value,
                                    std::chrono::time_point<Clock, Duration> const &timeout_time) {
    (void)value;
    (void)timeout_time;
    return channel_op_status::success;
  }
  template <typename Clock, typename Duration>
  channel_op_status push_wait_until(value_type &&value, std::chrono::time_point<Clock, Duration> const &timeout_time) {
    (void)value;
    (void)timeout_time;
    return channel_op_status::success;
  }
  channel_op_status pop(value_type &value);
  // Throws fiber_error if the channel is closed (and, for buffered, empty).
  value_type value_pop() {
    value_type value{};
    if (channel_op_status::closed == pop(value))
      throw fiber_error{std::make_error_code(std::errc::operation_not_permitted), "boost fiber: channel is closed"};
    return value;
  }
  template <typename Rep, typename Period>
  channel_op_status pop_wait_for(value_type &value, std::chrono::duration<Rep, Period> const &timeout_duration) {
    (void)value;
    (void)timeout_duration;
    return channel_op_status::success;
  }
  template <typename Clock, typename Duration>
  channel_op_status pop_wait_until(value_type &value, std::chrono::time_point<Clock, Duration> const &timeout_time) {
    (void)value;
    (void)timeout_time;
    return channel_op_status::success;
  }


  class iterator {
    buffered_channel *chan_{nullptr};
    typename std::aligned_storage<sizeof(value_type), alignof(value_type)>::type storage_;

  public:
    using iterator_category = std::input_iterator_tag;
    using difference_type = std::ptrdiff_t;
    using pointer = value_type *;
    using reference = value_type &;
    using pointer_t = pointer;
    using reference_t = reference;

    iterator() noexcept = default;
    explicit iterator(buffered_channel<T> *chan) noexcept : chan_{chan} {}
    iterator(iterator const &other) noexcept : chan_{other.chan_} {}
    iterator &operator=(iterator const &other) noexcept {
      chan_ = other.chan_;
      return *this;
    }
    bool operator==(iterator const &other) const noexcept { return other.chan_ == chan_; }
    bool operator!=(iterator const &other) const noexcept { return other.chan_ != chan_; }
    iterator &operator++() { return *this; }
    const iterator operator++(int) = delete;
    reference_t operator*() noexcept { return *reinterpret_cast<value_type *>(std::addressof(storage_)); }
    pointer_t operator->() noexcept { return reinterpret_cast<value_type *>(std::addressof(storage_)); }
  };
  friend class iterator;
};

// Range-for support: free functions only (found by ADL); the channel class has
// no begin()/end() members. Iteration pops values until the channel is closed.
template <typename T> typename buffered_channel<T>::iterator begin(buffered_channel<T> &chan) {
  return typename buffered_channel<T>::iterator(&chan);
}
template <typename T> typename buffered_channel<T>::iterator end(buffered_channel<T> &) {
  return typename buffered_channel<T>::iterator();
}

} // namespace fibers
} // namespace boost
#endif
