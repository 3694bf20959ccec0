// Every spawn API of the model, each with a buggy and a clean use.
// RUN-ARGS: -std=c++20
#include <asio.hpp>
#include <boost/asio.hpp>
#include <boost/fiber/all.hpp>
#include <boost/thread.hpp>
#include <boost/thread/scoped_thread.hpp>
#include <future>
#include <thread>
#include <vector>

void use(int);

// std::jthread stored outside the loop joins only when the container dies.
void jthreadStoredOutside(int n) {
  std::vector<std::jthread> pool;
  for (int i = 0; i < n; ++i)
    pool.emplace_back([&] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'std::jthread' runs}}
}

// boost::thread detaches in its destructor (BOOST_THREAD_VERSION 2).
void boostThreadLocal(int n) {
  for (int i = 0; i < n; ++i) {
    boost::thread t([&] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'boost::thread' runs}}
  }
}

// Clean: joined.
void boostThreadJoined(int n) {
  for (int i = 0; i < n; ++i) {
    boost::thread t([&] { use(i); });
    t.join();
  }
}

void boostThreadGroup(int n) {
  boost::thread_group group;
  for (int i = 0; i < n; ++i)
    group.create_thread([&] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'boost::thread_group::create_thread' runs}}
  group.join_all();
}

// Clean: the group is joined inside the iteration.
void boostThreadGroupJoinedPerIteration(int n) {
  for (int i = 0; i < n; ++i) {
    boost::thread_group group;
    group.create_thread([&] { use(i); });
    group.join_all();
  }
}

void fiberDetached(int n) {
  for (int i = 0; i < n; ++i)
    boost::fibers::fiber([&] { use(i); }).detach(); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'boost::fibers::fiber' runs; all iterations share 'i', so the fiber can read}}
}

void fiberWithLaunchPolicy(const std::vector<int> &items) {
  std::vector<boost::fibers::fiber> fibers;
  for (int item : items)
    fibers.emplace_back(boost::fibers::launch::post, [&item] { use(item); }); // tidy-warning{{loop variable 'item' is captured by reference}}
  for (auto &f : fibers)
    f.join();
}

// boost::fibers::async detaches its fiber: its future does not wait.
void fiberAsyncFutureLocal(int n) {
  for (int i = 0; i < n; ++i) {
    boost::fibers::future<void> f = boost::fibers::async([&] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'boost::fibers::async' runs}}
  }
}

// Clean: the fiber future is waited for.
void fiberAsyncWaited(int n) {
  for (int i = 0; i < n; ++i) {
    boost::fibers::future<void> f = boost::fibers::async([&] { use(i); });
    f.get();
  }
}

void asioPostOnAPool(asio::thread_pool &pool, const std::vector<int> &jobs) {
  for (int job : jobs)
    asio::post(pool, [&job] { use(job); }); // tidy-warning{{loop variable 'job' is captured by reference by a lambda that 'asio::post' runs}}
  pool.join();
}

// Clean: the pool is waited for in the iteration.
void asioPostThenWait(asio::thread_pool &pool, const std::vector<int> &jobs) {
  for (int job : jobs) {
    asio::post(pool, [&job] { use(job); });
    pool.wait();
  }
}

// Clean: a pool local to the iteration joins its threads when destroyed.
void asioPoolPerIteration(const std::vector<int> &jobs) {
  for (int job : jobs) {
    asio::thread_pool pool(2);
    asio::post(pool, [&job] { use(job); });
  }
}

void asioDispatchOnAStrand(asio::io_context &io, int n) {
  auto strand = asio::make_strand(io);
  for (int i = 0; i < n; ++i)
    asio::dispatch(strand, [&] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'asio::dispatch' runs}}
  io.run();
}

void asioDeferOnAnExecutor(asio::io_context &io, int n) {
  for (int i = 0; i < n; ++i)
    asio::defer(io.get_executor(), [&] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'asio::defer' runs}}
  io.run();
}

// Clean: the io_context runs the handler before the iteration ends.
void asioRunInTheIteration(asio::io_context &io, int n) {
  for (int i = 0; i < n; ++i) {
    asio::post(io, [&] { use(i); });
    io.run();
  }
}

void asioCoSpawn(asio::io_context &io, int n) {
  for (int i = 0; i < n; ++i)
    asio::co_spawn(io, [&]() -> asio::awaitable<void> { use(i); co_return; }, asio::detached); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'asio::co_spawn' runs; all iterations share 'i', so the coroutine}}
  io.run();
}

void boostAsioPost(boost::asio::thread_pool &pool, int n) {
  for (int i = 0; i < n; ++i)
    boost::asio::post(pool, [&] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'boost::asio::post' runs}}
  pool.join();
}

void boostIoContextPostMember(boost::asio::io_context &io, int n) {
  for (int i = 0; i < n; ++i)
    io.post([&] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'boost::asio::io_context::post' runs}}
  io.run();
}

void asioPostOnTheSystemExecutor(int n) {
  for (int i = 0; i < n; ++i)
    asio::post([&] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'asio::post' runs}}
}

// Clean: boost::scoped_thread joins in its destructor.
void boostScopedThread(int n) {
  for (int i = 0; i < n; ++i) {
    boost::scoped_thread<> t([&] { use(i); });
  }
}

void asioIoContextPostMember(asio::io_context &io, int n) {
  for (int i = 0; i < n; ++i)
    io.post([&] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'asio::io_context::post' runs}}
  io.run();
}

void asioLegacyStrand(asio::io_context &io, int n) {
  asio::io_context::strand s(io);
  for (int i = 0; i < n; ++i)
    s.post([&] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'asio::io_context::strand::post' runs}}
  io.run();
}

void boostAsioDispatchDeferCoSpawn(boost::asio::io_context &io, int n) {
  for (int i = 0; i < n; ++i) {
    boost::asio::dispatch(io, [&] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'boost::asio::dispatch' runs}}
    boost::asio::defer(io, [&] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'boost::asio::defer' runs}}
    boost::asio::co_spawn(io, [&]() -> boost::asio::awaitable<void> { use(i); co_return; }, boost::asio::detached); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'boost::asio::co_spawn' runs}}
  }
  io.run();
}

// Clean: std::async with a copy.
void asyncByCopy(int n) {
  std::vector<std::future<int>> results;
  for (int i = 0; i < n; ++i)
    results.push_back(std::async([i] { return i * i; }));
  for (auto &r : results)
    r.get();
}
