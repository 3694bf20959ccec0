// Self-test for Tether's hermetic mock system headers (test/mock/include).
//
// It #includes every public mock header and uses each mocked API the way the
// test corpus does. It must compile cleanly in three configurations:
//
//   Mocks, C++20:
//     clang++-19 -fsyntax-only -nostdinc -nostdinc++ -isystem test/mock/include \
//       -std=c++20 -Wall -Wextra test/mock/selftest.cpp
//   Mocks, strict C++17 library (no jthread/semaphore/latch/barrier/stop_token):
//     clang++-19 -fsyntax-only -nostdinc -nostdinc++ -isystem test/mock/include \
//       -std=c++17 -Wall -Wextra -DTETHER_MOCK_NO_CXX20 test/mock/selftest.cpp
//   Real system headers (libstdc++, glibc, Boost, Asio), to check that the mocks
//   mirror reality. libdill/libtask/cpp-channel are not installed and are
//   skipped. Real Asio only enables coroutines under clang when told to, and
//   real standalone Asio 1.22 and Boost.Asio 1.74 cannot share a translation
//   unit, so the real-header check is run twice:
//     clang++-19 -fsyntax-only -std=c++20 -Wall -Wextra -DTETHER_SELFTEST_REAL_HEADERS \
//       -DTETHER_SELFTEST_NO_BOOST_ASIO -DASIO_HAS_CO_AWAIT test/mock/selftest.cpp
//     clang++-19 -fsyntax-only -std=c++20 -Wall -Wextra -DTETHER_SELFTEST_REAL_HEADERS \
//       -DTETHER_SELFTEST_NO_STANDALONE_ASIO -DBOOST_ASIO_HAS_CO_AWAIT test/mock/selftest.cpp
//   (and the same with -std=c++17, without the *_HAS_CO_AWAIT macros).
//
// The Asio part is written once and compiled twice (namespace asio and
// boost::asio) by re-including this file with TETHER_SELFTEST_ASIO_PART.

#if !defined(TETHER_SELFTEST_ASIO_PART)

// C++20 library features are exercised only in C++20 mode, and not when the
// mocks are asked to behave like a C++17 library.
#if __cplusplus >= 202002L && !defined(TETHER_MOCK_NO_CXX20)
#define TETHER_SELFTEST_CXX20 1
#endif

// ---- C headers ------------------------------------------------------------------
#include <arpa/inet.h>
#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

// ---- C++ standard library ---------------------------------------------------------
#include <algorithm>
#include <array>
#include <atomic>
#include <cassert>
#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <climits>
#include <cmath>
#include <condition_variable>
#include <csignal>
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <deque>
#include <exception>
#include <execution>
#include <fstream>
#include <functional>
#include <future>
#include <initializer_list>
#include <iomanip>
#include <ios>
#include <iosfwd>
#include <iostream>
#include <istream>
#include <iterator>
#include <limits>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <numeric>
#include <optional>
#include <ostream>
#include <queue>
#include <ratio>
#include <set>
#include <shared_mutex>
#include <sstream>
#include <stack>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <tuple>
#include <type_traits>
#include <typeinfo>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>
#if defined(TETHER_SELFTEST_CXX20)
#include <barrier>
#include <coroutine>
#include <latch>
#include <semaphore>
#include <stop_token>
#endif

// ---- Boost -------------------------------------------------------------------------
#include <boost/chrono.hpp>
#include <boost/chrono/chrono.hpp>
#include <boost/chrono/duration.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/system_error.hpp>
#include <boost/thread.hpp>
#include <boost/thread/barrier.hpp>
#include <boost/thread/condition_variable.hpp>
#include <boost/thread/exceptions.hpp>
#include <boost/thread/lock_guard.hpp>
#include <boost/thread/lock_types.hpp>
#include <boost/thread/locks.hpp>
#include <boost/thread/mutex.hpp>
#include <boost/thread/once.hpp>
#include <boost/thread/recursive_mutex.hpp>
#include <boost/thread/scoped_thread.hpp>
#include <boost/thread/shared_mutex.hpp>
#include <boost/thread/thread.hpp>
#include <boost/thread/thread_functors.hpp>
#include <boost/thread/thread_only.hpp>

#include <boost/fiber/algo/algorithm.hpp>
#include <boost/fiber/algo/round_robin.hpp>
#include <boost/fiber/algo/shared_work.hpp>
#include <boost/fiber/algo/work_stealing.hpp>
#include <boost/fiber/all.hpp>
#include <boost/fiber/barrier.hpp>
#include <boost/fiber/buffered_channel.hpp>
#include <boost/fiber/channel_op_status.hpp>
#include <boost/fiber/condition_variable.hpp>
#include <boost/fiber/context.hpp>
#include <boost/fiber/exceptions.hpp>
#include <boost/fiber/fiber.hpp>
#include <boost/fiber/fixedsize_stack.hpp>
#include <boost/fiber/future.hpp>
#include <boost/fiber/future/async.hpp>
#include <boost/fiber/future/future.hpp>
#include <boost/fiber/future/future_status.hpp>
#include <boost/fiber/future/packaged_task.hpp>
#include <boost/fiber/future/promise.hpp>
#include <boost/fiber/mutex.hpp>
#include <boost/fiber/operations.hpp>
#include <boost/fiber/policy.hpp>
#include <boost/fiber/protected_fixedsize_stack.hpp>
#include <boost/fiber/recursive_mutex.hpp>
#include <boost/fiber/timed_mutex.hpp>
#include <boost/fiber/unbuffered_channel.hpp>

