// tether-semaphore-spawn-deadlock: variations of the shape, and the
// exemptions (try-acquire, receives in the loop, a loop that fits the
// tokens, unknown or unbounded room, guards and scope-exit helpers).
// RUN-ARGS: -std=c++20
// CHECK-OPTION: TokenTypes=::app::Slots(arg0)
// CHECK-OPTION: TokenAcquireFunctions=::app::Slots::take
// CHECK-OPTION: TokenReleaseFunctions=::app::Slots::give
#include <boost/fiber/all.hpp>
#include <memory>
#include <msd/channel.hpp>
#include <semaphore>
#include <thread>
#include <utility>
#include <vector>

int work(int);
using Chan = boost::fibers::unbuffered_channel<int>;

// A constant loop longer than the tokens: the bound is in the message.
int sixteenOnFour() {
  std::counting_semaphore<4> slots(4);
  Chan out;
  for (int i = 0; i < 16; ++i) {
    slots.acquire(); // analyzer-warning{{this deadlocks once more than 4 threads are in flight (4 tokens)}}
    std::thread([&slots, &out, i] {
      out.push(work(i));
      slots.release();
    }).detach();
  }
  int sum = 0;
  for (int i = 0; i < 16; ++i)
    sum += out.value_pop();
  return sum;
}

// Clean: the loop fits the tokens.
int fourOnFour() {
  std::counting_semaphore<4> slots(4);
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

// The channel's room counts: 4 tokens + 3 values held = 7 < 8 iterations.
int eightOnFourPlusThree() {
  std::counting_semaphore<4> slots(4);
  boost::fibers::buffered_channel<int> out(4); // holds 3
  for (int i = 0; i < 8; ++i) {
    slots.acquire(); // analyzer-warning{{this deadlocks once more than 7 threads are in flight (4 tokens plus the 3 values 'out' holds)}}
    std::thread([&slots, &out, i] {
      out.push(work(i));
      slots.release();
    }).detach();
  }
  int sum = 0;
  for (int i = 0; i < 8; ++i)
    sum += out.value_pop();
  return sum;
}

// Clean: 4 tokens + 7 values held >= 8 iterations.
int eightOnFourPlusSeven() {
  std::counting_semaphore<4> slots(4);
  boost::fibers::buffered_channel<int> out(8); // holds 7
  for (int i = 0; i < 8; ++i) {
    slots.acquire();
    std::thread([&slots, &out, i] {
      out.push(work(i));
      slots.release();
    }).detach();
  }
  int sum = 0;
  for (int i = 0; i < 8; ++i)
    sum += out.value_pop();
  return sum;
}

// Clean: room for every result (an unbounded cpp-channel).
int unboundedResults(const std::vector<int> &items) {
  std::counting_semaphore<4> slots(4);
  auto out = std::make_shared<msd::channel<int>>();
  for (int item : items) {
    slots.acquire();
    std::thread([&slots, out, item] {
      *out << work(item);
      slots.release();
    }).detach();
  }
  int sum = 0, v = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    *out >> v;
    sum += v;
  }
  return sum;
}

// Clean: the results are received inside the loop too.
int receivesInTheLoop(const std::vector<int> &items) {
  std::counting_semaphore<4> slots(4);
  Chan out;
  int sum = 0;
  for (int item : items) {
    slots.acquire();
    std::thread([&slots, &out, item] {
      out.push(work(item));
      slots.release();
    }).detach();
    sum += out.value_pop();
  }
  return sum;
}

// Clean: try_acquire with a fallback that does not block.
int tryAcquire(const std::vector<int> &items) {
  std::counting_semaphore<4> slots(4);
  Chan out;
  int started = 0, sum = 0;
  for (int item : items) {
    if (!slots.try_acquire())
      continue;
    ++started;
    std::thread([&slots, &out, item] {
      out.push(work(item));
      slots.release();
    }).detach();
  }
  for (int i = 0; i < started; ++i)
    sum += out.value_pop();
  return sum;
}

