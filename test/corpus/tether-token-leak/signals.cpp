// tether-token-leak: semaphores used as signals (a thread gives, the
// function waits) are not token pools; the token pools beside them still
// are.
// RUN-ARGS: -std=c++20
#include <pthread.h>
#include <queue>
#include <semaphore.h>
#include <semaphore>
#include <thread>
#include <vector>

bool valid(int);
int work(int);

// Clean: a "finished" signal from the thread, received by the function.
int joinBySignal(int item) {
  std::binary_semaphore finished(0);
  int result = 0;
  std::thread t([&] {
    result = work(item);
    finished.release();
  });
  finished.acquire();
  t.join();
  return result;
}

// Clean: the same signal on a pool that does not start empty: the thread
// was started while the function held no token, so its release is a
// signal.
std::counting_semaphore<4> g_events(1);
int waitForEvent(int item) {
  std::thread t([item] {
    work(item);
    g_events.release();
  });
  g_events.acquire();
  t.join();
  return 0;
}

// Clean: POSIX, a "started" signal posted by a pthread.
sem_t g_started;
void *announce(void *) {
  work(0);
  sem_post(&g_started);
  return nullptr;
}
int waitStarted() {
  sem_init(&g_started, 0, 0);
  pthread_t t;
  if (pthread_create(&t, nullptr, announce, nullptr) != 0)
    return -1;
  sem_wait(&g_started);
  pthread_join(t, nullptr);
  return 0;
}

// Clean: a bounded buffer, the consumer in the function.
int consume(int n) {
  std::counting_semaphore<4> free_slots(4), filled(0);
  std::queue<int> items;
  std::thread producer([&] {
    for (int i = 0; i < n; ++i) {
      free_slots.acquire();
      items.push(work(i));
      filled.release();
    }
  });
  int total = 0;
  for (int i = 0; i < n; ++i) {
    filled.acquire();
    total += items.front();
    items.pop();
    free_slots.release();
  }
  producer.join();
  return total;
}

// Clean: ping-pong between two threads.
int rally(int rounds) {
  std::binary_semaphore serve(0), back(0);
  std::thread partner([&] {
    for (int i = 0; i < rounds; ++i) {
      serve.acquire();
      work(i);
      back.release();
    }
  });
  for (int i = 0; i < rounds; ++i) {
    serve.release();
    back.acquire();
  }
  partner.join();
  return rounds;
}

// Clean: one signal per worker, waited for as many times.
int waitAll(const std::vector<int> &inputs) {
  std::counting_semaphore<> finished(0);
  std::vector<std::thread> workers;
  for (int x : inputs)
    workers.emplace_back([&finished, x] {
      work(x);
      finished.release();
    });
  for (size_t i = 0; i < inputs.size(); ++i)
    finished.acquire();
  for (auto &t : workers)
    t.join();
  return 0;
}

// Still a token pool: built empty, filled by the function itself, then
// borrowed from.
int filledThenLeaked(int item) {
  std::counting_semaphore<8> local(0);
  local.release(2);
  local.acquire();
  if (!valid(item))
    return -1; // analyzer-warning{{'filledThenLeaked' takes a token from 'local' with 'acquire' and, on this path, finishes without giving it back}}
  int r = work(item);
  local.release();
  return r;
}

// Still a token pool: the token is taken before the thread starts and
// handed to it (story 002); the function leaks it on the early return.
int handedAfterCheck(int item) {
  g_events.acquire();
  if (!valid(item))
    return -1; // analyzer-warning{{'handedAfterCheck' takes a token from 'g_events' with 'acquire' and, on this path, finishes without giving it back}}
  std::thread([item] {
    work(item);
    g_events.release();
  }).detach();
  return 0;
}

// Still a token pool: the thread takes its own token and gives it back;
// the function borrows one too and loses it.
std::counting_semaphore<4> g_workers(4);
int ownTokens(int item) {
  std::thread t([item] {
    g_workers.acquire();
    work(item);
    g_workers.release();
  });
  g_workers.acquire();
  if (!valid(item)) {
    t.join();
    return -1; // analyzer-warning{{'ownTokens' takes a token from 'g_workers' with 'acquire' and, on this path, finishes without giving it back}}
  }
  g_workers.release();
  t.join();
  return 0;
}
