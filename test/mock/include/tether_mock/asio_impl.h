// Tether mock: shared implementation of standalone Asio (namespace asio) and
// Boost.Asio (namespace boost::asio). Not include-guarded on purpose: the
// wrappers <asio.hpp> and <boost/asio.hpp> each include it once with their own
//   TETHER_ASIO_NS_BEGIN / TETHER_ASIO_NS_END / TETHER_ASIO_NS (qualified)
//   TETHER_ASIO_ERROR_CODE   (std::error_code / boost::system::error_code)
//   TETHER_ASIO_NO_DEPRECATED (defined if ASIO_NO_DEPRECATED / BOOST_ASIO_NO_DEPRECATED)
//
// Shapes follow Asio 1.22 / Boost.Asio 1.74+: post/dispatch/defer have three
// overloads (token only; const Executor&; ExecutionContext&), constrained like
// the real ones with a trailing defaulted parameter; the result type is
// async_result<decay_t<Token>, Signature>::return_type (void for a plain
// handler or detached, std::future<T> for use_future, awaitable<T> for
// use_awaitable).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <tuple>
#include <type_traits>
#include <utility>
#if defined(TETHER_MOCK_HAS_COROUTINES)
#include <coroutine>
#endif

TETHER_ASIO_NS_BEGIN

namespace detail {
typedef TETHER_ASIO_ERROR_CODE error_code_type;

template <class T, class = void> struct has_execute : std::false_type {};
template <class T>
struct has_execute<T, std::void_t<decltype(std::declval<const T &>().execute(std::declval<void (*)()>()))>>
    : std::true_type {};
template <class T, class = void> struct has_ts_executor_ops : std::false_type {};
template <class T>
struct has_ts_executor_ops<T, std::void_t<decltype(std::declval<const T &>().context()),
                                          decltype(std::declval<const T &>().on_work_started())>> : std::true_type {};

// Completion-signature -> value type (the leading error_code/exception_ptr is
// reported by throwing, as use_future/use_awaitable do).
template <class... Args> struct value_of { typedef std::tuple<Args...> type; };
template <> struct value_of<> { typedef void type; };
template <class T> struct value_of<T> { typedef T type; };
template <> struct value_of<error_code_type> { typedef void type; };
template <class T> struct value_of<error_code_type, T> { typedef T type; };
template <> struct value_of<std::exception_ptr> { typedef void type; };
template <class T> struct value_of<std::exception_ptr, T> { typedef T type; };

template <class R> R make_result() { return R(); }

template <typename Dispatcher, typename Handler> class wrapped_handler {
public:
  wrapped_handler(Dispatcher d, Handler h) : dispatcher_(d), handler_(std::move(h)) {}
  template <class... Args> void operator()(Args &&...args) { (void)sizeof...(args); }
  Dispatcher dispatcher_;
  Handler handler_;
};
} // namespace detail

// --- execution context / executor traits -----------------------------------------
class execution_context {
public:
  class service;
  execution_context();
  ~execution_context();
  execution_context(const execution_context &) = delete;
  execution_context &operator=(const execution_context &) = delete;
  enum fork_event { fork_prepare, fork_parent, fork_child };
  void notify_fork(fork_event event);

protected:
  void shutdown();
  void destroy();
};

namespace execution {
template <class T> struct is_executor : detail::has_execute<T> {};
} // namespace execution
template <class T> struct is_executor : detail::has_ts_executor_ops<T> {};

namespace detail {
template <class T>
using is_any_executor = std::integral_constant<bool, execution::is_executor<T>::value || is_executor<T>::value>;
template <class T>
using is_execution_context = std::is_convertible<T &, execution_context &>;
} // namespace detail

// --- completion tokens / async_result -----------------------------------------------
template <typename CompletionToken, typename... Signatures> class async_result {
public:
  typedef CompletionToken completion_handler_type;
  typedef void return_type;
};

class detached_t {
public:
  constexpr detached_t() {}
};
constexpr detached_t detached;

template <typename Allocator = std::allocator<void>> class use_future_t {
public:
  typedef Allocator allocator_type;
  constexpr use_future_t() {}
  explicit use_future_t(const Allocator &) {}
  allocator_type get_allocator() const { return allocator_type(); }
};
constexpr use_future_t<> use_future;