// binary_semaphore: one token.
int oneAtATime(const std::vector<int> &items) {
  std::binary_semaphore slot(1);
  Chan out;
  for (int item : items) {
    slot.acquire(); // analyzer-warning{{this deadlocks once more than 1 thread is in flight (1 token)}}
    std::thread([&slot, &out, item] {
      out.push(work(item));
      slot.release();
    }).detach();
  }
  int sum = 0;
  for (size_t i = 0; i < items.size(); ++i)
    sum += out.value_pop();
  return sum;
}

// A global semaphore, used by the worker without a capture.
std::counting_semaphore<3> g_slots(3);
int globalPool(const std::vector<int> &items) {
  Chan out;
  for (int item : items) {
    g_slots.acquire(); // analyzer-warning{{'acquire' takes a token from 'g_slots' before starting each thread, but each thread gives it back only after 'push' on 'out'}}
    std::thread([&out, item] {
      out.push(work(item));
      g_slots.release();
    }).detach();
  }
  int sum = 0;
  for (size_t i = 0; i < items.size(); ++i)
    sum += out.value_pop();
  return sum;
}

// A scope-exit helper gives the token back when the worker ends.
template <typename F> struct ScopeExit {
  F f;
  ~ScopeExit() { f(); }
};
template <typename F> ScopeExit<F> onExit(F f) { return {std::move(f)}; }
int scopeExitRelease(const std::vector<int> &items) {
  std::counting_semaphore<4> slots(4);
  Chan out;
  for (int item : items) {
    slots.acquire(); // analyzer-warning{{'acquire' takes a token from 'slots' before starting each thread, but each thread gives it back only after 'push' on 'out'}}
    std::thread([&slots, &out, item] {
      auto back = onExit([&slots] { slots.release(); });
      out.push(work(item));
    }).detach();
  }
  int sum = 0;
  for (size_t i = 0; i < items.size(); ++i)
    sum += out.value_pop();
  return sum;
}

// Clean: the worker gives the token back on a path that does not send.
int releaseOnEveryPathBeforeSend(const std::vector<int> &items) {
  std::counting_semaphore<4> slots(4);
  Chan out;
  for (int item : items) {
    slots.acquire();
    std::thread([&slots, &out, item] {
      int r = work(item);
      slots.release();
      if (r > 0)
        out.push(r);
      else
        out.push(0);
    }).detach();
  }
  int sum = 0;
  for (size_t i = 0; i < items.size(); ++i)
    sum += out.value_pop();
  return sum;
}

// Clean: the results channel's capacity is not known.
int unknownRoom(const std::vector<int> &items, size_t room) {
  std::counting_semaphore<4> slots(4);
  boost::fibers::buffered_channel<int> out(room);
  for (int item : items) {
    slots.acquire();
    std::thread([&slots, &out, item] {
      out.push(work(item));
      slots.release();
    }).detach();
  }
  int sum = 0;
  for (size_t i = 0; i < items.size(); ++i)
    sum += out.value_pop();
  return sum;
}

// A while loop and a shared_ptr channel.
int whileLoop(int n) {
  std::counting_semaphore<2> slots(2);
  auto out = std::make_shared<Chan>();
  int i = 0;
  while (i < n) {
    slots.acquire(); // analyzer-warning{{but each thread gives it back only after 'push' on 'out', which 'whileLoop' receives from only after the loop: this deadlocks once more than 2 threads are in flight (2 tokens)}}
    std::thread([&slots, out, i] {
      out->push(work(i));
      slots.release();
    }).detach();
    ++i;
  }
  int sum = 0;
  for (int k = 0; k < n; ++k)
    sum += out->value_pop();
  return sum;
}