// ---- Asio (standalone and Boost) -----------------------------------------------------
#if !defined(TETHER_SELFTEST_NO_STANDALONE_ASIO)
#include <asio.hpp>
#include <asio/any_io_executor.hpp>
#include <asio/async_result.hpp>
#include <asio/basic_waitable_timer.hpp>
#include <asio/bind_executor.hpp>
#include <asio/defer.hpp>
#include <asio/detached.hpp>
#include <asio/dispatch.hpp>
#include <asio/error_code.hpp>
#include <asio/execution_context.hpp>
#include <asio/executor_work_guard.hpp>
#include <asio/high_resolution_timer.hpp>
#include <asio/io_context.hpp>
#include <asio/io_context_strand.hpp>
#include <asio/io_service.hpp>
#include <asio/post.hpp>
#include <asio/signal_set.hpp>
#include <asio/steady_timer.hpp>
#include <asio/strand.hpp>
#include <asio/system_timer.hpp>
#include <asio/thread_pool.hpp>
#include <asio/use_future.hpp>
#if defined(TETHER_SELFTEST_CXX20)
#include <asio/awaitable.hpp>
#include <asio/co_spawn.hpp>
#include <asio/this_coro.hpp>
#include <asio/use_awaitable.hpp>
#endif
#endif // !TETHER_SELFTEST_NO_STANDALONE_ASIO
#if !defined(TETHER_SELFTEST_NO_BOOST_ASIO)
#include <boost/asio.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/basic_waitable_timer.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/defer.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/execution_context.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/high_resolution_timer.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/io_context_strand.hpp>
#include <boost/asio/io_service.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/system_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_future.hpp>
#if defined(TETHER_SELFTEST_CXX20)
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#endif
#endif // !TETHER_SELFTEST_NO_BOOST_ASIO

// ---- Go-style channel libraries (mock only: not installed on this machine) -----------
#if defined(TETHER_SELFTEST_REAL_HEADERS) && !defined(TETHER_SELFTEST_SKIP_CHANNELS)
#define TETHER_SELFTEST_SKIP_CHANNELS 1
#endif
#if !defined(TETHER_SELFTEST_SKIP_CHANNELS)
#include <msd/blocking_iterator.hpp>
#include <msd/channel.hpp>
#include <msd/nodiscard.hpp>
#include <msd/static_channel.hpp>
#include <msd/storage.hpp>
#include <task.h>
// Mock-internal headers (normally reached transitively).
#include <tether_mock/c_config.h>
#include <tether_mock/char_traits.h>
#include <tether_mock/cxx_config.h>
#include <tether_mock/functional_hash.h>
#include <tether_mock/iterator_base.h>
#include <tether_mock/node_iterator.h>
#include <tether_mock/std_mutex.h>
// <libdill.h> is included at the very end: its raw-name macros (now, yield,
// go, ...) would clobber steady_clock::now() and this_thread::yield() below.
#endif

#if defined(TETHER_SELFTEST_REAL_HEADERS) && defined(TETHER_MOCK_HEADERS)
#error "TETHER_SELFTEST_REAL_HEADERS set but the mock headers were picked up"
#endif
#if !defined(TETHER_SELFTEST_REAL_HEADERS) && !defined(TETHER_MOCK_HEADERS)
#error "the mock headers were not picked up: pass -nostdinc -nostdinc++ -isystem test/mock/include"
#endif

using namespace std::chrono_literals;

// =====================================================================================
// C / POSIX
// =====================================================================================
namespace c_api {

struct Shared {
  pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
  int counter = 0;
};

void *worker(void *arg) {
  int *value = static_cast<int *>(arg);
  *value += 1;
  return nullptr;
}

void *locked_worker(void *arg) {
  Shared *s = static_cast<Shared *>(arg);
  pthread_mutex_lock(&s->mu);
  ++s->counter;
  pthread_mutex_unlock(&s->mu);
  pthread_exit(nullptr);
}

int pthreads() {
  pthread_t threads[4];
  int i = 0;
  for (int k = 0; k < 4; ++k)
    pthread_create(&threads[k], nullptr, worker, &i); // races on i: what the checks look for
  for (pthread_t t : threads)
    pthread_join(t, nullptr);

  Shared shared;
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_JOINABLE);
  pthread_t t2;
  if (pthread_create(&t2, &attr, locked_worker, &shared) == 0)
    pthread_detach(t2);
  pthread_attr_destroy(&attr);

  pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
  pthread_mutex_lock(&shared.mu);
  while (shared.counter == 0)
    pthread_cond_wait(&cv, &shared.mu);
  pthread_mutex_unlock(&shared.mu);
  pthread_cond_signal(&cv);
  pthread_cond_destroy(&cv);

  pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
  pthread_rwlock_rdlock(&rw);
  pthread_rwlock_unlock(&rw);
  pthread_key_t key;
  pthread_key_create(&key, nullptr);
  pthread_setspecific(key, &i);
  return i + static_cast<int>(pthread_equal(pthread_self(), t2));
}

int semaphores() {
  sem_t sem;
  sem_init(&sem, 0, 1);
  sem_wait(&sem);
  if (sem_trywait(&sem) != 0 && errno == EAGAIN) {
  }
  struct timespec deadline;
  clock_gettime(CLOCK_REALTIME, &deadline);
  deadline.tv_sec += 1;
  int rc = sem_timedwait(&sem, &deadline);
  sem_post(&sem);
  int value = 0;
  sem_getvalue(&sem, &value);
  sem_destroy(&sem);
  sem_t *named = sem_open("/tether", O_CREAT, 0600, 1);
  if (named != SEM_FAILED)
    sem_close(named);
  return rc + value;
}

long files() {
  FILE *f = fopen("/tmp/tether.txt", "w");
  if (!f)
    return -1;
  printf("%d %s\n", 1, "x");
  fprintf(f, "%ld\n", 2L);
  int fd = fileno(f);
  fclose(f);

  FILE *p = popen("ls", "r");
  char buf[64];
  if (p && fgets(buf, sizeof buf, p))
    puts(buf);
  if (p)
    pclose(p);

  FILE *t = tmpfile();
  if (t)
    fclose(t);
  FILE *m = fmemopen(buf, sizeof buf, "r");
  if (m)
    fclose(m);
  char *ms = nullptr;
  size_t ms_len = 0;
  FILE *os = open_memstream(&ms, &ms_len);
  if (os)
    fclose(os);
  free(ms);
  FILE *r = freopen("/tmp/tether.txt", "r", stdin);
  (void)r;

  int raw = open("/tmp/tether.txt", O_RDONLY | O_CLOEXEC);
  int at = openat(AT_FDCWD, "x", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int cr = creat("/tmp/tether2.txt", S_IRUSR | S_IWUSR);
  FILE *fd_stream = fdopen(dup(raw), "r");
  if (fd_stream)
    fclose(fd_stream);
  ssize_t n = read(raw, buf, sizeof buf);
  ssize_t w = write(at, buf, static_cast<size_t>(n > 0 ? n : 0));
  int pipefd[2];
  if (pipe(pipefd) == 0) {
    close(pipefd[0]);
    close(pipefd[1]);
  }
  int d2 = dup2(raw, 10);
  int d3 = dup3(raw, 11, O_CLOEXEC);
  close(raw);
  close(at);
  close(cr);
  close(d2);
  close(d3);
  usleep(1000);
  sleep(0);

  void *mem = malloc(16);
  memcpy(mem, "abc", 4);
  size_t len = strlen(static_cast<const char *>(mem));
  free(mem);
  return static_cast<long>(n + w) + fd + static_cast<long>(len);
}

int sockets() {
  int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int yes = 1;
  setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons(8080);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(s, reinterpret_cast<struct sockaddr *>(&addr), sizeof addr);
  listen(s, SOMAXCONN);
  int c = accept(s, nullptr, nullptr);
  int c4 = accept4(s, nullptr, nullptr, SOCK_NONBLOCK);
  int out = socket(AF_INET, SOCK_STREAM, 0);
  connect(out, reinterpret_cast<struct sockaddr *>(&addr), sizeof addr);
  int pair[2];
  socketpair(AF_UNIX, SOCK_STREAM, 0, pair);
  char b = 'x';
  ssize_t sent = send(pair[0], &b, 1, MSG_NOSIGNAL);
  ssize_t got = recv(pair[1], &b, 1, 0);
  close(pair[0]);
  close(pair[1]);
  close(c);
  close(c4);
  close(out);
  close(s);
  return static_cast<int>(sent + got);
}

int dirs() {
  int count = 0;
  DIR *d = opendir("/tmp");
  if (d) {
    while (struct dirent *e = readdir(d))
      count += e->d_name[0] == '.' ? 0 : 1;
    closedir(d);
  }
  DIR *d2 = fdopendir(open("/tmp", O_RDONLY | O_DIRECTORY));
  if (d2)
    closedir(d2);
  return count;
}

} // namespace c_api

