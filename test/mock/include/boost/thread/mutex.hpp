// Tether mock <boost/thread/mutex.hpp> (hermetic).
#ifndef TETHER_MOCK_BOOST_THREAD_MUTEX_HPP
#define TETHER_MOCK_BOOST_THREAD_MUTEX_HPP
#include <boost/thread/lock_types.hpp>
#include <pthread.h>

namespace boost {
class mutex {
  pthread_mutex_t m;

public:
  typedef pthread_mutex_t *native_handle_type;
  typedef unique_lock<mutex> scoped_lock;
  mutex();
  ~mutex();
  mutex(const mutex &) = delete;
  mutex &operator=(const mutex &) = delete;
  void lock();
  void unlock();
  bool try_lock();
  native_handle_type native_handle() { return &m; }
};

class timed_mutex {
public:
  typedef unique_lock<timed_mutex> scoped_timed_lock;
  timed_mutex();
  ~timed_mutex();
  timed_mutex(const timed_mutex &) = delete;
  timed_mutex &operator=(const timed_mutex &) = delete;
  void lock();
  void unlock();
  bool try_lock();
  template <class Rep, class Period> bool try_lock_for(const chrono::duration<Rep, Period> &rel_time) {
    (void)rel_time;
    return try_lock();
  }
};
} // namespace boost

#endif