template <typename Allocator, typename R, typename... Args> class async_result<use_future_t<Allocator>, R(Args...)> {
public:
  typedef std::future<typename detail::value_of<typename std::decay<Args>::type...>::type> return_type;
};

namespace detail {
template <class Token, class Signature>
using result_t = typename async_result<typename std::decay<Token>::type, Signature>::return_type;
}

// --- io_context ------------------------------------------------------------------------
class io_context : public execution_context {
public:
  template <typename Allocator, std::uintptr_t Bits> class basic_executor_type;
  typedef basic_executor_type<std::allocator<void>, 0> executor_type;
#if !defined(TETHER_ASIO_NO_DEPRECATED)
  class work;
  friend class work;
#endif
  class strand;
  typedef std::size_t count_type;

  io_context();
  explicit io_context(int concurrency_hint);
  ~io_context();
  executor_type get_executor() noexcept;
  count_type run();
  template <typename Rep, typename Period> std::size_t run_for(const std::chrono::duration<Rep, Period> &rel_time) {
    (void)rel_time;
    return 0;
  }
  template <typename Clock, typename Duration>
  std::size_t run_until(const std::chrono::time_point<Clock, Duration> &abs_time) {
    (void)abs_time;
    return 0;
  }
  count_type run_one();
  count_type poll();
  count_type poll_one();
  void stop();
  bool stopped() const;
  void restart();
#if !defined(TETHER_ASIO_NO_DEPRECATED)
  count_type run(detail::error_code_type &ec);
  count_type run_one(detail::error_code_type &ec);
  count_type poll(detail::error_code_type &ec);
  void reset();
  // Deprecated member functions, still present unless *_NO_DEPRECATED.
  template <typename LegacyCompletionHandler>
  detail::result_t<LegacyCompletionHandler, void()> dispatch(LegacyCompletionHandler &&handler) {
    (void)handler;
    return detail::make_result<detail::result_t<LegacyCompletionHandler, void()>>();
  }
  template <typename LegacyCompletionHandler>
  detail::result_t<LegacyCompletionHandler, void()> post(LegacyCompletionHandler &&handler) {
    (void)handler;
    return detail::make_result<detail::result_t<LegacyCompletionHandler, void()>>();
  }
  template <typename Handler> detail::wrapped_handler<io_context &, Handler> wrap(Handler handler) {
    return detail::wrapped_handler<io_context &, Handler>(*this, std::move(handler));
  }
#endif
};
#if !defined(TETHER_ASIO_NO_DEPRECATED)
typedef io_context io_service;
#endif

template <typename Allocator, std::uintptr_t Bits> class io_context::basic_executor_type {
  io_context *target_;
  friend class io_context;
  explicit basic_executor_type(io_context &i) noexcept : target_(&i) {}

public:
  basic_executor_type(const basic_executor_type &other) noexcept = default;
  basic_executor_type &operator=(const basic_executor_type &other) noexcept = default;
  io_context &context() const noexcept { return *target_; }
  void on_work_started() const noexcept {}
  void on_work_finished() const noexcept {}
  template <typename Function> void execute(Function &&f) const { (void)f; }
  template <typename Function, typename OtherAllocator> void dispatch(Function &&f, const OtherAllocator &a) const {
    (void)f, (void)a;
  }
  template <typename Function, typename OtherAllocator> void post(Function &&f, const OtherAllocator &a) const {
    (void)f, (void)a;
  }
  template <typename Function, typename OtherAllocator> void defer(Function &&f, const OtherAllocator &a) const {
    (void)f, (void)a;
  }
  bool running_in_this_thread() const noexcept;
  friend bool operator==(const basic_executor_type &a, const basic_executor_type &b) noexcept {
    return a.target_ == b.target_;
  }
  friend bool operator!=(const basic_executor_type &a, const basic_executor_type &b) noexcept {
    return a.target_ != b.target_;
  }
};
inline io_context::executor_type io_context::get_executor() noexcept { return executor_type(*this); }

