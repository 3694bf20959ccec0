// tether-semaphore-spawn-deadlock: story 002 (gops FindAll) translated to
// threads with std::counting_semaphore, to POSIX semaphores and to a
// Boost.Fiber channel used as the token pool; each fix from the story as
// a clean variant.
// RUN-ARGS: -std=c++20
#include <boost/fiber/all.hpp>
#include <memory>
#include <semaphore.h>
#include <semaphore>
#include <thread>
#include <vector>

struct Proc { int pid; };
struct P { int pid; int version; };
std::vector<Proc> processes();
P inspect(const Proc &pr);

using Found = boost::fibers::unbuffered_channel<P>;

// Threads and std::counting_semaphore: the worker gives its token back only
// after sending, and FindAll receives only after the loop.
std::vector<P> findAll() {
  std::counting_semaphore<10> limit(10);
  Found found;
  std::vector<std::thread> workers;
  for (const Proc &pr : processes()) {
    limit.acquire(); // analyzer-warning{{'acquire' takes a token from 'limit' before starting each thread, but each thread gives it back only after 'push' on 'found', which 'findAll' receives from only after the loop: this deadlocks once more than 10 threads are in flight (10 tokens), every thread waiting for 'findAll' and 'findAll' waiting for a token; release the token before sending, acquire it inside the thread, run the loop in its own thread so that 'findAll' can receive, or give 'found' room for every result}}
    workers.emplace_back([&limit, &found, pr] {
      found.push(inspect(pr));
      limit.release();
    });
  }
  std::vector<P> results;
  for (size_t i = 0; i < workers.size(); ++i)
    results.push_back(found.value_pop());
  for (std::thread &t : workers)
    t.join();
  return results;
}

// Fix 1: release the token before sending.
std::vector<P> findAllReleaseFirst() {
  std::counting_semaphore<10> limit(10);
  Found found;
  std::vector<std::thread> workers;
  for (const Proc &pr : processes()) {
    limit.acquire();
    workers.emplace_back([&limit, &found, pr] {
      P p = inspect(pr);
      limit.release();
      found.push(p);
    });
  }
  std::vector<P> results;
  for (size_t i = 0; i < workers.size(); ++i)
    results.push_back(found.value_pop());
  for (std::thread &t : workers)
    t.join();
  return results;
}

// Fix 2: the worker takes the token itself.
std::vector<P> findAllAcquireInWorker() {
  std::counting_semaphore<10> limit(10);
  Found found;
  std::vector<std::thread> workers;
  for (const Proc &pr : processes())
    workers.emplace_back([&limit, &found, pr] {
      limit.acquire();
      found.push(inspect(pr));
      limit.release();
    });
  std::vector<P> results;
  for (size_t i = 0; i < workers.size(); ++i)
    results.push_back(found.value_pop());
  for (std::thread &t : workers)
    t.join();
  return results;
}

// Fix 3: the spawning loop runs in its own thread, so the caller receives
// while it spawns.
std::vector<P> findAllSpawnerThread() {
  std::counting_semaphore<10> limit(10);
  Found found;
  std::vector<Proc> all = processes();
  std::thread spawner([&] {
    for (const Proc &pr : all) {
      limit.acquire();
      std::thread([&limit, &found, pr] {
        found.push(inspect(pr));
        limit.release();
      }).detach();
    }
  });
  std::vector<P> results;
  for (size_t i = 0; i < all.size(); ++i)
    results.push_back(found.value_pop());
  spawner.join();
  return results;
}

// Fix 4: room for every result (an unbounded cpp-channel-like queue is the
// usual form; here, a buffered channel larger than the loop).
std::vector<P> findSixteen(const Proc (&procs)[16]) {
  std::counting_semaphore<4> limit(4);
  boost::fibers::buffered_channel<P> found(16); // holds 15
  std::vector<std::thread> workers;
  for (int i = 0; i < 16; ++i) {
    limit.acquire();
    workers.emplace_back([&limit, &found, &procs, i] {
      found.push(inspect(procs[i]));
      limit.release();
    });
  }
  std::vector<P> results;
  for (int i = 0; i < 16; ++i)
    results.push_back(found.value_pop());
  for (std::thread &t : workers)
    t.join();
  return results;
}

// POSIX semaphores; the worker is a named function.
struct Job {
  sem_t *limit;
  Found *found;
  Proc pr;
};
void inspectJob(sem_t *limit, Found *found, Proc pr) {
  found->push(inspect(pr));
  sem_post(limit);
}
std::vector<P> findAllPosix() {
  sem_t limit;
  sem_init(&limit, 0, 8);
  Found found;
  std::vector<std::thread> workers;
  std::vector<Proc> all = processes();
  for (const Proc &pr : all) {
    sem_wait(&limit); // analyzer-warning{{'sem_wait' takes a token from 'limit' before starting each thread, but each thread gives it back only after 'push' on 'found', which 'findAllPosix' receives from only after the loop: this deadlocks once more than 8 threads are in flight (8 tokens)}}
    workers.emplace_back(inspectJob, &limit, &found, pr);
  }
  std::vector<P> results;
  for (size_t i = 0; i < all.size(); ++i)
    results.push_back(found.value_pop());
  for (std::thread &t : workers)
    t.join();
  sem_destroy(&limit);
  return results;
}

// Go's form exactly: a buffered channel as the token pool (a push takes a
// token, a pop gives it back), fibers as goroutines, a deferred release.
struct TokenBack {
  boost::fibers::buffered_channel<int> &limit;
  ~TokenBack() { limit.value_pop(); }
};
std::vector<P> findAllFibers() {
  boost::fibers::buffered_channel<int> limit(8); // 7 tokens
  Found found;
  std::vector<Proc> all = processes();
  for (const Proc &pr : all) {
    limit.push(0); // analyzer-warning{{'push' takes a token from 'limit' before starting each fiber, but each fiber gives it back only after 'push' on 'found', which 'findAllFibers' receives from only after the loop: this deadlocks once more than 7 fibers are in flight (7 tokens)}}
    boost::fibers::fiber([&limit, &found, pr] {
      TokenBack back{limit};
      found.push(inspect(pr));
    }).detach();
  }
  std::vector<P> results;
  for (size_t i = 0; i < all.size(); ++i)
    results.push_back(found.value_pop());
  return results;
}
