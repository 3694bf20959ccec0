// Tether mock <boost/fiber/condition_variable.hpp> (hermetic).
#ifndef TETHER_MOCK_BOOST_FIBER_CONDITION_VARIABLE_HPP
#define TETHER_MOCK_BOOST_FIBER_CONDITION_VARIABLE_HPP
#include <boost/fiber/mutex.hpp>
#include <chrono>
#include <mutex>

namespace boost {
namespace fibers {
enum class cv_status { no_timeout = 1, timeout };

class condition_variable_any {
public:
  condition_variable_any() = default;
  ~condition_variable_any() {}
  condition_variable_any(condition_variable_any const &) = delete;
  condition_variable_any &operator=(condition_variable_any const &) = delete;
  void notify_one() noexcept;
  void notify_all() noexcept;
  template <typename LockType> void wait(LockType &lt) {
    lt.unlock();
    lt.lock();
  }
  template <typename LockType, typename Pred> void wait(LockType &lt, Pred pred) {
    while (!pred())
      wait(lt);
  }
  template <typename LockType, typename Clock, typename Duration>
  cv_status wait_until(LockType &lt, std::chrono::time_point<Clock, Duration> const &timeout_time) {
    (void)timeout_time;
    wait(lt);
    return cv_status::no_timeout;
  }
  template <typename LockType, typename Clock, typename Duration, typename Pred>
  bool wait_until(LockType &lt, std::chrono::time_point<Clock, Duration> const &timeout_time, Pred pred) {
    while (!pred())
      if (cv_status::timeout == wait_until(lt, timeout_time))
        return pred();
    return true;
  }
  template <typename LockType, typename Rep, typename Period>
  cv_status wait_for(LockType &lt, std::chrono::duration<Rep, Period> const &timeout_duration) {
    return wait_until(lt, std::chrono::steady_clock::now() + timeout_duration);
  }
  template <typename LockType, typename Rep, typename Period, typename Pred>
  bool wait_for(LockType &lt, std::chrono::duration<Rep, Period> const &timeout_duration, Pred pred) {
    return wait_until(lt, std::chrono::steady_clock::now() + timeout_duration, pred);
  }
};

class condition_variable {
  condition_variable_any cnd_;

public:
  condition_variable() = default;
  condition_variable(condition_variable const &) = delete;
  condition_variable &operator=(condition_variable const &) = delete;
  void notify_one() noexcept { cnd_.notify_one(); }
  void notify_all() noexcept { cnd_.notify_all(); }
  void wait(std::unique_lock<mutex> &lt) { cnd_.wait(lt); }
  template <typename Pred> void wait(std::unique_lock<mutex> &lt, Pred pred) { cnd_.wait(lt, pred); }
  template <typename Clock, typename Duration>
  cv_status wait_until(std::unique_lock<mutex> &lt, std::chrono::time_point<Clock, Duration> const &timeout_time) {
    return cnd_.wait_until(lt, timeout_time);
  }
  template <typename Clock, typename Duration, typename Pred>
  bool wait_until(std::unique_lock<mutex> &lt, std::chrono::time_point<Clock, Duration> const &timeout_time,
                  Pred pred) {
    return cnd_.wait_until(lt, timeout_time, pred);
  }
  template <typename Rep, typename Period>
  cv_status wait_for(std::unique_lock<mutex> &lt, std::chrono::duration<Rep, Period> const &timeout_duration) {
    return cnd_.wait_for(lt, timeout_duration);
  }
  template <typename Rep, typename Period, typename Pred>
  bool wait_for(std::unique_lock<mutex> &lt, std::chrono::duration<Rep, Period> const &timeout_duration, Pred pred) {
    return cnd_.wait_for(lt, timeout_duration, pred);
  }
};
} // namespace fibers
} // namespace boost
#endif