#if !defined(TETHER_ASIO_NO_DEPRECATED)
class io_context::work {
  io_context *io_context_;

public:
  explicit work(io_context &io_context) : io_context_(&io_context) {}
  work(const work &other) : io_context_(other.io_context_) {}
  ~work() {}
  io_context &get_io_context() { return *io_context_; }
};
#endif

// Older strand API (io_context_strand.hpp).
class io_context::strand {
  io_context *io_context_;

public:
  explicit strand(io_context &io_context) : io_context_(&io_context) {}
  ~strand() {}
  io_context &context() const noexcept { return *io_context_; }
  void on_work_started() const noexcept {}
  void on_work_finished() const noexcept {}
  template <typename Function, typename Allocator> void dispatch(Function &&f, const Allocator &a) const {
    (void)f, (void)a;
  }
  template <typename Function, typename Allocator> void post(Function &&f, const Allocator &a) const {
    (void)f, (void)a;
  }
  template <typename Function, typename Allocator> void defer(Function &&f, const Allocator &a) const {
    (void)f, (void)a;
  }
#if !defined(TETHER_ASIO_NO_DEPRECATED)
  template <typename LegacyCompletionHandler>
  detail::result_t<LegacyCompletionHandler, void()> dispatch(LegacyCompletionHandler &&handler) {
    (void)handler;
    return detail::make_result<detail::result_t<LegacyCompletionHandler, void()>>();
  }
  template <typename LegacyCompletionHandler>
  detail::result_t<LegacyCompletionHandler, void()> post(LegacyCompletionHandler &&handler) {
    (void)handler;
    return detail::make_result<detail::result_t<LegacyCompletionHandler, void()>>();
  }
  template <typename Handler> detail::wrapped_handler<strand, Handler> wrap(Handler handler) {
    return detail::wrapped_handler<strand, Handler>(*this, std::move(handler));
  }
#endif
  bool running_in_this_thread() const noexcept;
  friend bool operator==(const strand &a, const strand &b) noexcept { return a.io_context_ == b.io_context_; }
  friend bool operator!=(const strand &a, const strand &b) noexcept { return a.io_context_ != b.io_context_; }
};

// --- thread_pool ---------------------------------------------------------------------------
// Real-API note: ~thread_pool() calls stop() and then join(): pending work that
// has not started is abandoned.
class thread_pool : public execution_context {
public:
  template <typename Allocator, unsigned int Bits> class basic_executor_type;
  typedef basic_executor_type<std::allocator<void>, 0> executor_type;
  typedef basic_executor_type<std::allocator<void>, 0> scheduler_type;

  thread_pool();
  explicit thread_pool(std::size_t num_threads);
  ~thread_pool();
  executor_type get_executor() noexcept;
  executor_type executor() noexcept;
  void stop();
  void attach();
  void join();
  void wait();
};

template <typename Allocator, unsigned int Bits> class thread_pool::basic_executor_type {
  thread_pool *pool_;
  friend class thread_pool;
  explicit basic_executor_type(thread_pool &p) noexcept : pool_(&p) {}

public:
  basic_executor_type(const basic_executor_type &other) noexcept = default;
  basic_executor_type &operator=(const basic_executor_type &other) noexcept = default;
  thread_pool &context() const noexcept { return *pool_; }
  void on_work_started() const noexcept {}
  void on_work_finished() const noexcept {}
  template <typename Function> void execute(Function &&f) const { (void)f; }
  template <typename Function, typename OtherAllocator> void dispatch(Function &&f, const OtherAllocator &a) const {
    (void)f, (void)a;
  }
  template <typename Function, typename OtherAllocator> void post(Function &&f, const OtherAllocator &a) const {
    (void)f, (void)a;
  }
  template <typename Function, typename OtherAllocator> void defer(Function &&f, const OtherAllocator &a) const {
    (void)f, (void)a;
  }
  bool running_in_this_thread() const noexcept;
  friend bool operator==(const basic_executor_type &a, const basic_executor_type &b) noexcept {
    return a.pool_ == b.pool_;
  }
  friend bool operator!=(const basic_executor_type &a, const basic_executor_type &b) noexcept {
    return a.pool_ != b.pool_;
  }
};
inline thread_pool::executor_type thread_pool::get_executor() noexcept { return executor_type(*this); }
inline thread_pool::executor_type thread_pool::executor() noexcept { return executor_type(*this); }

