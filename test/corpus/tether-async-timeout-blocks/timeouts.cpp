// std::async futures wait in their destructor: a timeout that lets one be
// destroyed does not stop the caller from waiting.
#include <chrono>
#include <future>
#include <optional>
#include <vector>

int slowQuery(int);
using namespace std::chrono_literals;

std::optional<int> withDeadline(int q) {
  std::future<int> f = std::async(std::launch::async, slowQuery, q); // tidy-note{{'std::async' starts the task here}}
  if (f.wait_for(100ms) == std::future_status::timeout) // tidy-note{{'wait_for' times out on this path}}
    return std::nullopt; // tidy-warning{{'f' gives up on 'wait_for' after it times out, but the future from 'std::async' is destroyed here and its destructor blocks until the task finishes, so the timeout has no effect; keep the future alive past this point (store it, or hand the work to a thread that owns a promise), or make the task stoppable}}
  return f.get();
}

std::optional<int> notReady(int q) {
  auto f = std::async(slowQuery, q); // tidy-note{{'std::async' starts the task here}}
  if (f.wait_for(std::chrono::seconds(1)) != std::future_status::ready) // tidy-note{{'wait_for' times out on this path}}
    return {}; // tidy-warning{{'f' gives up on 'wait_for' after it times out}}
  return f.get();
}

int statusVariable(int q) {
  auto f = std::async(std::launch::async, slowQuery, q); // tidy-note{{'std::async' starts the task here}}
  std::future_status st = f.wait_until(std::chrono::steady_clock::now() + 50ms); // tidy-note{{'wait_until' times out on this path}}
  if (st == std::future_status::timeout) {
    return -1; // tidy-warning{{'f' gives up on 'wait_until' after it times out}}
  }
  return f.get();
}

int readyThenElse(int q) {
  auto f = std::async(std::launch::async, slowQuery, q); // tidy-note{{'std::async' starts the task here}}
  if (f.wait_for(10ms) == std::future_status::ready) // tidy-note{{'wait_for' times out on this path}}
    return f.get();
  int fallback = -1;
  return fallback; // tidy-warning{{'f' gives up on 'wait_for' after it times out}}
}

int switchOnStatus(int q) {
  auto f = std::async(std::launch::async, slowQuery, q); // tidy-note{{'std::async' starts the task here}}
  switch (f.wait_for(10ms)) { // tidy-note{{'wait_for' times out on this path}}
  case std::future_status::ready:
    return f.get();
  case std::future_status::timeout:
    break;
  case std::future_status::deferred:
    return f.get();
  }
  return 0; // tidy-warning{{'f' gives up on 'wait_for' after it times out}}
}

void endOfScope(int q) {
  auto f = std::async(std::launch::async, slowQuery, q); // tidy-note{{'std::async' starts the task here}}
  if (f.wait_for(1ms) == std::future_status::timeout) { // tidy-note{{'wait_for' times out on this path}}
    // log and move on
  }
} // tidy-warning{{'f' gives up on 'wait_for' after it times out}}

void assignedLater(int q, bool again) {
  std::future<int> f;
  f = std::async(std::launch::async, slowQuery, q); // tidy-note{{'std::async' starts the task here}}
  if (!(f.wait_for(1ms) != std::future_status::timeout)) // tidy-note{{'wait_for' times out on this path}}
    return; // tidy-warning{{'f' gives up on 'wait_for' after it times out}}
  f.get();
}

// Clean: keeps waiting until ready.
int pollUntilReady(int q) {
  auto f = std::async(std::launch::async, slowQuery, q);
  while (f.wait_for(10ms) == std::future_status::timeout) {
    // report progress
  }
  return f.get();
}

// Clean: waits for the result after the timeout, on purpose.
int waitAnyway(int q) {
  auto f = std::async(std::launch::async, slowQuery, q);
  if (f.wait_for(10ms) == std::future_status::timeout)
    return f.get() + 1;
  return f.get();
}

// Clean: the future is kept alive elsewhere; the caller really moves on.
std::vector<std::future<int>> abandoned;
int keepAlive(int q) {
  auto f = std::async(std::launch::async, slowQuery, q);
  if (f.wait_for(10ms) == std::future_status::timeout) {
    abandoned.push_back(std::move(f));
    return -1;
  }
  return f.get();
}

// Clean: a deferred future never started a task.
int deferred(int q) {
  auto f = std::async(std::launch::deferred, slowQuery, q);
  if (f.wait_for(0ms) == std::future_status::timeout)
    return -1;
  return f.get();
}

// Clean: a future from a promise does not wait in its destructor.
int fromPromise(std::promise<int> &p) {
  std::future<int> f = p.get_future();
  if (f.wait_for(10ms) == std::future_status::timeout)
    return -1;
  return f.get();
}

// Clean: the timeout branch waits with wait().
int waitOnTimeout(int q) {
  auto f = std::async(std::launch::async, slowQuery, q);
  if (f.wait_for(10ms) != std::future_status::ready) {
    f.wait();
    return -1;
  }
  return f.get();
}