// =====================================================================================
// std::thread, std::jthread, std::async and futures
// =====================================================================================
namespace std_threads {

struct Worker {
  int run(int x) { return x + 1; }
  void loop() {}
};

int compute(int x) { return x * 2; }

int threads() {
  int counter = 0;
  std::mutex mu;
  std::vector<std::thread> threads;
  threads.reserve(4);
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&counter, &mu, i] {
      std::lock_guard<std::mutex> lock(mu);
      counter += i;
    });
  for (auto &t : threads)
    t.join();

  std::thread t1([&counter] { ++counter; }); // unsynchronized: a race for the checks
  std::thread t2(compute, 21);
  Worker w;
  std::thread t3(&Worker::run, &w, 1);
  std::thread t4(&Worker::loop, std::ref(w));
  std::thread moved = std::move(t1);
  std::thread empty;
  empty = std::thread([] {});
  if (moved.joinable())
    moved.join();
  t2.detach();
  t3.join();
  t4.join();
  empty.join();
  std::thread::id id = std::this_thread::get_id();
  std::cout << "main thread " << id << " hw=" << std::thread::hardware_concurrency() << std::endl;
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  std::this_thread::sleep_for(100ms);
  std::this_thread::sleep_until(std::chrono::steady_clock::now() + 1ms);
  std::this_thread::yield();
  return counter;
}

#if defined(TETHER_SELFTEST_CXX20)
int jthreads() {
  std::atomic<int> ticks{0};
  std::jthread jt([&ticks](std::stop_token st) {
    while (!st.stop_requested())
      ++ticks;
  });
  std::jthread plain([&ticks] { ticks.fetch_add(1); });
  jt.request_stop();
  std::stop_source src = jt.get_stop_source();
  std::stop_token tok = src.get_token();
  std::stop_callback cb(tok, [] {});
  plain.join();
  return ticks.load() + (tok.stop_possible() ? 1 : 0) + static_cast<int>(std::jthread::hardware_concurrency());
}
#endif

int futures() {
  int shared = 0;
  auto f1 = std::async(std::launch::async, [&shared] { return ++shared; });
  auto f2 = std::async([](int x) { return x + 1; }, 41);
  auto f3 = std::async(std::launch::deferred, compute, 2);
  auto f4 = std::async(std::launch::async | std::launch::deferred, [] {});
  Worker w;
  std::future<int> f5 = std::async(&Worker::run, &w, 3);
  f3.wait();
  if (f2.wait_for(10ms) == std::future_status::ready) {
  }
  int total = f1.get() + f2.get() + f3.get() + f5.get();
  f4.get();

  std::promise<int> p;
  std::future<int> pf = p.get_future();
  std::thread producer([&p] { p.set_value(7); });
  std::shared_future<int> sf = pf.share();
  total += sf.get();
  producer.join();

  std::promise<void> ready;
  std::future<void> rf = ready.get_future();
  ready.set_value();
  rf.wait();

  std::packaged_task<int(int)> task([](int x) { return x * 3; });
  std::future<int> tf = task.get_future();
  std::thread runner(std::move(task), 5);
  runner.join();
  total += tf.get();
  std::packaged_task<int(int)> task2(compute);
  task2(1);
  return total + (tf.valid() ? 1 : 0);
}

} // namespace std_threads

