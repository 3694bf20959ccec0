// The notes of the shapes added with thread pools, variables advanced by
// their loop, executors and assignments. Every note is checked here.
#include <asio.hpp>
#include <functional>
#include <future>
#include <queue>
#include <thread>
#include <vector>

void use(int);

class ThreadPool {
public:
  template <class F> std::future<void> enqueue(F &&f) { return {}; }

private:
  std::vector<std::thread> workers;
  std::queue<std::function<void()>> tasks;
};

void inHousePool(ThreadPool &pool, int n) {
  for (int i = 0; i < n; ++i) // tidy-note{{loop variable 'i' is declared here}}
    pool.enqueue([&, i] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'ThreadPool::enqueue' runs; all iterations share 'i', so the task can read a later value, or a dangling reference once the loop ends; capture 'i' by value}}
  // tidy-note@-1{{'ThreadPool::enqueue' starts the task here}}
  // tidy-note@-2{{the task is handed to 'pool', and nothing waits for it before the iteration ends}}
}

void iteratorDeclaredBefore(const std::vector<int> &v) {
  std::vector<std::thread> workers;
  std::vector<int>::const_iterator it; // tidy-note{{loop variable 'it' is declared here}}
  for (it = v.begin(); it != v.end(); ++it) // tidy-note{{the loop changes 'it' here, while the thread may still read it}}
    workers.emplace_back([&, it] { use(*it); }); // tidy-warning{{loop variable 'it' is captured by reference by a lambda that 'std::thread' runs; all iterations share 'it', so the thread can read a later value; capture 'it' by value}}
  // tidy-note@-1{{'std::thread' starts the thread here}}
  // tidy-note@-2{{the thread is stored in 'workers', which outlives the iteration}}
  for (auto &w : workers)
    w.join();
}

void executorOfAnOuterPool(int n) {
  asio::thread_pool pool(2);
  auto ex = pool.get_executor();
  for (int i = 0; i < n; ++i) // tidy-note{{loop variable 'i' is declared here}}
    asio::post(ex, [&, i] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'asio::post' runs}}
  // tidy-note@-1{{'asio::post' starts the task here}}
  // tidy-note@-2{{the task is handed to 'pool', and nothing waits for it before the iteration ends}}
  pool.join();
}

void moveAssignedIntoAnOuterSlot(int n) {
  std::vector<std::thread> slots(n);
  for (int i = 0; i < n; ++i) { // tidy-note{{loop variable 'i' is declared here}}
    std::thread t([&, i] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference}}
    // tidy-note@-1{{'std::thread' starts the thread here}}
    slots[i] = std::move(t); // tidy-note{{the thread is stored in 'slots', which outlives the iteration}}
  }
  for (auto &t : slots)
    t.join();
}
