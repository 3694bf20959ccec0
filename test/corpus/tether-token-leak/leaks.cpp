// tether-token-leak: a token taken and not given back on some path, in the
// function that took it or in the work it was handed to; guards, helpers
// and every fix side by side.
// RUN-ARGS: -std=c++20
#include <chrono>
#include <semaphore.h>
#include <semaphore>
#include <thread>
#include <utility>

bool valid(int);
int work(int);
void log(const char *);

std::counting_semaphore<8> g_slots(8);

// An early return forgets the token.
int earlyReturn(int item) {
  g_slots.acquire();
  if (!valid(item))
    return -1; // analyzer-warning{{'earlyReturn' takes a token from 'g_slots' with 'acquire' and, on this path, finishes without giving it back: each such path shrinks the pool until every acquire blocks; release it on every path (a guard whose destructor releases does)}}
  int r = work(item);
  g_slots.release();
  return r;
}

// Clean: released on both paths.
int bothPaths(int item) {
  g_slots.acquire();
  if (!valid(item)) {
    g_slots.release();
    return -1;
  }
  int r = work(item);
  g_slots.release();
  return r;
}

// Clean: a guard releases on every path.
struct SlotGuard {
  std::counting_semaphore<8> &s;
  explicit SlotGuard(std::counting_semaphore<8> &s) : s(s) { s.acquire(); }
  ~SlotGuard() { s.release(); }
};
int guarded(int item) {
  SlotGuard g(g_slots);
  if (!valid(item))
    return -1;
  return work(item);
}

// Clean: a lock-like helper returns holding the token on purpose.
void takeSlot() { g_slots.acquire(); }

// try_acquire: only the success path holds a token.
int tryPath(int item) {
  if (!g_slots.try_acquire())
    return 0;
  if (!valid(item))
    return -1; // analyzer-warning{{'tryPath' takes a token from 'g_slots' with 'try_acquire' and, on this path, finishes without giving it back}}
  g_slots.release();
  return 1;
}

// Clean: the failed try holds nothing.
int tryClean(int item) {
  if (!g_slots.try_acquire_for(std::chrono::milliseconds(10)))
    return 0;
  int r = work(item);
  g_slots.release();
  return r;
}

// In a loop: `continue` skips the release.
int inLoop(const int *items, int n) {
  int done = 0;
  for (int i = 0; i < n; ++i) {
    g_slots.acquire();
    if (!valid(items[i]))
      continue;
    done += work(items[i]);
    g_slots.release();
  }
  return done; // analyzer-warning{{'inLoop' takes a token from 'g_slots' with 'acquire' and, on this path, finishes without giving it back}}
}

// POSIX: sem_wait / sem_post.
int posix(sem_t *limit, int item) {
  sem_wait(limit);
  if (!valid(item)) {
    log("invalid");
    return -1; // analyzer-warning{{'posix' takes a token from 'limit' with 'sem_wait' and, on this path, finishes without giving it back}}
  }
  int r = work(item);
  sem_post(limit);
  return r;
}

// Clean: sem_trywait failure holds nothing; success is released.
int posixTry(sem_t *limit, int item) {
  if (sem_trywait(limit) != 0)
    return 0;
  int r = work(item);
  sem_post(limit);
  return r;
}

// Clean: two tokens, release(2).
int twoAtOnce(int item) {
  g_slots.acquire();
  g_slots.acquire();
  int r = work(item);
  g_slots.release(2);
  return r;
}

// The spawner hands the token to the worker, which gives it back only on
// some paths.
void handedLeaks(int item) {
  g_slots.acquire();
  std::thread([item] { // analyzer-warning{{the thread started here is handed a token of 'g_slots' but gives it back only on some paths: a path that finishes without 'release' shrinks the pool for good; give it back on every path (a guard whose destructor calls 'release' does)}}
    if (!valid(item))
      return;
    work(item);
    g_slots.release();
  }).detach();
}

// Clean: the worker gives it back on every path.
void handedClean(int item) {
  g_slots.acquire();
  std::thread([item] {
    if (valid(item))
      work(item);
    g_slots.release();
  }).detach();
}

// Clean: the worker releases through a guard of its own.
void handedGuard(int item) {
  g_slots.acquire();
  std::thread([item] {
    struct Back {
      ~Back() { g_slots.release(); }
    } back;
    if (!valid(item))
      return;
    work(item);
  }).detach();
}

// The spawner forgets to start the worker on one path.
void spawnOrNot(int item) {
  g_slots.acquire();
  if (!valid(item))
    return; // analyzer-warning{{'spawnOrNot' takes a token from 'g_slots' with 'acquire' and, on this path, finishes without giving it back}}
  std::thread([item] {
    work(item);
    g_slots.release();
  }).detach();
}

// Clean: a pool that is a data member (others may give its tokens back).
struct Crawler {
  std::counting_semaphore<4> slots{4};
  void fetch(int url) {
    slots.acquire();
    std::thread([this, url] {
      work(url);
      slots.release();
    }).detach();
  }
};

// Clean: the pool is handed to code Tether does not see.
void giveBackLater(std::counting_semaphore<8> *pool);
int handedToOpaque(int item) {
  g_slots.acquire();
  if (!valid(item)) {
    giveBackLater(&g_slots);
    return -1;
  }
  g_slots.release();
  return 0;
}

// Clean: a lock-like helper that also starts unrelated work.
void takeAndLog(int item) {
  g_slots.acquire();
  std::thread([item] { work(item); }).detach();
}

// Clean: release(n) with a count the analysis does not know gives back
// what was taken.
int releaseMany(int n) {
  for (int i = 0; i < n; ++i)
    g_slots.acquire();
  int r = work(n);
  g_slots.release(n);
  return r;
}