// --- any_io_executor -------------------------------------------------------------------------
class any_io_executor {
  std::shared_ptr<void> target_;

public:
  any_io_executor() noexcept {}
  any_io_executor(std::nullptr_t) noexcept {}
  any_io_executor(const any_io_executor &e) noexcept = default;
  any_io_executor(any_io_executor &&e) noexcept = default;
  template <typename Executor,
            typename = typename std::enable_if<!std::is_same<typename std::decay<Executor>::type, any_io_executor>::value &&
                                               detail::is_any_executor<typename std::decay<Executor>::type>::value>::type>
  any_io_executor(Executor e) {
    (void)e;
  }
  any_io_executor &operator=(const any_io_executor &e) noexcept = default;
  any_io_executor &operator=(any_io_executor &&e) noexcept = default;
  ~any_io_executor() {}
  template <typename Function> void execute(Function &&f) const { (void)f; }
  template <typename Executor> Executor *target() noexcept { return nullptr; }
  explicit operator bool() const noexcept { return static_cast<bool>(target_); }
  friend bool operator==(const any_io_executor &a, const any_io_executor &b) noexcept { return a.target_ == b.target_; }
  friend bool operator!=(const any_io_executor &a, const any_io_executor &b) noexcept { return a.target_ != b.target_; }
};

// --- strand<Executor> ------------------------------------------------------------------------
template <typename Executor> class strand {
  Executor executor_;
  std::shared_ptr<void> impl_;
  template <typename> friend class strand;

public:
  typedef Executor inner_executor_type;

  strand() : executor_(), impl_() {}
  template <typename Executor1,
            typename = typename std::enable_if<std::is_convertible<Executor1, Executor>::value>::type>
  explicit strand(const Executor1 &e) : executor_(e), impl_() {}
  strand(const strand &other) noexcept = default;
  template <class OtherExecutor> strand(const strand<OtherExecutor> &other) noexcept : executor_(other.executor_) {}
  strand &operator=(const strand &other) noexcept = default;
  strand(strand &&other) noexcept = default;
  strand &operator=(strand &&other) noexcept = default;
  ~strand() {}
  inner_executor_type get_inner_executor() const noexcept { return executor_; }
  execution_context &context() const noexcept { return executor_.context(); }
  void on_work_started() const noexcept {}
  void on_work_finished() const noexcept {}
  template <typename Function> void execute(Function &&f) const { (void)f; }
  template <typename Function, typename Allocator> void dispatch(Function &&f, const Allocator &a) const {
    (void)f, (void)a;
  }
  template <typename Function, typename Allocator> void post(Function &&f, const Allocator &a) const {
    (void)f, (void)a;
  }
  template <typename Function, typename Allocator> void defer(Function &&f, const Allocator &a) const {
    (void)f, (void)a;
  }
  bool running_in_this_thread() const noexcept;
  friend bool operator==(const strand &a, const strand &b) noexcept { return a.impl_ == b.impl_; }
  friend bool operator!=(const strand &a, const strand &b) noexcept { return a.impl_ != b.impl_; }
};

template <typename Executor>
inline strand<Executor>
make_strand(const Executor &ex,
            typename std::enable_if<detail::is_any_executor<Executor>::value, int>::type = 0) {
  return strand<Executor>(ex);
}
template <typename ExecutionContext>
inline strand<typename ExecutionContext::executor_type>
make_strand(ExecutionContext &ctx,
            typename std::enable_if<detail::is_execution_context<ExecutionContext>::value, int>::type = 0) {
  return strand<typename ExecutionContext::executor_type>(ctx.get_executor());
}

