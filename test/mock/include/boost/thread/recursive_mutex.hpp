// Tether mock <boost/thread/recursive_mutex.hpp> (hermetic).
#ifndef TETHER_MOCK_BOOST_THREAD_RECURSIVE_MUTEX_HPP
#define TETHER_MOCK_BOOST_THREAD_RECURSIVE_MUTEX_HPP
#include <boost/thread/lock_types.hpp>

namespace boost {
class recursive_mutex {
public:
  typedef unique_lock<recursive_mutex> scoped_lock;
  recursive_mutex();
  ~recursive_mutex();
  recursive_mutex(const recursive_mutex &) = delete;
  recursive_mutex &operator=(const recursive_mutex &) = delete;
  void lock();
  void unlock();
  bool try_lock() noexcept;
};
} // namespace boost

#endif
