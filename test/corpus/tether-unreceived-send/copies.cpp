// tether-unreceived-send: the channel is the object the smart pointers
// share, not one variable. Copies of the shared_ptr (a local, a by-value
// parameter of a helper, a guard's member, a container element) receive,
// close and keep the channel; a library's own throws (Boost.Fiber futures)
// are not the spawner giving up.
#include <array>
#include <boost/fiber/all.hpp>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

using boost::fibers::channel_op_status;
using Chan = boost::fibers::unbuffered_channel<int>;
using ChanPtr = std::shared_ptr<Chan>;
int work(int);

// One channel per worker, kept in a vector that receives from each.
int perWorker(int n) {
  std::vector<ChanPtr> outs;
  for (int i = 0; i < n; ++i) {
    auto c = std::make_shared<Chan>();
    outs.push_back(c);
    std::thread([c, i] { c->push(work(i)); }).detach();
  }
  int sum = 0;
  for (auto &c : outs)
    sum += c->value_pop();
  return sum;
}

// The same without the vector: each channel is lost at the end of its
// iteration.
int perWorkerDropped(int n) {
  int sum = 0;
  for (int i = 0; i < n; ++i) {
    auto c = std::make_shared<Chan>();
    std::thread([c, i] {
      c->push(work(i)); // analyzer-warning{{the thread started by 'std::thread' blocks forever in 'push' on 'c': 'perWorkerDropped' receives no value}}
    }).detach();
    sum += i;
  }
  return sum;
}

// A helper defined here takes the shared_ptr by value and drains it.
int drainAll(ChanPtr ch, int n) {
  int sum = 0;
  for (int i = 0; i < n; ++i)
    sum += ch->value_pop();
  return sum;
}
int helperByValue() {
  auto ch = std::make_shared<Chan>();
  for (int i = 0; i < 2; ++i)
    std::thread([ch, i] { ch->push(work(i)); }).detach();
  return drainAll(ch, 2);
}
// The helper takes one of the two values.
int drainOne(ChanPtr ch) { return ch->value_pop(); }
int helperByValueOnce() {
  auto ch = std::make_shared<Chan>();
  for (int i = 0; i < 2; ++i)
    std::thread([ch, i] {
      ch->push(work(i)); // analyzer-warning{{'helperByValueOnce' stops receiving after 1 of 2 values, so 1 thread stays blocked}}
    }).detach();
  return drainOne(ch);
}

// Receiving through a local copy.
int receiveViaCopy() {
  auto ch = std::make_shared<Chan>();
  std::thread([ch] { ch->push(work(1)); }).detach();
  auto in = ch;
  return in->value_pop();
}
// The copy receives once, two threads send.
int receiveViaCopyOnce() {
  auto ch = std::make_shared<Chan>();
  for (int i = 0; i < 2; ++i)
    std::thread([ch, i] {
      ch->push(work(i)); // analyzer-warning{{'receiveViaCopyOnce' stops receiving after 1 of 2 values, so 1 thread stays blocked}}
    }).detach();
  auto in = ch;
  return in->value_pop();
}

// Closing through a copy when the timed receive gives up.
int closeViaCopy() {
  auto ch = std::make_shared<Chan>();
  std::thread([ch] { ch->push(work(1)); }).detach();
  auto out = ch;
  int v;
  if (ch->pop_wait_for(v, std::chrono::milliseconds(10)) !=
      channel_op_status::success) {
    out->close();
    return -1;
  }
  return v;
}

