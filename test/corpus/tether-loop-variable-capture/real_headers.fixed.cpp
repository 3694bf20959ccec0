// Smoke test against the real libstdc++, Boost.Fiber and Asio headers: the
// model's names and shapes must match the libraries users compile against.
// REAL-HEADERS
// RUN-ARGS: -std=c++20
#include <asio.hpp>
#include <boost/fiber/all.hpp>
#include <future>
#include <pthread.h>
#include <thread>
#include <vector>

void use(int);
void *start(void *);

void threads(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back([&, i] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'std::thread' runs}}
  for (auto &w : workers)
    w.join();
}

void jthreads(const std::vector<int> &items) {
  for (int item : items)
    std::jthread([&item] { use(item); }); // joins at once: clean
}

void futures(int n) {
  std::vector<std::future<void>> pending;
  for (int i = 0; i < n; ++i)
    pending.push_back(std::async(std::launch::async, [i] { use(i); })); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'std::async' runs}}
  for (int i = 0; i < n; ++i) {
    auto local = std::async(std::launch::async, [&i] { use(i); }); // clean
  }
}

void posix(int n) {
  std::vector<pthread_t> ts(n);
  for (int i = 0; i < n; ++i)
    pthread_create(&ts[i], nullptr, start, &i); // tidy-warning{{the address of loop variable 'i' is passed to a thread started by 'pthread_create'}}
}

void fibers(int n) {
  for (int i = 0; i < n; ++i)
    boost::fibers::fiber([&, i] { use(i); }).detach(); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'boost::fibers::fiber' runs}}
  for (int i = 0; i < n; ++i) {
    auto f = boost::fibers::async([&, i] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'boost::fibers::async' runs}}
  }
}

void asioPool(asio::thread_pool &pool, const std::vector<int> &jobs) {
  for (int job : jobs)
    asio::post(pool, [job] { use(job); }); // tidy-warning{{loop variable 'job' is captured by reference by a lambda that 'asio::post' runs}}
  for (int job : jobs)
    asio::post(pool.get_executor(), [job] { use(job); }); // clean
  auto strand = asio::make_strand(pool);
  for (int job : jobs)
    asio::dispatch(strand, [&, job] { use(job); }); // tidy-warning{{loop variable 'job' is captured by reference by a lambda that 'asio::dispatch' runs}}
  pool.join();
}
