// AST-parity probe for the mock headers: parity.sh runs every matcher in
// matchers.txt (restricted to this file) over this probe compiled against the
// mocks and against the real headers, and requires identical match counts.
// Compiled twice: with standalone Asio, and with -DPROBE_BOOST_ASIO.
#include <atomic>
#include <condition_variable>
#include <execution>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>
#if __cplusplus >= 202002L
#include <latch>
#include <semaphore>
#include <stop_token>
#endif
#include <boost/fiber/all.hpp>
#include <boost/thread.hpp>
#include <boost/thread/scoped_thread.hpp>
#if defined(PROBE_BOOST_ASIO)
#include <utility>
#include <boost/asio.hpp>
namespace net = boost::asio;
#else
#include <asio.hpp>
namespace net = asio;
#endif

void *w(void *p) { return p; }
int compute(int x) { return x; }
struct Obj {
  int m(int x) { return x; }
};

void std_part() {
  int i = 0;
  std::vector<std::thread> ts;
  ts.emplace_back([&i] { ++i; });
  std::thread t([&] { ++i; });
  Obj o;
  std::thread tm(&Obj::m, &o, 1);
  t.join();
  tm.detach();
  for (auto &th : ts)
    th.join();
  std::async(std::launch::async, compute, 1); // discarded: its destructor blocks
  auto fu = std::async([] { return 1; });
  fu.wait();
  i += fu.get();
  std::shared_future<int> sf = std::async(std::launch::deferred, compute, 2).share();
  i += sf.get();
  std::promise<int> pr;
  std::future<int> pf = pr.get_future();
  pr.set_value(1);
  std::packaged_task<int(int)> task(compute);
  task(1);
  std::atomic<int> a{0};
  a.fetch_add(1);
  a++;
  std::mutex m;
  std::condition_variable cv;
  {
    std::lock_guard<std::mutex> g(m);
  }
  {
    std::unique_lock<std::mutex> lk(m);
    cv.wait(lk, [&i] { return i > 0; });
  }
  std::map<std::string, int> mp;
  for (auto &[k, v] : mp) {
    (void)k;
    ++v;
  }
  std::function<void()> fn = [&i] { ++i; };
  std::thread t2(compute, std::ref(i));
  t2.join();
  std::vector<int> vec{1, 2};
  std::for_each(std::execution::par, vec.begin(), vec.end(), [&i](int x) { i += x; });
#if __cplusplus >= 202002L
  std::jthread jt([](std::stop_token st) { (void)st.stop_requested(); });
  jt.request_stop();
  std::counting_semaphore<4> sem(2);
  sem.acquire();
  sem.release();
  std::latch l(1);
  l.count_down();
#endif
}

void c_part() {
  int i = 0;
  pthread_t pt;
  pthread_create(&pt, nullptr, w, &i);
  pthread_join(pt, nullptr);
  sem_t s;
  sem_init(&s, 0, 0);
  sem_post(&s);
  sem_wait(&s);
  sem_destroy(&s);
  FILE *f = fopen("/tmp/x", "r");
  if (f)
    fclose(f);
  int fds[2];
  if (pipe(fds) == 0)
    close(fds[0]);
}

void boost_part() {
  int i = 0;
  boost::fibers::fiber fb([&i] { ++i; });
  fb.join();
  boost::fibers::unbuffered_channel<int> ch;
  ch.push(1);
  for (int v : ch)
    i += v;
  boost::fibers::buffered_channel<int> bch{4};
  (void)bch.try_push(1);
  boost::fibers::future<int> bf = boost::fibers::async(compute, 2);
  i += bf.get();
  boost::thread bt([&i] { ++i; });
  bt.join();
  boost::thread_group g;
  g.create_thread([&i] { ++i; });
  g.join_all();
  boost::scoped_thread<> st([&i] { ++i; });
}

void asio_part() {
  int i = 0;
  net::thread_pool pool(2);
  net::post(pool, [&i] { ++i; });
  net::post(pool.get_executor(), [&i] { ++i; });
  auto s = net::make_strand(pool);
  net::dispatch(s, [] {});
  net::defer(s, [] {});
  std::future<void> done = net::post(pool, net::use_future);
  done.get();
  net::io_context io;
  io.post([&i] { ++i; });
  net::io_context::strand legacy(io);
  legacy.post([] {});
  io.run();
  pool.join();
}

#if __cplusplus >= 202002L
net::awaitable<int> answer() { co_return 1; }
net::awaitable<void> co() {
  int v = co_await answer();
  (void)v;
  co_return;
}
void coro_part() {
  net::io_context io;
  net::co_spawn(io, co(), net::detached);
  net::co_spawn(io, []() -> net::awaitable<void> { co_return; }, net::detached);
  io.run();
}
#endif