// A guard that closes its copy of the channel in its destructor.
struct Closer {
  ChanPtr ch;
  ~Closer() { ch->close(); }
};
int guardCloses() {
  auto ch = std::make_shared<Chan>();
  Closer guard{ch};
  std::thread([ch] { ch->push(work(1)); }).detach();
  int v;
  if (ch->pop_wait_for(v, std::chrono::milliseconds(10)) !=
      channel_op_status::success)
    return -1;
  return v;
}
// A guard holding a reference to the channel object.
struct RefCloser {
  Chan &c;
  ~RefCloser() { c.close(); }
};
int refGuardCloses() {
  auto ch = std::make_shared<Chan>();
  RefCloser guard{*ch};
  std::thread([ch] { ch->push(work(1)); }).detach();
  int v;
  if (ch->pop_wait_for(v, std::chrono::milliseconds(10)) !=
      channel_op_status::success)
    return -1;
  return v;
}
// A guard that does not close.
struct Holder {
  ChanPtr ch;
};
int guardHolds() {
  auto ch = std::make_shared<Chan>();
  Holder h{ch};
  std::thread([ch] {
    ch->push(work(1)); // analyzer-warning{{'guardHolds' gives up before the value arrives, so the thread stays blocked}}
  }).detach();
  int v;
  if (ch->pop_wait_for(v, std::chrono::milliseconds(10)) !=
      channel_op_status::success)
    return -1;
  return v;
}

// A copy that outlives the spawner's variable: the channel lives on.
ChanPtr keep;
int copyKeptOutside() {
  auto ch = std::make_shared<Chan>();
  for (int i = 0; i < 2; ++i)
    std::thread([ch, i] { ch->push(work(i)); }).detach();
  keep = ch;
  return ch->value_pop();
}

// A raw pointer at a local channel: the channel keeps its own name.
int localThroughPointer() {
  Chan ch;
  Chan *p = &ch;
  boost::fibers::fiber a([p] {
    p->push(work(1)); // analyzer-warning{{the fiber started by 'boost::fibers::fiber' blocks forever in 'push' on 'ch': 'localThroughPointer' stops receiving after 1 of 2 values, so 1 fiber stays blocked until 'ch' is destroyed, whose destructor wakes it inside a dead channel; receive every value, close 'ch' before giving up, or make it a buffered_channel<T>(4) (the capacity must be a power of two; it holds 3 values)}}
  });
  boost::fibers::fiber b([p] { p->push(work(2)); });
  a.detach();
  b.detach();
  return ch.value_pop();
}

// Boost.Fiber futures throw on their own error paths
// (future_uninitialized); those are not the spawner giving up.
int asyncDrained() {
  auto ch = std::make_shared<Chan>();
  boost::fibers::async([ch] { ch->push(work(1)); });
  boost::fibers::async([ch] { ch->push(work(2)); });
  return ch->value_pop() + ch->value_pop();
}
int asyncFutureKept() {
  auto ch = std::make_shared<Chan>();
  auto f = boost::fibers::async([ch] { ch->push(work(1)); });
  int v = ch->value_pop();
  f.wait();
  return v;
}
int promiseAfterSpawn() {
  auto ch = std::make_shared<Chan>();
  boost::fibers::fiber([ch] { ch->push(work(1)); }).detach();
  boost::fibers::promise<int> p;
  boost::fibers::future<int> f = p.get_future();
  p.set_value(2);
  int extra = f.get();
  return ch->value_pop() + extra;
}
// The same spawner really stops after one value.
int asyncFirst() {
  auto ch = std::make_shared<Chan>();
  boost::fibers::async([ch] {
    ch->push(work(1)); // analyzer-warning{{the fiber started by 'boost::fibers::async' blocks forever in 'push' on 'ch': 'asyncFirst' stops receiving after 1 of 2 values, so 1 fiber stays blocked}}
  });
  boost::fibers::async([ch] { ch->push(work(2)); });
  return ch->value_pop();
}

// FIXME: a local initialised as a copy of a container's element owns
// nothing of its own, so the channel is not followed and the second
// worker, never received from, is not reported.
int perWorkerArrayFirstOnly() {
  std::array<ChanPtr, 2> chans{std::make_shared<Chan>(),
                               std::make_shared<Chan>()};
  for (int i = 0; i < 2; ++i) {
    auto c = chans[i];
    std::thread([c, i] { c->push(work(i)); }).detach();
  }
  return chans[0]->value_pop();
}
