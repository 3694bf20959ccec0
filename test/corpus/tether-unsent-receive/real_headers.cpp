// tether-unsent-receive against the real Boost.Fiber and libstdc++ headers.
// REAL-HEADERS
// RUN-ARGS: -std=c++20
#include <boost/fiber/all.hpp>
#include <memory>
#include <thread>
#include <vector>

void print(int);

// Story 003, listing 1: nothing is ever sent.
void leak() {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<int>>();
  boost::fibers::fiber([ch] {
    int val = ch->value_pop(); // analyzer-warning{{the fiber started by 'boost::fibers::fiber' blocks forever in 'value_pop' on 'ch': 'leak' drops 'ch' after sending 0 values while 1 receiver waits; send every value it waits for, or close 'ch' before returning}}
    print(val);
  }).detach();
}

// A consumer that ranges over the channel until it is closed; the producer
// forgets to close it.
void produce(const std::vector<int> &items) {
  auto jobs = std::make_shared<boost::fibers::buffered_channel<int>>(16);
  std::thread([jobs] {
    for (int job : *jobs) // analyzer-warning{{blocks forever iterating over 'jobs': it receives until 'jobs' is closed, but 'produce' drops it without closing it}}
      print(job);
  }).detach();
  for (int item : items)
    jobs->push(item);
}

// Clean: closed after the last value.
void produceAndClose(const std::vector<int> &items) {
  auto jobs = std::make_shared<boost::fibers::buffered_channel<int>>(16);
  std::thread([jobs] {
    for (int job : *jobs)
      print(job);
  }).detach();
  for (int item : items)
    jobs->push(item);
  jobs->close();
}

// The canonical Boost consumer: break once pop() stops succeeding.
void breakOnStatus() {
  auto ch = std::make_shared<boost::fibers::buffered_channel<int>>(8);
  std::thread([ch] {
    for (;;) {
      int v;
      if (ch->pop(v) != boost::fibers::channel_op_status::success) // analyzer-warning{{it receives until 'ch' is closed, but 'breakOnStatus' drops it without closing it}}
        break;
      print(v);
    }
  }).detach();
  for (int i = 0; i < 3; ++i)
    ch->push(i);
}

// A consumer started with boost::fibers::async; the producer closes.
void asyncConsumerClosed() {
  auto ch = std::make_shared<boost::fibers::buffered_channel<int>>(4);
  boost::fibers::async([ch] {
    for (int v : *ch)
      print(v);
  });
  ch->push(1);
  ch->close();
}
