// Tether mock <boost/fiber/mutex.hpp> (hermetic). Use with std::unique_lock /
// std::lock_guard, as Boost.Fiber does.
#ifndef TETHER_MOCK_BOOST_FIBER_MUTEX_HPP
#define TETHER_MOCK_BOOST_FIBER_MUTEX_HPP
#include <boost/fiber/context.hpp>
namespace boost {
namespace fibers {
class condition_variable;
class mutex {
  friend class condition_variable;
  context *owner_{nullptr};

public:
  mutex() = default;
  ~mutex() {}
  mutex(mutex const &) = delete;
  mutex &operator=(mutex const &) = delete;
  void lock();
  bool try_lock();
  void unlock();
};
class recursive_mutex {
public:
  recursive_mutex() = default;
  recursive_mutex(recursive_mutex const &) = delete;
  recursive_mutex &operator=(recursive_mutex const &) = delete;
  void lock();
  bool try_lock() noexcept;
  void unlock();
};
class timed_mutex {
public:
  timed_mutex() = default;
  timed_mutex(timed_mutex const &) = delete;
  timed_mutex &operator=(timed_mutex const &) = delete;
  void lock();
  bool try_lock();
  void unlock();
};
} // namespace fibers
} // namespace boost
#endif