// =====================================================================================
// Synchronization primitives and atomics
// =====================================================================================
namespace std_sync {

struct Account {
  mutable std::mutex mu;
  std::shared_mutex rw;
  std::condition_variable cv;
  std::queue<int> work;
  bool done = false;
  int balance = 0;
};

int locks(Account &a, Account &b) {
  {
    std::lock_guard<std::mutex> g(a.mu);
    a.balance += 1;
  }
  {
    std::unique_lock<std::mutex> l(a.mu, std::defer_lock);
    l.lock();
    a.work.push(1);
    l.unlock();
    a.cv.notify_one();
  }
  {
    std::scoped_lock both(a.mu, b.mu);
    std::swap(a.balance, b.balance);
  }
  {
    std::unique_lock<std::mutex> l(a.mu);
    a.cv.wait(l, [&a] { return !a.work.empty() || a.done; });
    if (a.cv.wait_for(l, 5ms) == std::cv_status::timeout) {
    }
    a.work.pop();
  }
  {
    std::shared_lock<std::shared_mutex> r(a.rw);
  }
  {
    std::unique_lock<std::shared_mutex> wl(a.rw);
  }
  std::lock(a.mu, b.mu);
  a.mu.unlock();
  b.mu.unlock();
  if (a.mu.try_lock())
    a.mu.unlock();
  std::recursive_mutex rm;
  std::lock_guard<std::recursive_mutex> rg(rm);
  std::timed_mutex tm;
  if (tm.try_lock_for(1ms))
    tm.unlock();
  static std::once_flag once;
  std::call_once(once, [&a] { a.done = true; });
  std::condition_variable_any cva;
  cva.notify_all();
  return a.balance + b.balance;
}

int atomics() {
  std::atomic<int> counter{0};
  counter++;
  ++counter;
  counter += 2;
  counter.fetch_add(1, std::memory_order_relaxed);
  counter.store(counter.load(std::memory_order_acquire) + 1, std::memory_order_release);
  int expected = 5;
  counter.compare_exchange_strong(expected, 6);
  std::atomic<bool> flag{false};
  flag.store(true);
  bool was = flag.exchange(false);
  std::atomic<long *> ptr{nullptr};
  long cell = 0;
  ptr.store(&cell);
  std::atomic_flag spin = ATOMIC_FLAG_INIT;
  while (spin.test_and_set(std::memory_order_acquire)) {
  }
  spin.clear(std::memory_order_release);
  std::atomic_size_t sz{0};
  sz.fetch_sub(0);
  std::atomic_thread_fence(std::memory_order_seq_cst);
  return counter.load() + (was ? 1 : 0) + static_cast<int>(*ptr.load());
}

#if defined(TETHER_SELFTEST_CXX20)
int cxx20_sync() {
  std::counting_semaphore<8> slots(8);
  std::binary_semaphore signal(0);
  slots.acquire();
  if (slots.try_acquire())
    slots.release();
  if (slots.try_acquire_for(5ms))
    slots.release(2);
  if (signal.try_acquire_until(std::chrono::steady_clock::now() + 1ms))
    signal.release();
  std::latch done(2);
  done.count_down();
  done.arrive_and_wait();
  done.wait();
  std::barrier sync_point(2, []() noexcept {});
  sync_point.arrive_and_wait();
  auto token = sync_point.arrive();
  sync_point.wait(std::move(token));
  return static_cast<int>(slots.max() > 0) + (done.try_wait() ? 1 : 0);
}

struct Generator {
  struct promise_type {
    int value = 0;
    Generator get_return_object() { return Generator{std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(int v) {
      value = v;
      return {};
    }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  std::coroutine_handle<promise_type> handle;
};

struct Awaitable {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) const { h.resume(); }
  int await_resume() const noexcept { return 1; }
};

Generator counter_coroutine() {
  int x = co_await Awaitable{};
  co_yield x;
  co_await std::suspend_never{};
}

int coroutines() {
  Generator g = counter_coroutine();
  g.handle.resume();
  int v = g.handle.promise().value;
  g.handle.destroy();
  return v;
}
#endif

} // namespace std_sync

// =====================================================================================
// Containers, strings, utilities
// =====================================================================================
namespace std_misc {

int containers() {
  std::vector<int> v{1, 2, 3};
  v.push_back(4);
  int lvalue = 5;
  v.push_back(lvalue);
  int &last = v.emplace_back(6);
  last += v.back() + v.front() + v[0];
  v.insert(v.begin(), 0);
  v.erase(v.begin());
  v.resize(10);
  v.reserve(20);
  for (int &x : v)
    x += 1;
  std::for_each(v.begin(), v.end(), [](int &x) { x *= 2; });
  auto it = std::find(v.begin(), v.end(), 4);
  int sum = std::accumulate(v.begin(), v.end(), 0);
  std::sort(v.begin(), v.end());
  std::vector<int> copy;
  std::copy(v.begin(), v.end(), std::back_inserter(copy));
  bool empty = v.empty();
  v.clear();

  std::vector<std::string> names;
  names.emplace_back("a");
  names.emplace_back(3, 'b');

  std::vector<bool> bits(8);
  bits[3] = true;

  std::list<int> l{1, 2};
  l.push_back(3);
  l.push_front(0);
  l.emplace_back(4);
  for (int x : l)
    sum += x;

  std::deque<std::string> dq;
  dq.push_back("x");
  dq.push_front("y");
  dq.emplace_back("z");
  dq.emplace_front(2, 'w');
  for (const auto &s : dq)
    sum += static_cast<int>(s.size());

  std::map<std::string, int> m;
  m["one"] = 1;
  m.emplace("two", 2);
  m.try_emplace("three", 3);
  m.insert({"four", 4});
  m.insert(std::make_pair(std::string("five"), 5));
  for (auto &[key, value] : m)
    sum += value + static_cast<int>(key.size());
  for (const auto &kv : m)
    sum += kv.second;
  if (m.find("one") != m.end() && m.count("two") == 1)
    sum += m.at("one");

  std::unordered_map<int, std::vector<int>> um;
  um[1].push_back(1);
  um.emplace(2, std::vector<int>{2});
  for (auto &[k, vals] : um)
    sum += k + static_cast<int>(vals.size());

  std::set<int> s{3, 1, 2};
  s.insert(4);
  std::unordered_set<std::string> us{"a"};
  us.insert("b");
  std::multimap<int, int> mm;
  mm.emplace(1, 1);

  std::array<int, 3> arr{1, 2, 3};
  for (int x : arr)
    sum += x;
  auto [a0, a1, a2] = arr;
  int carr[3] = {1, 2, 3};
  for (int x : carr)
    sum += x;
  for (int x : {7, 8, 9})
    sum += x;

  std::queue<int> q;
  q.push(1);
  q.emplace(2);
  sum += q.front();
  q.pop();
  std::stack<int> st;
  st.push(1);
  sum += st.top();
  st.pop();
  std::priority_queue<int> pq;
  pq.push(3);

  std::optional<int> opt = 3;
  if (opt)
    sum += *opt + opt.value_or(0);
  std::tuple<int, std::string> tup{1, "x"};
  auto [ti, ts] = tup;
  sum += std::get<0>(tup) + ti + static_cast<int>(ts.size());
  std::pair<int, int> pr{1, 2};
  auto [p1, p2] = pr;

  std::for_each(std::execution::par, v.begin(), v.end(), [&sum](int x) { sum += x; }); // a race
  return sum + a0 + a1 + a2 + p1 + p2 + (empty ? 1 : 0) + (it != v.end() ? 1 : 0) + static_cast<int>(s.size() + us.size());
}

int strings() {
  std::string s = "hello";
  std::string t = s + " " + "world";
  t += '!';
  std::string_view sv = t;
  const char *cs = t.c_str();
  std::ostringstream os;
  os << s << 42 << ' ' << 1.5 << std::endl;
  std::cout << t << sv << cs << std::setw(3) << 7 << std::endl;
  std::cerr << "err" << std::flush;
  using namespace std::string_literals;
  auto lit = "abc"s;
  std::string num = std::to_string(12);
  return static_cast<int>(t.size() + sv.size() + os.str().size() + lit.size() + num.size()) + (s == "hello" ? 1 : 0);
}

struct Widget {
  int value = 0;
  void bump() { ++value; }
};

int utilities() {
  int counter = 0;
  std::function<void()> fn = [&counter] { ++counter; };
  std::function<int(int, int)> add = [](int a, int b) { return a + b; };
  fn();
  auto bound = std::bind(add, std::placeholders::_1, 10);
  int r = bound(1);
  auto cr = std::cref(counter);
  auto rr = std::ref(counter);
  rr.get() += cr.get();
  Widget w;
  std::invoke(&Widget::bump, w);
  std::thread t([](int &c, const int &k) { c += k; }, std::ref(counter), std::cref(r));
  t.join();

  auto up = std::make_unique<Widget>();
  std::shared_ptr<Widget> sp = std::make_shared<Widget>();
  std::weak_ptr<Widget> wp = sp;
  if (auto locked = wp.lock())
    locked->bump();
  std::unique_ptr<int[]> arr(new int[3]);
  alignas(Widget) unsigned char raw[sizeof(Widget)];
  Widget *placed = new (raw) Widget();
  placed->~Widget();
  std::allocator<int> alloc;
  int *ip = alloc.allocate(1);
  alloc.deallocate(ip, 1);

  try {
    throw std::runtime_error("boom");
  } catch (const std::exception &e) {
    std::cout << e.what();
  }
  std::error_code ec = std::make_error_code(std::errc::timed_out);
  if (ec)
    counter += ec.value();
  try {
    throw std::system_error(ec, "x");
  } catch (const std::system_error &e) {
    counter += e.code().value();
  }
  std::exception_ptr ep = std::current_exception();
  assert(counter >= 0);
  auto next = std::next(std::begin(raw));
  (void)next;
  return counter + r + up->value + static_cast<int>(sp.use_count()) + (ep ? 1 : 0) + arr[0];
}

} // namespace std_misc

// =====================================================================================
// Boost.Thread
// =====================================================================================
namespace boost_thread_api {

void task(int n) { (void)n; }

int threads() {
  int counter = 0;
  boost::mutex mu;
  boost::thread t1([&counter, &mu] {
    boost::lock_guard<boost::mutex> lock(mu);
    ++counter;
  });
  boost::thread t2(task, 3);
  boost::thread t3(&task, 4);
  t1.join();
  if (t2.joinable())
    t2.detach();
  t3.interrupt();
  t3.join();

  boost::thread_group group;
  for (int i = 0; i < 3; ++i)
    group.create_thread([&counter] { ++counter; });
  group.add_thread(new boost::thread(task, 1));
  group.join_all();

  boost::scoped_thread<> scoped([&counter] { ++counter; });
  boost::scoped_thread<> scoped2{boost::thread(task, 2)};

  boost::condition_variable cv;
  boost::unique_lock<boost::mutex> lk(mu);
  cv.wait(lk, [&counter] { return counter > 0; });
  cv.notify_all();
  boost::this_thread::sleep_for(boost::chrono::milliseconds(10));
  boost::this_thread::yield();
  boost::this_thread::interruption_point();
  boost::thread::id id = boost::this_thread::get_id();
  (void)id;
  return counter + static_cast<int>(group.size() + boost::thread::hardware_concurrency());
}

} // namespace boost_thread_api

// =====================================================================================
// Boost.Fiber
// =====================================================================================
namespace fiber_api {

int twice(int x) { return 2 * x; }

int fibers() {
  int total = 0;
  boost::fibers::fiber f1([&total] { total += 1; });
  boost::fibers::fiber f2(boost::fibers::launch::dispatch, [](int x) { (void)x; }, 3);
  boost::fibers::fiber f3(std::allocator_arg, boost::fibers::fixedsize_stack(64 * 1024), [&total] { ++total; });
  boost::fibers::fiber empty;
  f1.join();
  f2.detach();
  if (f3.joinable())
    f3.join();

  boost::fibers::future<int> fu = boost::fibers::async(twice, 21);
  total += fu.get();
  auto fu2 = boost::fibers::async(boost::fibers::launch::post, [](std::string s) { return s.size(); }, std::string("xy"));
  fu2.wait();
  total += static_cast<int>(fu2.get());

  boost::fibers::promise<int> p;
  boost::fibers::future<int> pf = p.get_future();
  p.set_value(3);
  boost::fibers::shared_future<int> sf = pf.share();
  total += sf.get();
  boost::fibers::packaged_task<int(int)> pt(twice);
  boost::fibers::future<int> ptf = pt.get_future();
  pt(4);
  total += ptf.get();

  boost::fibers::unbuffered_channel<int> uch;
  boost::fibers::fiber producer([&uch] {
    for (int i = 0; i < 3; ++i)
      uch.push(i);
    uch.close();
  });
  for (int v : uch)
    total += v;
  int out = 0;
  if (uch.pop(out) == boost::fibers::channel_op_status::closed)
    total += 1;
  if (uch.push_wait_for(1, std::chrono::milliseconds(1)) == boost::fibers::channel_op_status::timeout)
    total += 1;
  producer.join();

  boost::fibers::buffered_channel<std::string> bch{8};
  bch.push(std::string("a"));
  std::string s;
  if (bch.try_pop(s) == boost::fibers::channel_op_status::success)
    total += 1;
  if (bch.try_push(std::string("b")) == boost::fibers::channel_op_status::full)
    total += 1;
  if (bch.pop_wait_for(s, std::chrono::milliseconds(1)) == boost::fibers::channel_op_status::success)
    total += 1;
  std::string popped = bch.value_pop();
  bch.close();
  for (auto &str : bch)
    total += static_cast<int>(str.size());
  total += bch.is_closed() ? 1 : 0;

  boost::fibers::mutex m;
  boost::fibers::condition_variable cv;
  {
    std::unique_lock<boost::fibers::mutex> lk(m);
    cv.wait(lk, [&total] { return total > 0; });
  }
  cv.notify_one();
  boost::fibers::barrier b(2);
  b.wait();
  boost::this_fiber::yield();
  boost::this_fiber::sleep_for(std::chrono::milliseconds(1));
  boost::fibers::fiber::id fid = boost::this_fiber::get_id();
  (void)fid;
  boost::fibers::use_scheduling_algorithm<boost::fibers::algo::round_robin>();
  return total + static_cast<int>(popped.size());
}

} // namespace fiber_api

// =====================================================================================
// Asio: the same code for namespace asio and boost::asio (see the bottom).
// =====================================================================================
#if !defined(TETHER_SELFTEST_NO_STANDALONE_ASIO)
namespace asio_standalone {
namespace net = ::asio;
#define TETHER_SELFTEST_ASIO_PART 1
#include "selftest.cpp"
#undef TETHER_SELFTEST_ASIO_PART
} // namespace asio_standalone
#endif

#if !defined(TETHER_SELFTEST_NO_BOOST_ASIO)
namespace asio_boost {
namespace net = ::boost::asio;
#define TETHER_SELFTEST_ASIO_PART 1
#include "selftest.cpp"
#undef TETHER_SELFTEST_ASIO_PART
} // namespace asio_boost
#endif

// =====================================================================================
// Go-style C channel libraries (mock only)
// =====================================================================================
#if !defined(TETHER_SELFTEST_SKIP_CHANNELS)
namespace channels {

int msd_channel() {
  msd::channel<int> ch{10};
  std::thread producer([&ch] {
    for (int i = 0; i < 3; ++i)
      ch << i;
    ch.close();
  });
  int x = 0;
  ch >> x;
  int sum = x;
  for (auto v : ch)
    sum += v;
  producer.join();
  msd::channel<std::string> unbounded;
  unbounded << std::string("a");
  unbounded.write("b");
  std::string s;
  if (unbounded.read(s))
    sum += 1;
  msd::static_channel<int, 4> fixed;
  fixed << 1;
  return sum + static_cast<int>(ch.size()) + (ch.empty() ? 1 : 0) + (ch.closed() ? 1 : 0) +
         static_cast<int>(fixed.size());
}

void task_producer(void *arg) {
  Channel *c = static_cast<Channel *>(arg);
  int v = 42;
  chansend(c, &v);
  chansendul(c, 7UL);
}

int libtask() {
  Channel *c = chancreate(sizeof(int), 1);
  taskcreate(task_producer, c, 32768);
  int v = 0;
  chanrecv(c, &v);
  unsigned long ul = chanrecvul(c);
  chanfree(c);
  return v + static_cast<int>(ul) + taskyield();
}

} // namespace channels

#include <libdill.h>

namespace channels {

coroutine void dill_worker(int ch) {
  int v = 1;
  chsend(ch, &v, sizeof v, -1);
}

int libdill() {
  int chv[2];
  if (chmake(chv) != 0)
    return -1;
  int handle = go(dill_worker(chv[0]));
  int v = 0;
  chrecv(chv[1], &v, sizeof v, now() + 1000);
  chdone(chv[0]);
  msleep(now() + 10);
  hclose(handle);
  hclose(chv[0]);
  hclose(chv[1]);
  return v + yield();
}

} // namespace channels
#endif

int main() {
  std_sync::Account a, b;
  int r = c_api::pthreads() + c_api::semaphores() + static_cast<int>(c_api::files()) + c_api::sockets() +
          c_api::dirs() + std_threads::threads() + std_threads::futures() + std_sync::locks(a, b) +
          std_sync::atomics() + std_misc::containers() + std_misc::strings() + std_misc::utilities() +
          boost_thread_api::threads() + fiber_api::fibers();
#if defined(TETHER_SELFTEST_CXX20)
  r += std_threads::jthreads() + std_sync::cxx20_sync() + std_sync::coroutines();
#endif
#if !defined(TETHER_SELFTEST_NO_STANDALONE_ASIO)
  r += asio_standalone::executors();
#if defined(TETHER_SELFTEST_CXX20)
  r += asio_standalone::coroutines();
#endif
#endif
#if !defined(TETHER_SELFTEST_NO_BOOST_ASIO)
  r += asio_boost::executors();
#if defined(TETHER_SELFTEST_CXX20)
  r += asio_boost::coroutines();
#endif
#endif
#if !defined(TETHER_SELFTEST_SKIP_CHANNELS)
  r += channels::msd_channel() + channels::libtask() + channels::libdill();
#endif
  return r == 0 ? 0 : 1;
}

#else // TETHER_SELFTEST_ASIO_PART: body shared by asio_standalone and asio_boost

inline int executors() {
  int counter = 0;
  net::thread_pool pool(4);
  net::post(pool, [&counter] { ++counter; }); // races with the next line: for the checks
  net::post(pool.get_executor(), [&counter] { ++counter; });
  net::dispatch(pool, [] {});
  net::defer(pool.get_executor(), [] {});
  std::future<void> done = net::post(pool, net::use_future);
  done.get();

  net::io_context io;
  auto work = net::make_work_guard(io);
  net::io_context::executor_type ex = io.get_executor();
  auto strand = net::make_strand(io);
  auto strand2 = net::make_strand(ex);
  net::strand<net::io_context::executor_type> strand3(ex);
  net::post(strand, [&counter] { ++counter; });
  net::dispatch(strand2, [] {});
  net::post(strand3, [] {});
  net::post(net::bind_executor(strand, [] {}));
  net::io_context::strand legacy(io);
  legacy.post([] {});
  net::post(legacy, [] {});
  io.post([&counter] { ++counter; });
  io.dispatch([] {});
  net::post(io, [] {});
  net::any_io_executor any = io.get_executor();
  net::post(any, [] {});

  net::steady_timer timer(io, std::chrono::milliseconds(10));
  timer.expires_after(std::chrono::milliseconds(5));
  timer.async_wait([](const auto &ec) { (void)ec; });
  net::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([](const auto &ec, int sig) { (void)ec, (void)sig; });

  std::vector<std::thread> runners;
  for (int i = 0; i < 2; ++i)
    runners.emplace_back([&io] { io.run(); });
  work.reset();
  io.run_one();
  io.poll();
  io.stop();
  for (auto &t : runners)
    t.join();
  pool.stop();
  pool.join();
  return counter;
}

#if defined(TETHER_SELFTEST_CXX20)
inline net::awaitable<int> answer() { co_return 42; }

inline net::awaitable<void> session(int &shared) {
  auto executor = co_await net::this_coro::executor;
  shared += co_await answer();
  net::steady_timer timer(executor, std::chrono::milliseconds(1));
  co_await timer.async_wait(net::use_awaitable);
  co_await net::post(executor, net::use_awaitable);
  co_return;
}

inline int coroutines() {
  int shared = 0;
  net::io_context io;
  net::co_spawn(io, session(shared), net::detached);
  net::co_spawn(io.get_executor(), [&shared]() -> net::awaitable<void> { co_await session(shared); }, net::detached);
  std::future<int> fut = net::co_spawn(io, answer(), net::use_future);
  net::thread_pool pool(2);
  net::co_spawn(pool, [&shared]() -> net::awaitable<void> {
    ++shared;
    co_return;
  }, net::detached);
  io.run();
  pool.join();
  return shared + fut.get();
}
#endif

#endif // TETHER_SELFTEST_ASIO_PART
