// Tether mock <boost/thread/scoped_thread.hpp> (hermetic). Note: the real
// <boost/thread.hpp> does NOT include this header.
#ifndef TETHER_MOCK_BOOST_THREAD_SCOPED_THREAD_HPP
#define TETHER_MOCK_BOOST_THREAD_SCOPED_THREAD_HPP
#include <boost/thread/thread_functors.hpp>
#include <boost/thread/thread_only.hpp>
#include <type_traits>
#include <utility>

namespace boost {
template <class CallableThread = join_if_joinable, class Thread = ::boost::thread> class strict_scoped_thread {
  Thread t_;

public:
  strict_scoped_thread(const strict_scoped_thread &) = delete;
  strict_scoped_thread &operator=(const strict_scoped_thread &) = delete;
  template <class F, class... Args,
            typename = typename std::enable_if<!std::is_same<typename std::decay<F>::type, Thread>::value>::type>
  explicit strict_scoped_thread(F &&f, Args &&...args) : t_(std::forward<F>(f), std::forward<Args>(args)...) {}
  explicit strict_scoped_thread(Thread &&t) noexcept : t_(std::move(t)) {}
  ~strict_scoped_thread() {
    CallableThread on_destructor;
    on_destructor(t_);
  }
};

template <class CallableThread = join_if_joinable, class Thread = ::boost::thread> class scoped_thread {
  Thread t_;

public:
  typedef typename Thread::id id;
  typedef typename Thread::native_handle_type native_handle_type;

  scoped_thread() noexcept : t_() {}
  scoped_thread(const scoped_thread &) = delete;
  scoped_thread &operator=(const scoped_thread &) = delete;
  template <class F, class... Args,
            typename = typename std::enable_if<!std::is_same<typename std::decay<F>::type, Thread>::value>::type>
  explicit scoped_thread(F &&f, Args &&...args) : t_(std::forward<F>(f), std::forward<Args>(args)...) {}
  explicit scoped_thread(Thread &&t) noexcept : t_(std::move(t)) {}
  scoped_thread(scoped_thread &&x) noexcept : t_(std::move(x.t_)) {}
  ~scoped_thread() {
    CallableThread on_destructor;
    on_destructor(t_);
  }
  scoped_thread &operator=(scoped_thread &&x) {
    CallableThread on_destructor;
    on_destructor(t_);
    t_ = std::move(x.t_);
    return *this;
  }
  void swap(scoped_thread &t) noexcept { t_.swap(t.t_); }
  id get_id() const noexcept { return t_.get_id(); }
  void detach() { t_.detach(); }
  void join() { t_.join(); }
  bool joinable() const noexcept { return t_.joinable(); }
  native_handle_type native_handle() { return t_.native_handle(); }
  void interrupt() { t_.interrupt(); }
  bool interruption_requested() const noexcept { return t_.interruption_requested(); }
  static unsigned hardware_concurrency() noexcept { return Thread::hardware_concurrency(); }
};
} // namespace boost

#endif