// --- executor_work_guard / bind_executor -------------------------------------------------------
template <typename Executor> class executor_work_guard {
  Executor executor_;
  bool owns_;

public:
  typedef Executor executor_type;
  explicit executor_work_guard(const executor_type &e) noexcept : executor_(e), owns_(true) {}
  executor_work_guard(const executor_work_guard &other) noexcept = default;
  executor_work_guard(executor_work_guard &&other) noexcept = default;
  ~executor_work_guard() {}
  executor_type get_executor() const noexcept { return executor_; }
  bool owns_work() const noexcept { return owns_; }
  void reset() noexcept { owns_ = false; }
};
template <typename Executor>
inline executor_work_guard<Executor>
make_work_guard(const Executor &ex,
                typename std::enable_if<detail::is_any_executor<Executor>::value, int>::type = 0) {
  return executor_work_guard<Executor>(ex);
}
template <typename ExecutionContext>
inline executor_work_guard<typename ExecutionContext::executor_type>
make_work_guard(ExecutionContext &ctx,
                typename std::enable_if<detail::is_execution_context<ExecutionContext>::value, int>::type = 0) {
  return executor_work_guard<typename ExecutionContext::executor_type>(ctx.get_executor());
}

template <typename T, typename Executor> class executor_binder {
  Executor executor_;
  T target_;

public:
  typedef T target_type;
  typedef Executor executor_type;
  template <typename U> executor_binder(int, const executor_type &e, U &&u) : executor_(e), target_(std::forward<U>(u)) {}
  target_type &get() noexcept { return target_; }
  executor_type get_executor() const noexcept { return executor_; }
  template <typename... Args> std::invoke_result_t<T &, Args...> operator()(Args &&...args) {
    return std::invoke(target_, std::forward<Args>(args)...);
  }
};
template <typename Executor, typename T>
inline executor_binder<typename std::decay<T>::type, Executor>
bind_executor(const Executor &ex, T &&t,
              typename std::enable_if<detail::is_any_executor<Executor>::value, int>::type = 0) {
  return executor_binder<typename std::decay<T>::type, Executor>(0, ex, std::forward<T>(t));
}
template <typename ExecutionContext, typename T>
inline executor_binder<typename std::decay<T>::type, typename ExecutionContext::executor_type>
bind_executor(ExecutionContext &ctx, T &&t,
              typename std::enable_if<detail::is_execution_context<ExecutionContext>::value, int>::type = 0) {
  return executor_binder<typename std::decay<T>::type, typename ExecutionContext::executor_type>(
      0, ctx.get_executor(), std::forward<T>(t));
}

// --- post / dispatch / defer -------------------------------------------------------------------
#define __TM_ASIO_SUBMIT(NAME)                                                                                         \
  template <typename NullaryToken> detail::result_t<NullaryToken, void()> NAME(NullaryToken &&token) {                 \
    (void)token;                                                                                                       \
    return detail::make_result<detail::result_t<NullaryToken, void()>>();                                             \
  }                                                                                                                    \
  template <typename Executor, typename NullaryToken>                                                                  \
  detail::result_t<NullaryToken, void()> NAME(                                                                         \
      const Executor &ex, NullaryToken &&token,                                                                        \
      typename std::enable_if<detail::is_any_executor<Executor>::value, int>::type = 0) {                              \
    (void)ex;                                                                                                          \
    (void)token;                                                                                                       \
    return detail::make_result<detail::result_t<NullaryToken, void()>>();                                             \
  }                                                                                                                    \
  template <typename ExecutionContext, typename NullaryToken>                                                          \
  detail::result_t<NullaryToken, void()> NAME(                                                                         \
      ExecutionContext &ctx, NullaryToken &&token,                                                                     \
      typename std::enable_if<detail::is_execution_context<ExecutionContext>::value, int>::type = 0) {                 \
    (void)ctx;                                                                                                         \
    (void)token;                                                                                                       \
    return detail::make_result<detail::result_t<NullaryToken, void()>>();                                             \
  }
__TM_ASIO_SUBMIT(post)
__TM_ASIO_SUBMIT(dispatch)
__TM_ASIO_SUBMIT(defer)
#undef __TM_ASIO_SUBMIT

// --- timers and signals ------------------------------------------------------------------------
template <typename Clock> struct wait_traits {
  static typename Clock::duration to_wait_duration(const typename Clock::duration &d) { return d; }
};