// A user token pool declared through the options.
namespace app {
class Slots {
public:
  explicit Slots(int n);
  void take();
  void give();
};
} // namespace app
int userPool(const std::vector<int> &items) {
  app::Slots slots(6);
  Chan out;
  for (int item : items) {
    slots.take(); // analyzer-warning{{'take' takes a token from 'slots' before starting each thread, but each thread gives it back only after 'push' on 'out', which 'userPool' receives from only after the loop: this deadlocks once more than 6 threads are in flight (6 tokens)}}
    std::thread([&slots, &out, item] {
      out.push(work(item));
      slots.give();
    }).detach();
  }
  int sum = 0;
  for (size_t i = 0; i < items.size(); ++i)
    sum += out.value_pop();
  return sum;
}

// Nested loops: the inner loop spawns.
int nestedLoops(const std::vector<std::vector<int>> &batches) {
  std::counting_semaphore<4> slots(4);
  Chan out;
  size_t total = 0;
  for (const auto &batch : batches)
    for (int item : batch) {
      slots.acquire(); // analyzer-warning{{this deadlocks once more than 4 threads are in flight (4 tokens)}}
      ++total;
      std::thread([&slots, &out, item] {
        out.push(work(item));
        slots.release();
      }).detach();
    }
  int sum = 0;
  for (size_t i = 0; i < total; ++i)
    sum += out.value_pop();
  return sum;
}

// Clean: a collector thread started before the loop receives while the
// loop spawns.
int collectorThread(const std::vector<int> &items) {
  std::counting_semaphore<4> slots(4);
  Chan out;
  int sum = 0;
  std::thread collector([&out, &sum, n = items.size()] {
    for (size_t i = 0; i < n; ++i)
      sum += out.value_pop();
  });
  for (int item : items) {
    slots.acquire();
    std::thread([&slots, &out, item] {
      out.push(work(item));
      slots.release();
    }).detach();
  }
  collector.join();
  return sum + out.value_pop();
}

// A loop with a step: 16 / 4 = 4 iterations fit the 4 tokens.
int steppedLoop() {
  std::counting_semaphore<4> slots(4);
  Chan out;
  for (int i = 0; i < 16; i += 4) {
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

// Counting down: 8 iterations on 4 tokens.
int countDown() {
  std::counting_semaphore<4> slots(4);
  Chan out;
  for (int i = 8; i > 0; --i) {
    slots.acquire(); // analyzer-warning{{this deadlocks once more than 4 threads are in flight (4 tokens)}}
    std::thread([&slots, &out, i] {
      out.push(work(i));
      slots.release();
    }).detach();
  }
  int sum = 0;
  for (int i = 0; i < 8; ++i)
    sum += out.value_pop();
  return sum;
}

// Clean: a guard in an inner block gives the token back before the send.
struct Back {
  std::counting_semaphore<4> &s;
  ~Back() { s.release(); }
};
int guardBeforeSend(const std::vector<int> &items) {
  std::counting_semaphore<4> slots(4);
  Chan out;
  for (int item : items) {
    slots.acquire();
    std::thread([&slots, &out, item] {
      int r;
      {
        Back back{slots};
        r = work(item);
      }
      out.push(r);
    }).detach();
  }
  int sum = 0;
  for (size_t i = 0; i < items.size(); ++i)
    sum += out.value_pop();
  return sum;
}

// Clean: the results channel is the caller's, who may receive from it.
int callersChannel(Chan &out, const std::vector<int> &items) {
  std::counting_semaphore<4> slots(4);
  for (int item : items) {
    slots.acquire();
    std::thread([&slots, &out, item] {
      out.push(work(item));
      slots.release();
    }).detach();
  }
  return out.value_pop();
}

// Clean: an unbounded cpp-channel as the pool never blocks the acquire.
int unboundedPool(const std::vector<int> &items) {
  msd::channel<int> pool;
  Chan out;
  for (int item : items) {
    pool << 0;
    std::thread([&pool, &out, item] {
      int token = 0;
      out.push(work(item));
      pool >> token;
    }).detach();
  }
  int sum = 0;
  for (size_t i = 0; i < items.size(); ++i)
    sum += out.value_pop();
  return sum;
}
