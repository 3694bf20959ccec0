// Tether mock <boost/thread/lock_types.hpp> (hermetic): boost::unique_lock,
// boost::shared_lock, boost::lock_guard and the lock tags.
#ifndef TETHER_MOCK_BOOST_THREAD_LOCK_TYPES_HPP
#define TETHER_MOCK_BOOST_THREAD_LOCK_TYPES_HPP
#include <boost/chrono.hpp>
#include <utility>

namespace boost {
struct defer_lock_t {};
struct try_to_lock_t {};
struct adopt_lock_t {};
constexpr defer_lock_t defer_lock = {};
constexpr try_to_lock_t try_to_lock = {};
constexpr adopt_lock_t adopt_lock = {};

template <typename Mutex> class lock_guard {
  Mutex &m;

public:
  typedef Mutex mutex_type;
  explicit lock_guard(Mutex &m_) : m(m_) { m.lock(); }
  lock_guard(Mutex &m_, adopt_lock_t) : m(m_) {}
  ~lock_guard() { m.unlock(); }
  lock_guard(const lock_guard &) = delete;
  lock_guard &operator=(const lock_guard &) = delete;
};

template <typename Mutex> class unique_lock {
  Mutex *m;
  bool is_locked;

public:
  typedef Mutex mutex_type;
  unique_lock() noexcept : m(nullptr), is_locked(false) {}
  explicit unique_lock(Mutex &m_) : m(&m_), is_locked(false) { lock(); }
  unique_lock(Mutex &m_, adopt_lock_t) : m(&m_), is_locked(true) {}
  unique_lock(Mutex &m_, defer_lock_t) noexcept : m(&m_), is_locked(false) {}
  unique_lock(Mutex &m_, try_to_lock_t) : m(&m_), is_locked(m_.try_lock()) {}
  unique_lock(const unique_lock &) = delete;
  unique_lock &operator=(const unique_lock &) = delete;
  unique_lock(unique_lock &&other) noexcept : m(other.m), is_locked(other.is_locked) {
    other.m = nullptr;
    other.is_locked = false;
  }
  unique_lock &operator=(unique_lock &&other) noexcept {
    unique_lock tmp(std::move(other));
    swap(tmp);
    return *this;
  }
  ~unique_lock() {
    if (owns_lock())
      m->unlock();
  }
  void swap(unique_lock &other) noexcept {
    std::swap(m, other.m);
    std::swap(is_locked, other.is_locked);
  }
  void lock() {
    m->lock();
    is_locked = true;
  }
  bool try_lock() { return is_locked = m->try_lock(); }
  void unlock() {
    m->unlock();
    is_locked = false;
  }
  explicit operator bool() const noexcept { return owns_lock(); }
  bool owns_lock() const noexcept { return is_locked; }
  Mutex *mutex() const noexcept { return m; }
  Mutex *release() noexcept {
    Mutex *res = m;
    m = nullptr;
    is_locked = false;
    return res;
  }
};

template <typename Mutex> class shared_lock {
  Mutex *m;
  bool is_locked;

public:
  typedef Mutex mutex_type;
  shared_lock() noexcept : m(nullptr), is_locked(false) {}
  explicit shared_lock(Mutex &m_) : m(&m_), is_locked(false) { lock(); }
  shared_lock(Mutex &m_, adopt_lock_t) : m(&m_), is_locked(true) {}
  shared_lock(Mutex &m_, defer_lock_t) noexcept : m(&m_), is_locked(false) {}
  shared_lock(const shared_lock &) = delete;
  shared_lock &operator=(const shared_lock &) = delete;
  ~shared_lock() {
    if (owns_lock())
      m->unlock_shared();
  }
  void lock() {
    m->lock_shared();
    is_locked = true;
  }
  void unlock() {
    m->unlock_shared();
    is_locked = false;
  }
  bool owns_lock() const noexcept { return is_locked; }
  Mutex *mutex() const noexcept { return m; }
};

template <typename Lockable1, typename Lockable2> void lock(Lockable1 &m1, Lockable2 &m2) {
  m1.lock();
  m2.lock();
}
} // namespace boost

#endif