template <typename Clock, typename WaitTraits = wait_traits<Clock>, typename Executor = any_io_executor>
class basic_waitable_timer {
  Executor executor_;

public:
  typedef Executor executor_type;
  typedef Clock clock_type;
  typedef typename Clock::duration duration;
  typedef typename Clock::time_point time_point;
  typedef WaitTraits traits_type;

  explicit basic_waitable_timer(const executor_type &ex) : executor_(ex) {}
  template <typename ExecutionContext>
  explicit basic_waitable_timer(
      ExecutionContext &context,
      typename std::enable_if<detail::is_execution_context<ExecutionContext>::value, int>::type = 0)
      : executor_(context.get_executor()) {}
  basic_waitable_timer(const executor_type &ex, const time_point &expiry_time) : executor_(ex) { (void)expiry_time; }
  template <typename ExecutionContext>
  basic_waitable_timer(
      ExecutionContext &context, const time_point &expiry_time,
      typename std::enable_if<detail::is_execution_context<ExecutionContext>::value, int>::type = 0)
      : executor_(context.get_executor()) {
    (void)expiry_time;
  }
  basic_waitable_timer(const executor_type &ex, const duration &expiry_time) : executor_(ex) { (void)expiry_time; }
  template <typename ExecutionContext>
  basic_waitable_timer(
      ExecutionContext &context, const duration &expiry_time,
      typename std::enable_if<detail::is_execution_context<ExecutionContext>::value, int>::type = 0)
      : executor_(context.get_executor()) {
    (void)expiry_time;
  }
  basic_waitable_timer(basic_waitable_timer &&other) = default;
  basic_waitable_timer(const basic_waitable_timer &) = delete;
  basic_waitable_timer &operator=(const basic_waitable_timer &) = delete;
  ~basic_waitable_timer() {}

  executor_type get_executor() noexcept { return executor_; }
  std::size_t cancel();
  std::size_t cancel_one();
  time_point expiry() const;
  std::size_t expires_at(const time_point &expiry_time);
  std::size_t expires_after(const duration &expiry_time);
  void wait();
  template <typename WaitToken>
  detail::result_t<WaitToken, void(detail::error_code_type)> async_wait(WaitToken &&token) {
    (void)token;
    return detail::make_result<detail::result_t<WaitToken, void(detail::error_code_type)>>();
  }
};
typedef basic_waitable_timer<std::chrono::steady_clock> steady_timer;
typedef basic_waitable_timer<std::chrono::system_clock> system_timer;
typedef basic_waitable_timer<std::chrono::high_resolution_clock> high_resolution_timer;

template <typename Executor = any_io_executor> class basic_signal_set {
  Executor executor_;

public:
  typedef Executor executor_type;
  explicit basic_signal_set(const executor_type &ex) : executor_(ex) {}
  template <typename ExecutionContext>
  explicit basic_signal_set(
      ExecutionContext &context,
      typename std::enable_if<detail::is_execution_context<ExecutionContext>::value, int>::type = 0)
      : executor_(context.get_executor()) {}
  basic_signal_set(const executor_type &ex, int signal_number_1) : executor_(ex) { (void)signal_number_1; }
  template <typename ExecutionContext>
  basic_signal_set(
      ExecutionContext &context, int signal_number_1,
      typename std::enable_if<detail::is_execution_context<ExecutionContext>::value, int>::type = 0)
      : executor_(context.get_executor()) {
    (void)signal_number_1;
  }
  template <typename ExecutionContext>
  basic_signal_set(
      ExecutionContext &context, int signal_number_1, int signal_number_2,
      typename std::enable_if<detail::is_execution_context<ExecutionContext>::value, int>::type = 0)
      : executor_(context.get_executor()) {
    (void)signal_number_1, (void)signal_number_2;
  }
  ~basic_signal_set() {}
  executor_type get_executor() noexcept { return executor_; }
  void add(int signal_number);
  void remove(int signal_number);
  void clear();
  void cancel();
  template <typename SignalToken>
  detail::result_t<SignalToken, void(detail::error_code_type, int)> async_wait(SignalToken &&token) {
    (void)token;
    return detail::make_result<detail::result_t<SignalToken, void(detail::error_code_type, int)>>();
  }
};
typedef basic_signal_set<> signal_set;

