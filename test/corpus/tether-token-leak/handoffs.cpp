// tether-token-leak: hand-offs whose release depends on a value the
// spawner fixed, pools forwarded through std::ref, and the count a path
// keeps.
// RUN-ARGS: -std=c++20
#include <functional>
#include <semaphore>
#include <thread>

bool valid(int);
int work(int);

std::counting_semaphore<4> g_jobs(4);

// Clean: the worker releases exactly when the spawner acquired (the same
// by-copy flag).
void throttled(bool throttle, int item) {
  if (throttle)
    g_jobs.acquire();
  std::thread([throttle, item] {
    work(item);
    if (throttle)
      g_jobs.release();
  }).detach();
}

// Clean: the same with the condition written negated.
void unlessFree(bool free_run, int item) {
  if (!free_run)
    g_jobs.acquire();
  std::thread([free_run, item] {
    work(item);
    if (!free_run)
      g_jobs.release();
  }).detach();
}

// The flag the worker tests is not the one the spawner acquired on.
void mismatched(bool throttle, bool fast, int item) {
  if (throttle)
    g_jobs.acquire();
  std::thread([fast, item] { // analyzer-warning{{the thread started here is handed a token of 'g_jobs' but gives it back only on some paths}}
    work(item);
    if (fast)
      g_jobs.release();
  }).detach();
}

// Always acquired, released only when the by-copy flag is set: the path
// on which it is false keeps the token.
void alwaysTaken(bool throttle, int item) {
  g_jobs.acquire();
  std::thread([throttle, item] { // analyzer-warning{{the thread started here is handed a token of 'g_jobs' but gives it back only on some paths}}
    work(item);
    if (throttle)
      g_jobs.release();
  }).detach();
}

// A worker function reached through std::ref: it is read like `&pool`.
void uploadOne(std::counting_semaphore<4> &pool, int item) {
  if (!valid(item))
    return;
  work(item);
  pool.release();
}
void startByRef(int item) {
  g_jobs.acquire();
  std::thread(uploadOne, std::ref(g_jobs), item).detach(); // analyzer-warning{{the thread started here is handed a token of 'g_jobs' but gives it back only on some paths}}
}

// Clean: std::ref to a worker that gives the token back on every path.
void uploadAll(std::counting_semaphore<4> &pool, int item) {
  if (valid(item))
    work(item);
  pool.release();
}
void startByRefClean(int item) {
  g_jobs.acquire();
  std::thread(uploadAll, std::ref(g_jobs), item).detach();
}

// std::ref passes the pool on; it does not give the token away.
int refThenLeak(int item) {
  g_jobs.acquire();
  auto pool = std::ref(g_jobs);
  if (!valid(item))
    return -1; // analyzer-warning{{'refThenLeak' takes a token from 'g_jobs' with 'acquire' and, on this path, finishes without giving it back}}
  int r = work(item);
  g_jobs.release();
  return r + (pool.get().max() > 0);
}

// Three taken, one given back: the path keeps two.
int threeTakenOneBack(int item) {
  for (int i = 0; i < 3; ++i)
    g_jobs.acquire();
  int r = work(item);
  g_jobs.release(1);
  return r; // analyzer-warning{{'threeTakenOneBack' takes 3 tokens from 'g_jobs' with 'acquire' and, on this path, finishes still holding 2 of them: each such path shrinks the pool until every acquire blocks; release them on every path (a guard whose destructor releases does)}}
}

// Clean: three taken, three given back.
int threeTakenThreeBack(int item) {
  for (int i = 0; i < 3; ++i)
    g_jobs.acquire();
  int r = work(item);
  g_jobs.release(3);
  return r;
}
