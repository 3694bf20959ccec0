// tether-semaphore-spawn-deadlock: pools built empty and filled before the
// loop, and local lambdas that give the token back where they are called
// (not guards).
// RUN-ARGS: -std=c++20
#include <boost/fiber/all.hpp>
#include <semaphore>
#include <thread>
#include <vector>

int work(int);
int count();
using Chan = boost::fibers::unbuffered_channel<int>;

// Clean: built empty, filled with 8 tokens, 4 iterations.
int filledEnough() {
  std::counting_semaphore<8> slots(0);
  slots.release(8);
  Chan out;
  for (int i = 0; i < 4; ++i) {
    slots.acquire();
    std::thread([&slots, &out, i] {
      out.push(work(i));
      slots.release();
    }).detach();
  }
  int sum = 0;
  for (int i = 0; i < 4; ++i)
    sum += out.value_pop();
  return sum;
}

// Built empty, filled with 2 tokens, 6 iterations: the bound counts the
// fill.
int filledShort() {
  std::counting_semaphore<8> slots(0);
  slots.release(2);
  Chan out;
  for (int i = 0; i < 6; ++i) {
    slots.acquire(); // analyzer-warning{{this deadlocks once more than 2 threads are in flight (2 tokens)}}
    std::thread([&slots, &out, i] {
      out.push(work(i));
      slots.release();
    }).detach();
  }
  int sum = 0;
  for (int i = 0; i < 6; ++i)
    sum += out.value_pop();
  return sum;
}

// Clean: filled with a count the source does not fix: the bound is
// unknown, nothing is reported.
int filledUnknown() {
  std::counting_semaphore<64> slots(0);
  slots.release(count());
  Chan out;
  for (int i = 0; i < 6; ++i) {
    slots.acquire();
    std::thread([&slots, &out, i] {
      out.push(work(i));
      slots.release();
    }).detach();
  }
  int sum = 0;
  for (int i = 0; i < 6; ++i)
    sum += out.value_pop();
  return sum;
}

// Clean: a local lambda called before the send gives the token back then,
// not when the worker ends.
int doneBeforeSend(const std::vector<int> &items) {
  std::counting_semaphore<4> slots(4);
  Chan out;
  for (int x : items) {
    slots.acquire();
    std::thread([&slots, &out, x] {
      auto done = [&slots] { slots.release(); };
      int r = work(x);
      done();
      out.push(r);
    }).detach();
  }
  int sum = 0;
  for (size_t i = 0; i < items.size(); ++i)
    sum += out.value_pop();
  return sum;
}

// The local lambda called after the send: the token goes back only then.
int doneAfterSend(const std::vector<int> &items) {
  std::counting_semaphore<4> slots(4);
  Chan out;
  for (int x : items) {
    slots.acquire(); // analyzer-warning{{each thread gives it back only after 'push' on 'out'}}
    std::thread([&slots, &out, x] {
      auto done = [&slots] { slots.release(); };
      out.push(work(x));
      done();
    }).detach();
  }
  int sum = 0;
  for (size_t i = 0; i < items.size(); ++i)
    sum += out.value_pop();
  return sum;
}
