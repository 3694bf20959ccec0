// Thread pools without any option: in-house pools are recognised because
// they own threads (or are named like a pool) and take a callable; the
// public pool libraries come from the model's table.
#include <functional>
#include <future>
#include <memory>
#include <queue>
#include <thread>
#include <vector>

void use(int);
int compute(int);

// The classic pool: threads in a vector, a queue of tasks, enqueue returns
// a future (its destructor does not wait).
class ThreadPool {
public:
  explicit ThreadPool(unsigned n);
  ~ThreadPool();
  template <class F> std::future<int> enqueue(F &&f) {
    auto task = std::make_shared<std::packaged_task<int()>>(std::forward<F>(f));
    std::future<int> result = task->get_future();
    tasks.push([task] { (*task)(); });
    return result;
  }
  template <class F> void for_each_worker(F &&f) {
    for (std::thread &w : workers)
      f(w);
  }

private:
  std::vector<std::thread> workers;
  std::queue<std::function<void()>> tasks;
};

// Owns its threads through a pointer; the name says nothing.
class Crew {
public:
  void submit(std::function<void()> job);
  void wait_all();

private:
  std::unique_ptr<std::thread[]> members;
};

// Named like a pool; its threads are behind a pimpl.
class WorkQueue {
public:
  void post(std::function<void()> job);

private:
  struct Impl;
  std::unique_ptr<Impl> impl;
};

// Not a pool: no thread, and not named like one.
class Registry {
public:
  void add(std::function<void()> callback);
};

// The public pools, declared as their headers do.
namespace BS {
class thread_pool {
public:
  template <class F> void detach_task(F &&task) {}
  template <class F> std::future<void> submit_task(F &&task) { return {}; }
  void wait();
};
} // namespace BS

namespace folly {
class Executor {
public:
  virtual ~Executor();
  virtual void add(std::function<void()> func) = 0;
};
class CPUThreadPoolExecutor : public Executor {
public:
  void add(std::function<void()> func) override;
};
} // namespace folly

void discardedFuture(ThreadPool &pool, int n) {
  for (int i = 0; i < n; ++i)
    pool.enqueue([&] { return compute(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'ThreadPool::enqueue' runs; all iterations share 'i', so the task can read a later value, or a dangling reference once the loop ends; capture 'i' by value}}
}

void futuresKeptPastTheLoop(ThreadPool &pool, const std::vector<int> &items) {
  std::vector<std::future<int>> results;
  for (int item : items)
    results.push_back(pool.enqueue([&item] { return compute(item); })); // tidy-warning{{loop variable 'item' is captured by reference by a lambda that 'ThreadPool::enqueue' runs; 'item' is destroyed when its iteration ends, so the task can read a dangling reference}}
  for (auto &r : results)
    r.get();
}

void poolThatOwnsThreadsThroughAPointer(Crew &crew, int n) {
  for (int i = 0; i < n; ++i)
    crew.submit([&] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'Crew::submit' runs}}
  crew.wait_all();
}

void poolByName(WorkQueue &queue, const std::vector<int> &ids) {
  for (int id : ids)
    queue.post([&] { use(id); }); // tidy-warning{{loop variable 'id' is captured by reference by a lambda that 'WorkQueue::post' runs}}
}

struct Service {
  ThreadPool pool{4};
  void start(int n) {
    for (int i = 0; i < n; ++i)
      pool.enqueue([&] { return compute(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'ThreadPool::enqueue' runs}}
  }
};

void bsThreadPool(BS::thread_pool &pool, int n) {
  for (int i = 0; i < n; ++i)
    pool.detach_task([&] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'BS::thread_pool::detach_task' runs}}
  pool.wait();
}

void follyOverride(folly::CPUThreadPoolExecutor &ex, const std::vector<int> &v) {
  for (int x : v)
    ex.add([&x] { use(x); }); // tidy-warning{{loop variable 'x' is captured by reference by a lambda that 'folly::Executor::add' runs}}
}

// Clean: captured by value.
void byValue(ThreadPool &pool, int n) {
  for (int i = 0; i < n; ++i)
    pool.enqueue([i] { return compute(i); });
}

// Clean: the result is waited for in the iteration.
void waitedInTheIteration(ThreadPool &pool, int n) {
  for (int i = 0; i < n; ++i) {
    std::future<int> f = pool.enqueue([&] { return compute(i); });
    use(f.get());
  }
}

void bsWaitedInTheIteration(BS::thread_pool &pool, int n) {
  for (int i = 0; i < n; ++i) {
    pool.detach_task([&] { use(i); });
    pool.wait();
  }
}

// Clean: a pool that lives in the iteration waits for its tasks when it goes.
void poolPerIteration(int n) {
  for (int i = 0; i < n; ++i) {
    ThreadPool local(2);
    local.enqueue([&] { return compute(i); });
  }
}

// Clean: a method that calls the callable on the spot is not a submission.
void synchronousVisitor(ThreadPool &pool, int n) {
  for (int i = 0; i < n; ++i)
    pool.for_each_worker([&](std::thread &) { use(i); });
}

// Clean: not a pool, nor a standard container of callables.
void callbacksAreNotThreads(Registry &r, std::queue<std::function<void()>> &q,
                            int n) {
  for (int i = 0; i < n; ++i) {
    r.add([&] { use(i); });
    q.push([&] { use(i); });
  }
}
