// Tether mock: std::mutex, lock tags, std::lock_guard and std::unique_lock
// (libstdc++ splits these over bits/std_mutex.h and bits/unique_lock.h, which
// both <mutex> and <condition_variable> include).
#ifndef TETHER_MOCK_STD_MUTEX_H
#define TETHER_MOCK_STD_MUTEX_H
#include <chrono>
#include <pthread.h>
#include <system_error>
#include <utility>

namespace std {
class mutex {
  pthread_mutex_t _M_mutex = PTHREAD_MUTEX_INITIALIZER;

public:
  typedef pthread_mutex_t *native_handle_type;
  constexpr mutex() noexcept = default;
  ~mutex() = default;
  mutex(const mutex &) = delete;
  mutex &operator=(const mutex &) = delete;
  void lock();
  __TM_NODISCARD bool try_lock() noexcept;
  void unlock();
  native_handle_type native_handle() noexcept { return &_M_mutex; }
};

struct defer_lock_t {
  explicit defer_lock_t() = default;
};
struct try_to_lock_t {
  explicit try_to_lock_t() = default;
};
struct adopt_lock_t {
  explicit adopt_lock_t() = default;
};
__TM_INLINE_VAR constexpr defer_lock_t defer_lock{};
__TM_INLINE_VAR constexpr try_to_lock_t try_to_lock{};
__TM_INLINE_VAR constexpr adopt_lock_t adopt_lock{};

template <class Mutex> class lock_guard {
public:
  typedef Mutex mutex_type;
  explicit lock_guard(mutex_type &m) : _M_device(m) { _M_device.lock(); }
  lock_guard(mutex_type &m, adopt_lock_t) noexcept : _M_device(m) {}
  ~lock_guard() { _M_device.unlock(); }
  lock_guard(const lock_guard &) = delete;
  lock_guard &operator=(const lock_guard &) = delete;

private:
  mutex_type &_M_device;
};

template <class Mutex> class unique_lock {
public:
  typedef Mutex mutex_type;

  unique_lock() noexcept : _M_device(nullptr), _M_owns(false) {}
  explicit unique_lock(mutex_type &m) : _M_device(__builtin_addressof(m)), _M_owns(false) {
    lock();
    _M_owns = true;
  }
  unique_lock(mutex_type &m, defer_lock_t) noexcept : _M_device(__builtin_addressof(m)), _M_owns(false) {}
  unique_lock(mutex_type &m, try_to_lock_t) : _M_device(__builtin_addressof(m)), _M_owns(_M_device->try_lock()) {}
  unique_lock(mutex_type &m, adopt_lock_t) noexcept : _M_device(__builtin_addressof(m)), _M_owns(true) {}
  template <class Clock, class Duration>
  unique_lock(mutex_type &m, const chrono::time_point<Clock, Duration> &atime)
      : _M_device(__builtin_addressof(m)), _M_owns(_M_device->try_lock_until(atime)) {}
  template <class Rep, class Period>
  unique_lock(mutex_type &m, const chrono::duration<Rep, Period> &rtime)
      : _M_device(__builtin_addressof(m)), _M_owns(_M_device->try_lock_for(rtime)) {}
  ~unique_lock() {
    if (_M_owns)
      unlock();
  }
  unique_lock(const unique_lock &) = delete;
  unique_lock &operator=(const unique_lock &) = delete;
  unique_lock(unique_lock &&u) noexcept : _M_device(u._M_device), _M_owns(u._M_owns) {
    u._M_device = nullptr;
    u._M_owns = false;
  }
  unique_lock &operator=(unique_lock &&u) noexcept {
    if (_M_owns)
      unlock();
    unique_lock(std::move(u)).swap(*this);
    return *this;
  }

  void lock() {
    _M_device->lock();
    _M_owns = true;
  }
  __TM_NODISCARD bool try_lock() { return _M_owns = _M_device->try_lock(); }
  template <class Clock, class Duration> __TM_NODISCARD bool try_lock_until(const chrono::time_point<Clock, Duration> &t) {
    return _M_owns = _M_device->try_lock_until(t);
  }
  template <class Rep, class Period> __TM_NODISCARD bool try_lock_for(const chrono::duration<Rep, Period> &d) {
    return _M_owns = _M_device->try_lock_for(d);
  }
  void unlock() {
    _M_device->unlock();
    _M_owns = false;
  }
  void swap(unique_lock &u) noexcept {
    std::swap(_M_device, u._M_device);
    std::swap(_M_owns, u._M_owns);
  }
  mutex_type *release() noexcept {
    mutex_type *r = _M_device;
    _M_device = nullptr;
    _M_owns = false;
    return r;
  }
  __TM_NODISCARD bool owns_lock() const noexcept { return _M_owns; }
  explicit operator bool() const noexcept { return _M_owns; }
  __TM_NODISCARD mutex_type *mutex() const noexcept { return _M_device; }

private:
  mutex_type *_M_device;
  bool _M_owns;
};
template <class Mutex> void swap(unique_lock<Mutex> &a, unique_lock<Mutex> &b) noexcept { a.swap(b); }
} // namespace std

#endif