// --- coroutines: awaitable, use_awaitable, this_coro, co_spawn ---------------------------------
#if defined(TETHER_MOCK_HAS_COROUTINES)
template <typename T, typename Executor = any_io_executor> class awaitable;

namespace this_coro {
struct executor_t {
  constexpr executor_t() {}
};
constexpr executor_t executor;
} // namespace this_coro

namespace detail {
template <typename T, typename Executor> class awaitable_frame;

template <typename Executor> struct executor_awaiter {
  Executor ex;
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<void>) noexcept {}
  Executor await_resume() const noexcept { return ex; }
};

template <typename T, typename Executor> class awaitable_frame_base {
public:
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_always final_suspend() noexcept { return {}; }
  void unhandled_exception() { pending_exception_ = std::current_exception(); }
  // Like the real frame, only asio awaitables (and this_coro tokens) can be
  // co_await-ed inside an asio::awaitable coroutine.
  template <typename U> awaitable<U, Executor> await_transform(awaitable<U, Executor> a) const { return a; }
  executor_awaiter<Executor> await_transform(this_coro::executor_t) noexcept { return executor_awaiter<Executor>{Executor()}; }

protected:
  std::exception_ptr pending_exception_;
};

template <typename T, typename Executor> class awaitable_frame : public awaitable_frame_base<T, Executor> {
public:
  awaitable<T, Executor> get_return_object() noexcept;
  template <typename U> void return_value(U &&u) { (void)u; }
};
template <typename Executor> class awaitable_frame<void, Executor> : public awaitable_frame_base<void, Executor> {
public:
  awaitable<void, Executor> get_return_object() noexcept;
  void return_void() {}
};

template <typename T> struct awaitable_signature;
template <typename T, typename Executor> struct awaitable_signature<awaitable<T, Executor>> {
  typedef void type(std::exception_ptr, T);
};
template <typename Executor> struct awaitable_signature<awaitable<void, Executor>> {
  typedef void type(std::exception_ptr);
};
} // namespace detail

template <typename T, typename Executor> class awaitable {
public:
  typedef T value_type;
  typedef Executor executor_type;

  constexpr awaitable() noexcept : frame_(nullptr) {}
  awaitable(awaitable &&other) noexcept : frame_(std::exchange(other.frame_, nullptr)) {}
  ~awaitable() {}
  awaitable &operator=(awaitable &&other) noexcept {
    if (this != &other)
      frame_ = std::exchange(other.frame_, nullptr);
    return *this;
  }
  bool valid() const noexcept { return !!frame_; }

  bool await_ready() const noexcept { return false; }
  template <class U> void await_suspend(std::coroutine_handle<detail::awaitable_frame<U, Executor>> h) { (void)h; }
  T await_resume() { __builtin_unreachable(); }

private:
  template <typename, typename> friend class detail::awaitable_frame;
  awaitable(const awaitable &) = delete;
  awaitable &operator=(const awaitable &) = delete;
  explicit awaitable(detail::awaitable_frame<T, Executor> *a) : frame_(a) {}
  detail::awaitable_frame<T, Executor> *frame_;
};

namespace detail {
template <typename T, typename Executor>
awaitable<T, Executor> awaitable_frame<T, Executor>::get_return_object() noexcept {
  return awaitable<T, Executor>(this);
}
template <typename Executor>
awaitable<void, Executor> awaitable_frame<void, Executor>::get_return_object() noexcept {
  return awaitable<void, Executor>(this);
}
} // namespace detail

template <typename Executor = any_io_executor> struct use_awaitable_t {
  constexpr use_awaitable_t() {}
  typedef Executor executor_type;
};
constexpr use_awaitable_t<> use_awaitable;

template <typename Executor, typename R, typename... Args> class async_result<use_awaitable_t<Executor>, R(Args...)> {
public:
  typedef awaitable<typename detail::value_of<typename std::decay<Args>::type...>::type, Executor> return_type;
};

