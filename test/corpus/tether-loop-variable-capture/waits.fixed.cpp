// What waits for the work, seen more widely: paths on which the program
// ends, a throw that unwinds a waiting handle, the context behind an
// executor variable, a batch joined later in the same round, and handles
// moved into outer storage by assignment.
#include <asio.hpp>
#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <memory>
#include <pthread.h>
#include <thread>
#include <vector>

void use(int);
void *start(void *);
void step(int round, int k);

// Clean: on the assert's failing path the program ends.
void assertBetweenSpawnAndJoin(int n) {
  for (int i = 0; i < n; ++i) {
    std::jthread t([&] { use(i); });
    assert(n > 0);
  }
}

// Clean: the throw unwinds the frame; ~future waits on the way out.
void throwBeforeGet(int n) {
  for (int i = 0; i < n; ++i) {
    auto f = std::async(std::launch::async, [&] { use(i); });
    if (n > 100)
      throw 1;
    f.get();
  }
}

// Clean: exit() on the failing path, joined on the other.
void exitOnFailure(int n) {
  for (int i = 0; i < n; ++i) {
    pthread_t t;
    if (pthread_create(&t, nullptr, start, &i) != 0) {
      perror("pthread_create");
      exit(1);
    }
    pthread_join(t, nullptr);
  }
}

// Bug: a throw does not wait for a pthread, which has no destructor.
void throwLeavesAPthreadRunning(int n) {
  for (int i = 0; i < n; ++i) {
    pthread_t t;
    pthread_create(&t, nullptr, start, &i); // tidy-warning{{the address of loop variable 'i' is passed to a thread started by 'pthread_create'}}
    if (n > 100)
      throw 1;
    pthread_join(t, nullptr);
  }
}

// Clean: the executor comes from a pool that is joined (or destroyed) in
// the iteration.
void executorOfAJoinedPool(int n) {
  for (int i = 0; i < n; ++i) {
    asio::thread_pool pool(2);
    auto ex = pool.get_executor();
    asio::post(ex, [&] { use(i); });
    pool.join();
  }
}

void strandOfAPoolPerIteration(int n) {
  for (int i = 0; i < n; ++i) {
    asio::thread_pool pool(2);
    auto s = asio::make_strand(pool);
    asio::post(s, [&] { use(i); });
  }
}

// Bug: the pool behind the executor outlives the iteration.
void executorOfAnOuterPool(int n) {
  asio::thread_pool pool(2);
  auto ex = pool.get_executor();
  for (int i = 0; i < n; ++i)
    asio::post(ex, [&, i] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'asio::post' runs}}
  pool.join();
}

// Clean for 'round': each round joins its batch before the next starts.
// Bug for 'k': the batch is joined only after the inner loop.
void batchesJoinedEachRound(int rounds, int n) {
  std::vector<std::thread> batch;
  for (int round = 0; round < rounds; ++round) {
    for (int k = 0; k < n; ++k)
      batch.emplace_back([&round, k] { step(round, k); }); // tidy-warning{{loop variable 'k' is captured by reference}}
    for (auto &t : batch)
      t.join();
    batch.clear();
  }
}

void pthreadBatchesJoinedEachRound(int rounds) {
  pthread_t tids[4];
  for (int round = 0; round < rounds; ++round) {
    for (int k = 0; k < 4; ++k)
      pthread_create(&tids[k], nullptr, start, &round);
    for (int k = 0; k < 4; ++k)
      pthread_join(tids[k], nullptr);
  }
}

// Bug: the join comes first, for the previous round's threads.
void joinedBeforeTheSpawn(int rounds) {
  std::vector<std::thread> batch;
  for (int round = 0; round < rounds; ++round) {
    for (auto &t : batch)
      t.join();
    batch.clear();
    batch.emplace_back([round] { use(round); }); // tidy-warning{{loop variable 'round' is captured by reference}}
  }
  for (auto &t : batch)
    t.join();
}

// Bug: moved by assignment into storage that outlives the iteration.
void moveAssignedIntoAnOuterSlot(int n) {
  std::vector<std::thread> slots(n);
  for (int i = 0; i < n; ++i) {
    std::thread t([&, i] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference}}
    slots[i] = std::move(t);
  }
  for (auto &t : slots)
    t.join();
}

void moveAssignedIntoTheLastOne(int n) {
  std::jthread last;
  for (int i = 0; i < n; ++i) {
    std::jthread t([&, i] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference}}
    last = std::move(t);
  }
}

// Clean: moved into a handle of the iteration, which joins.
void moveAssignedIntoALocal(int n) {
  for (int i = 0; i < n; ++i) {
    std::jthread t([&] { use(i); });
    std::jthread mine;
    mine = std::move(t);
  }
}

// Bug: a unique_ptr built from `new std::thread` owns the thread.
void uniquePtrFromNew(int n) {
  std::vector<std::unique_ptr<std::thread>> workers;
  for (int i = 0; i < n; ++i)
    workers.push_back(std::unique_ptr<std::thread>(new std::thread([&, i] { use(i); }))); // tidy-warning{{loop variable 'i' is captured by reference}}
  for (auto &w : workers)
    w->join();
}

// No fix-it: `[=, &s]` cannot become `[=, s]`.
void copyDefaultWithAReference(const std::vector<int> &items) {
  for (int s : items)
    std::thread([=, &s] { use(s); }).detach(); // tidy-warning{{loop variable 's' is captured by reference by a lambda that 'std::thread' runs; 's' is destroyed when its iteration ends, so the thread can read a dangling reference; capture 's' by value}}
}

// Bug: assigned through a reference to an element of outer storage.
struct Worker {
  std::thread th;
};
void assignedThroughAReference(std::vector<Worker> &ws) {
  for (std::size_t i = 0; i < ws.size(); ++i) {
    Worker &w = ws[i];
    w.th = std::thread([&, i] { use(static_cast<int>(i)); }); // tidy-warning{{loop variable 'i' is captured by reference}}
  }
  for (auto &w : ws)
    w.th.join();
}

// Clean: the threads are assigned through a range-for over a vector of the
// iteration, which a second range-for joins.
void assignedThroughRangeForThenJoined(int rounds) {
  for (int r = 0; r < rounds; ++r) {
    std::vector<std::thread> ts(4);
    for (auto &t : ts)
      t = std::thread([&] { use(r); });
    for (auto &t : ts)
      t.join();
  }
}

// Bug: the same, into a vector that outlives the iteration.
void assignedThroughRangeForKept(std::vector<std::thread> &ts, int rounds) {
  for (int r = 0; r < rounds; ++r)
    for (auto &t : ts)
      t = std::thread([&, r] { use(r); }); // tidy-warning{{loop variable 'r' is captured by reference}}
}
