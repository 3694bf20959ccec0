// tether-unsent-receive: spawned work blocks on a receive that the spawner,
// on some path, neither satisfies nor closes (story 003, listing 1), and
// workers that receive until the channel is closed when it never is.
#include <boost/fiber/all.hpp>
#include <chrono>
#include <memory>
#include <msd/channel.hpp>
#include <string>
#include <task.h>
#include <thread>
#include <vector>

void print(int);
int produce(int);
bool ready();

// Story 003, listing 1: nothing is ever sent and nothing closes.
void leak() {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<int>>();
  std::thread([ch] {
    int val = ch->value_pop(); // analyzer-warning{{the thread started by 'std::thread' blocks forever in 'value_pop' on 'ch': 'leak' drops 'ch' after sending 0 values while 1 receiver waits; send every value it waits for, or close 'ch' before returning}}
    print(val);
  }).detach();
}

// The same with a fiber and pop().
void leakFiber() {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<int>>();
  boost::fibers::fiber([ch] {
    int val;
    if (ch->pop(val) == boost::fibers::channel_op_status::success) // analyzer-warning{{the fiber started by 'boost::fibers::fiber' blocks forever in 'pop' on 'ch'}}
      print(val);
  }).detach();
}

// Clean: the value is sent.
void sends() {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<int>>();
  std::thread([ch] { print(ch->value_pop()); }).detach();
  ch->push(produce(1));
}

// Clean: closing wakes the receiver (pop returns `closed`).
void closes() {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<int>>();
  std::thread([ch] {
    int v;
    if (ch->pop(v) == boost::fibers::channel_op_status::success)
      print(v);
  }).detach();
  ch->close();
}

// Sent on one path only: the early return strands the receiver.
void sendsOnOnePath(bool skip) {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<int>>();
  std::thread([ch] {
    print(ch->value_pop()); // analyzer-warning{{'sendsOnOnePath' drops 'ch' after sending 0 values while 1 receiver waits}}
  }).detach();
  if (skip)
    return;
  ch->push(produce(2));
}

// Two receivers, one value.
void twoReceiversOneValue() {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<int>>();
  for (int i = 0; i < 2; ++i)
    std::thread([ch] {
      print(ch->value_pop()); // analyzer-warning{{'twoReceiversOneValue' drops 'ch' after sending 1 value while 1 receiver waits}}
    }).detach();
  ch->push(produce(3));
}

// A consumer that receives until the channel is closed: range-for.
void consumerNeverClosed(const std::vector<int> &items) {
  auto jobs = std::make_shared<boost::fibers::buffered_channel<int>>(16);
  std::thread([jobs] {
    for (int job : *jobs) // analyzer-warning{{the thread started by 'std::thread' blocks forever iterating over 'jobs': it receives until 'jobs' is closed, but 'consumerNeverClosed' drops it without closing it; close 'jobs' once the last value is sent}}
      print(job);
  }).detach();
  for (int item : items)
    jobs->push(item);
}

// Clean: the producer closes the channel after the last value.
void consumerClosed(const std::vector<int> &items) {
  auto jobs = std::make_shared<boost::fibers::buffered_channel<int>>(16);
  std::thread([jobs] {
    for (int job : *jobs)
      print(job);
  }).detach();
  for (int item : items)
    jobs->push(item);
  jobs->close();
}

// A consumer loop written with pop(): the loop ends only when pop reports
// `closed`.
void popLoopNeverClosed() {
  auto jobs = std::make_shared<boost::fibers::unbuffered_channel<int>>();
  std::thread t([jobs] {
    int job;
    while (jobs->pop(job) == boost::fibers::channel_op_status::success) // analyzer-warning{{it receives until 'jobs' is closed, but 'popLoopNeverClosed' drops it without closing it}}
      print(job);
  });
  jobs->push(1);
  jobs->push(2);
  t.detach();
}

// Clean: the worker gives up after a timeout.
void timedReceiver() {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<int>>();
  std::thread([ch] {
    int v;
    if (ch->pop_wait_for(v, std::chrono::seconds(1)) ==
        boost::fibers::channel_op_status::success)
      print(v);
  }).detach();
}

// Clean: the worker polls with try_pop.
void pollingReceiver() {
  auto ch = std::make_shared<boost::fibers::buffered_channel<int>>(4);
  std::thread([ch] {
    int v;
    while (!ready())
      if (ch->try_pop(v) == boost::fibers::channel_op_status::success)
        print(v);
  }).detach();
}

// Clean: another worker sends.
void otherSender() {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<int>>();
  std::thread([ch] { print(ch->value_pop()); }).detach();
  std::thread([ch] { ch->push(produce(4)); }).detach();
}

// Clean: the channel is handed to code Tether does not see.
void registerChannel(std::shared_ptr<boost::fibers::unbuffered_channel<int>>);
void handedOff() {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<int>>();
  std::thread([ch] { print(ch->value_pop()); }).detach();
  registerChannel(ch);
}

// cpp-channel: a reader waits until a value arrives or the channel is
// closed; a range-for reads until closed and drained.
void msdReader() {
  auto ch = std::make_shared<msd::channel<int>>();
  std::thread([ch] {
    int v = 0;
    *ch >> v; // analyzer-warning{{the thread started by 'std::thread' blocks forever in 'operator>>' on 'ch': 'msdReader' drops 'ch' after sending 0 values while 1 receiver waits; send every value it waits for, or close 'ch' before returning}}
    print(v);
  }).detach();
}

void msdRangeClosed(int n) {
  auto ch = std::make_shared<msd::channel<int>>();
  std::thread([ch] {
    for (int v : *ch)
      print(v);
  }).detach();
  for (int i = 0; i < n; ++i)
    *ch << i;
  ch->close();
}

// libtask has no close: a receiver needs a value.
void taskReceiver(void *arg) {
  Channel *c = (Channel *)arg;
  print((int)chanrecvul(c)); // analyzer-warning{{the coroutine started by 'taskcreate' blocks forever in 'chanrecvul' on 'c': 'libtaskNoSend' drops 'c' after sending 0 values while 1 receiver waits; send every value it waits for}}
}
void libtaskNoSend(bool send) {
  Channel *c = chancreate(sizeof(unsigned long), 0);
  taskcreate(taskReceiver, c, 32768);
  if (send)
    chansendul(c, 7);
}

// Boost's range_for example with the producer's close() taken out: the
// consumer fiber ranges over the channel until a close that never comes.
using channel_t = boost::fibers::unbuffered_channel<unsigned>;
void produceAll(channel_t &chan) {
  chan.push(1);
  chan.push(2);
}
void consumeAll(channel_t &chan) {
  for (unsigned value : chan) // analyzer-warning{{the fiber started by 'boost::fibers::fiber' blocks forever iterating over 'chan': it receives until 'chan' is closed, but 'producerForgetsClose' drops it without closing it; close 'chan' once the last value is sent}}
    print(int(value));
}
void producerForgetsClose() {
  channel_t chan;
  boost::fibers::fiber f1(&produceAll, std::ref(chan));
  boost::fibers::fiber f2(&consumeAll, std::ref(chan));
  f1.join();
  f2.join();
}

// Clean: the producer closes after its last value (as in Boost's example).
void produceAndClose(channel_t &chan) {
  chan.push(1);
  chan.push(2);
  chan.close();
}
void producerCloses() {
  channel_t chan;
  boost::fibers::fiber f1(&produceAndClose, std::ref(chan));
  boost::fibers::fiber f2(&consumeAll, std::ref(chan));
  f1.join();
  f2.join();
}
