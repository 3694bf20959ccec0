// Whether the spawned work can outlive the iteration is decided on the
// control-flow graph: every path from the spawn to the end of the iteration
// must wait for it.
#include <future>
#include <thread>
#include <vector>

void use(int);
bool ready();

struct Server {
  std::thread worker;
  void restartAll(int n) {
    for (int i = 0; i < n; ++i)
      worker = std::thread([&, i] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference}}
  }
};

// Clean: joined on both branches.
void joinedOnEveryPath(int n) {
  for (int i = 0; i < n; ++i) {
    std::thread t([&] { use(i); });
    if (ready()) {
      t.join();
      continue;
    }
    t.join();
  }
}

// A handle that lives outside the loop, joined on one path only.
void joinedOnOnePath(int n) {
  std::thread t;
  for (int i = 0; i < n; ++i) {
    t = std::thread([&, i] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference}}
    if (ready())
      t.join();
  }
  if (t.joinable())
    t.join();
}

// Clean: the same handle joined on every path.
void outerHandleJoinedEveryIteration(int n) {
  std::thread t;
  for (int i = 0; i < n; ++i) {
    t = std::thread([&] { use(i); });
    t.join();
  }
}

void detachedOnOnePath(int n) {
  for (int i = 0; i < n; ++i) {
    std::thread t([&, i] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference}}
    if (ready())
      t.detach();
    else
      t.join();
  }
}

void movedIntoAnOuterContainer(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i) {
    std::thread t([&, i] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference}}
    workers.push_back(std::move(t));
  }
  for (auto &w : workers)
    w.join();
}

// Clean: moved into a container that is joined within the iteration.
void movedIntoAnInnerContainer(int n) {
  for (int i = 0; i < n; ++i) {
    std::vector<std::thread> batch;
    std::thread t([&] { use(i); });
    batch.push_back(std::move(t));
    for (auto &b : batch)
      b.join();
  }
}

std::thread returnedFromTheLoop(const std::vector<int> &items) {
  for (int item : items)
    if (item > 10)
      return std::thread([&, item] { use(item); }); // tidy-warning{{loop variable 'item' is captured by reference}}
  return std::thread();
}

// Clean: std::async futures wait in their destructor.
void asyncFutureLocal(int n) {
  for (int i = 0; i < n; ++i) {
    auto f = std::async(std::launch::async, [&] { use(i); });
    if (ready())
      continue;
    f.wait();
  }
}

// Clean: a discarded std::async future waits at once (synchronously).
void asyncDiscarded(int n) {
  for (int i = 0; i < n; ++i)
    std::async(std::launch::async, [&] { use(i); });
}

// Clean: std::jthread joins in its destructor, on every path out.
void jthreadLocal(int n) {
  for (int i = 0; i < n; ++i) {
    std::jthread t([&] { use(i); });
    if (ready())
      break;
  }
}

// Clean: a temporary jthread joins at the end of the full-expression.
void jthreadTemporary(int n) {
  for (int i = 0; i < n; ++i)
    std::jthread([&] { use(i); });
}

// Clean: the future is waited for on every path.
void futureWaited(int n) {
  std::future<void> f;
  for (int i = 0; i < n; ++i) {
    f = std::async([&] { use(i); });
    f.get();
  }
}

void futureStoredOutside(int n) {
  std::vector<std::future<void>> pending;
  for (int i = 0; i < n; ++i)
    pending.push_back(std::async(std::launch::async, [&, i] { use(i); })); // tidy-warning{{loop variable 'i' is captured by reference}}
  for (auto &p : pending)
    p.get();
}

// A deferred task runs in get(), after the iteration: the reference dangles.
void deferredStoredOutside(int n) {
  std::vector<std::future<void>> pending;
  for (int i = 0; i < n; ++i)
    pending.emplace_back(std::async(std::launch::deferred, [&, i] { use(i); })); // tidy-warning{{loop variable 'i' is captured by reference}}
  for (auto &p : pending)
    p.get();
}

// Clean: a deferred task whose future dies in the iteration never runs.
void deferredLocal(int n) {
  for (int i = 0; i < n; ++i)
    auto f = std::async(std::launch::deferred, [&] { use(i); });
}

// Clean: other lambdas between the spawn and the join are ordinary CFG
// elements of the iteration.
void twoThreadsJoinedTogether(int n) {
  for (int i = 0; i < n; ++i) {
    std::thread a([&] { use(i); });
    std::thread b([&] { use(i + 1); });
    auto unrelated = [] {};
    unrelated();
    a.join();
    b.join();
  }
}

// Clean: two jthreads in one iteration.
void twoJthreads(int n) {
  for (int i = 0; i < n; ++i) {
    std::jthread a([&] { use(i); });
    std::jthread b([&] { use(-i); });
  }
}

// Clean: wait() is declared in libstdc++'s base of std::future.
void futureWaitedWithWait(int n) {
  std::future<void> f;
  for (int i = 0; i < n; ++i) {
    f = std::async(std::launch::async, [&] { use(i); });
    f.wait();
  }
}