// co_spawn: the six overloads of the real header (awaitable<T> / awaitable<void>
// / nullary function returning an awaitable; each on an executor or a context).
template <typename Executor, typename T, typename AwaitableExecutor, typename CompletionToken>
inline detail::result_t<CompletionToken, void(std::exception_ptr, T)>
co_spawn(const Executor &ex, awaitable<T, AwaitableExecutor> a, CompletionToken &&token,
         typename std::enable_if<detail::is_any_executor<Executor>::value &&
                                     std::is_convertible<Executor, AwaitableExecutor>::value,
                                 int>::type = 0) {
  (void)ex, (void)a, (void)token;
  return detail::make_result<detail::result_t<CompletionToken, void(std::exception_ptr, T)>>();
}
template <typename Executor, typename AwaitableExecutor, typename CompletionToken>
inline detail::result_t<CompletionToken, void(std::exception_ptr)>
co_spawn(const Executor &ex, awaitable<void, AwaitableExecutor> a, CompletionToken &&token,
         typename std::enable_if<detail::is_any_executor<Executor>::value &&
                                     std::is_convertible<Executor, AwaitableExecutor>::value,
                                 int>::type = 0) {
  (void)ex, (void)a, (void)token;
  return detail::make_result<detail::result_t<CompletionToken, void(std::exception_ptr)>>();
}
template <typename ExecutionContext, typename T, typename AwaitableExecutor, typename CompletionToken>
inline detail::result_t<CompletionToken, void(std::exception_ptr, T)>
co_spawn(ExecutionContext &ctx, awaitable<T, AwaitableExecutor> a, CompletionToken &&token,
         typename std::enable_if<detail::is_execution_context<ExecutionContext>::value &&
                                     std::is_convertible<typename ExecutionContext::executor_type,
                                                         AwaitableExecutor>::value,
                                 int>::type = 0) {
  (void)ctx, (void)a, (void)token;
  return detail::make_result<detail::result_t<CompletionToken, void(std::exception_ptr, T)>>();
}
template <typename ExecutionContext, typename AwaitableExecutor, typename CompletionToken>
inline detail::result_t<CompletionToken, void(std::exception_ptr)>
co_spawn(ExecutionContext &ctx, awaitable<void, AwaitableExecutor> a, CompletionToken &&token,
         typename std::enable_if<detail::is_execution_context<ExecutionContext>::value &&
                                     std::is_convertible<typename ExecutionContext::executor_type,
                                                         AwaitableExecutor>::value,
                                 int>::type = 0) {
  (void)ctx, (void)a, (void)token;
  return detail::make_result<detail::result_t<CompletionToken, void(std::exception_ptr)>>();
}
template <typename Executor, typename F, typename CompletionToken>
detail::result_t<CompletionToken, typename detail::awaitable_signature<std::invoke_result_t<F>>::type>
co_spawn(const Executor &ex, F &&f, CompletionToken &&token,
         typename std::enable_if<detail::is_any_executor<Executor>::value, int>::type = 0) {
  (void)ex, (void)f, (void)token;
  return detail::make_result<
      detail::result_t<CompletionToken, typename detail::awaitable_signature<std::invoke_result_t<F>>::type>>();
}
template <typename ExecutionContext, typename F, typename CompletionToken>
detail::result_t<CompletionToken, typename detail::awaitable_signature<std::invoke_result_t<F>>::type>
co_spawn(ExecutionContext &ctx, F &&f, CompletionToken &&token,
         typename std::enable_if<detail::is_execution_context<ExecutionContext>::value, int>::type = 0) {
  (void)ctx, (void)f, (void)token;
  return detail::make_result<
      detail::result_t<CompletionToken, typename detail::awaitable_signature<std::invoke_result_t<F>>::type>>();
}
#endif // TETHER_MOCK_HAS_COROUTINES

TETHER_ASIO_NS_END

#if defined(TETHER_MOCK_HAS_COROUTINES)
namespace std {
template <typename T, typename Executor, typename... Args>
struct coroutine_traits<TETHER_ASIO_NS::awaitable<T, Executor>, Args...> {
  typedef TETHER_ASIO_NS::detail::awaitable_frame<T, Executor> promise_type;
};
} // namespace std
#endif
