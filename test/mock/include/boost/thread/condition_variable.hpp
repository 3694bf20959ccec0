// Tether mock <boost/thread/condition_variable.hpp> (hermetic).
#ifndef TETHER_MOCK_BOOST_THREAD_CONDITION_VARIABLE_HPP
#define TETHER_MOCK_BOOST_THREAD_CONDITION_VARIABLE_HPP
#include <boost/chrono.hpp>
#include <boost/thread/lock_types.hpp>
#include <boost/thread/mutex.hpp>

namespace boost {
enum class cv_status { no_timeout, timeout };

class condition_variable {
public:
  condition_variable();
  ~condition_variable();
  condition_variable(const condition_variable &) = delete;
  condition_variable &operator=(const condition_variable &) = delete;
  void wait(unique_lock<mutex> &m);
  template <class predicate_type> void wait(unique_lock<mutex> &m, predicate_type pred) {
    while (!pred())
      wait(m);
  }
  template <class Rep, class Period>
  cv_status wait_for(unique_lock<mutex> &lock, const chrono::duration<Rep, Period> &d) {
    (void)d;
    wait(lock);
    return cv_status::no_timeout;
  }
  template <class Rep, class Period, class Predicate>
  bool wait_for(unique_lock<mutex> &lock, const chrono::duration<Rep, Period> &d, Predicate pred) {
    while (!pred())
      if (wait_for(lock, d) == cv_status::timeout)
        return pred();
    return true;
  }
  void notify_one() noexcept;
  void notify_all() noexcept;
};

class condition_variable_any {
public:
  condition_variable_any();
  ~condition_variable_any();
  condition_variable_any(const condition_variable_any &) = delete;
  condition_variable_any &operator=(const condition_variable_any &) = delete;
  template <typename lock_type> void wait(lock_type &m) {
    m.unlock();
    m.lock();
  }
  template <typename lock_type, typename predicate_type> void wait(lock_type &m, predicate_type pred) {
    while (!pred())
      wait(m);
  }
  void notify_one() noexcept;
  void notify_all() noexcept;
};
typedef condition_variable_any condition;
} // namespace boost

#endif
