// Smoke test against the real libstdc++: wait_for lives in
// std::__basic_future there, the timeout enumerator in std::future_status.
// REAL-HEADERS
#include <chrono>
#include <future>

int compute(int);

int deadline(int x) {
  auto f = std::async(std::launch::async, compute, x);
  if (f.wait_for(std::chrono::milliseconds(5)) == std::future_status::timeout)
    return -1; // tidy-warning{{'f' gives up on 'wait_for' after it times out, but the future from 'std::async' is destroyed here}}
  return f.get();
}

// Clean.
int patient(int x) {
  auto f = std::async(std::launch::async, compute, x);
  while (f.wait_for(std::chrono::milliseconds(5)) != std::future_status::ready) {
  }
  return f.get();
}
