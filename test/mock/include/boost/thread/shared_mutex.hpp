// Tether mock <boost/thread/shared_mutex.hpp> (hermetic).
#ifndef TETHER_MOCK_BOOST_THREAD_SHARED_MUTEX_HPP
#define TETHER_MOCK_BOOST_THREAD_SHARED_MUTEX_HPP
#include <boost/thread/lock_types.hpp>

namespace boost {
class shared_mutex {
public:
  shared_mutex();
  ~shared_mutex();
  shared_mutex(const shared_mutex &) = delete;
  shared_mutex &operator=(const shared_mutex &) = delete;
  void lock_shared();
  bool try_lock_shared();
  void unlock_shared();
  void lock();
  bool try_lock();
  void unlock();
};
} // namespace boost

#endif
