// Tether mock <boost/thread/thread_only.hpp> (hermetic): boost::thread and
// boost::this_thread.
//
// Like the real Boost.Thread (BOOST_THREAD_VERSION defaults to 2), a joinable
// boost::thread is *detached* by its destructor; with BOOST_THREAD_VERSION >= 3
// (or BOOST_THREAD_PROVIDES_THREAD_DESTRUCTOR_CALLS_TERMINATE_IF_JOINABLE) it
// calls std::terminate like std::thread.
#ifndef TETHER_MOCK_BOOST_THREAD_THREAD_ONLY_HPP
#define TETHER_MOCK_BOOST_THREAD_THREAD_ONLY_HPP
#include <boost/chrono.hpp>
#include <cstddef>
#include <exception>
#include <pthread.h>
#include <type_traits>
#include <utility>

#ifndef BOOST_THREAD_VERSION
#define BOOST_THREAD_VERSION 2
#endif
#if BOOST_THREAD_VERSION >= 3 && !defined(BOOST_THREAD_DONT_PROVIDE_THREAD_DESTRUCTOR_CALLS_TERMINATE_IF_JOINABLE) && \
    !defined(BOOST_THREAD_PROVIDES_THREAD_DESTRUCTOR_CALLS_TERMINATE_IF_JOINABLE)
#define BOOST_THREAD_PROVIDES_THREAD_DESTRUCTOR_CALLS_TERMINATE_IF_JOINABLE
#endif

namespace boost {
class thread_interrupted {};

class thread_attributes {
public:
  thread_attributes() noexcept {}
  void set_stack_size(std::size_t size) noexcept { size_ = size; }
  std::size_t get_stack_size() const noexcept { return size_; }

private:
  std::size_t size_ = 0;
};

class thread {
public:
  typedef thread_attributes attributes;
  typedef pthread_t native_handle_type;

  class id {
    pthread_t thread_data;

  public:
    id() noexcept : thread_data() {}
    explicit id(pthread_t t) noexcept : thread_data(t) {}
    bool operator==(const id &y) const noexcept { return thread_data == y.thread_data; }
    bool operator!=(const id &y) const noexcept { return thread_data != y.thread_data; }
    bool operator<(const id &y) const noexcept { return thread_data < y.thread_data; }
  };

  thread() noexcept {}
  ~thread() {
#if defined(BOOST_THREAD_PROVIDES_THREAD_DESTRUCTOR_CALLS_TERMINATE_IF_JOINABLE)
    if (joinable())
      std::terminate();
#else
    detach();
#endif
  }
  template <class F> explicit thread(F &&f) { (void)f; }
  template <class F> thread(attributes const &attrs, F &&f) {
    (void)attrs;
    (void)f;
  }
  template <class F, class Arg, class... Args> thread(F &&f, Arg &&arg, Args &&...args) {
    (void)f;
    (void)arg;
    (void)sizeof...(args);
  }
  thread(const thread &) = delete;
  thread &operator=(const thread &) = delete;
  thread(thread &&x) noexcept : thread_info(x.thread_info) { x.thread_info = id(); }
  thread &operator=(thread &&other) noexcept {
#if defined(BOOST_THREAD_PROVIDES_THREAD_DESTRUCTOR_CALLS_TERMINATE_IF_JOINABLE)
    if (joinable())
      std::terminate();
#else
    detach();
#endif
    thread_info = other.thread_info;
    other.thread_info = id();
    return *this;
  }
  void swap(thread &x) noexcept { std::swap(thread_info, x.thread_info); }

  id get_id() const noexcept { return thread_info; }
  bool joinable() const noexcept { return thread_info != id(); }
  void join();
  template <class Rep, class Period> bool try_join_for(const chrono::duration<Rep, Period> &rel_time) {
    (void)rel_time;
    return true;
  }
  template <class Clock, class Duration> bool try_join_until(const chrono::time_point<Clock, Duration> &t) {
    (void)t;
    return true;
  }
  void detach();
  static unsigned hardware_concurrency() noexcept;
  static unsigned physical_concurrency() noexcept;
  native_handle_type native_handle();
  void interrupt();
  bool interruption_requested() const noexcept;

private:
  id thread_info;
};

inline void swap(thread &lhs, thread &rhs) noexcept { lhs.swap(rhs); }

namespace this_thread {
thread::id get_id() noexcept;
void yield() noexcept;
void interruption_point();
bool interruption_enabled() noexcept;
bool interruption_requested() noexcept;
template <class Rep, class Period> void sleep_for(const chrono::duration<Rep, Period> &d) { (void)d; }
template <class Clock, class Duration> void sleep_until(const chrono::time_point<Clock, Duration> &t) { (void)t; }
template <class TimeDuration> void sleep(TimeDuration const &rel_time) { (void)rel_time; }

class disable_interruption {
public:
  disable_interruption() noexcept {}
  ~disable_interruption() noexcept {}
  disable_interruption(const disable_interruption &) = delete;
  disable_interruption &operator=(const disable_interruption &) = delete;
};
class restore_interruption {
public:
  explicit restore_interruption(disable_interruption &d) noexcept { (void)d; }
  ~restore_interruption() noexcept {}
};
} // namespace this_thread
} // namespace boost

#endif
