// tether-unreceived-send against the real Boost.Fiber and libstdc++ headers
// (libboost-fiber-dev): stories 001 and 003 with fibers and threads.
// REAL-HEADERS
// RUN-ARGS: -std=c++20
#include <boost/fiber/all.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

struct Worker {
  int run(int msg) const;
};
std::string search(const std::string &term);

// Story 001: four workers, the first result wins.
int handle(int msg) {
  auto results = std::make_shared<boost::fibers::unbuffered_channel<int>>();
  std::vector<Worker> workers(4);
  for (int i = 0; i < 4; ++i)
    boost::fibers::fiber([results, w = workers[i], msg] {
      results->push(w.run(msg)); // analyzer-warning{{the fiber started by 'boost::fibers::fiber' blocks forever in 'push' on 'results': 'handle' stops receiving after 1 of 4 values, so 3 fibers stay blocked; receive every value, close 'results' before giving up, or make it a buffered_channel<T>(8) (the capacity must be a power of two; it holds 7 values)}}
    }).detach();
  return results->value_pop();
}

// Story 001's fix: room for every worker.
int handleBuffered(int msg) {
  auto results = std::make_shared<boost::fibers::buffered_channel<int>>(8);
  std::vector<Worker> workers(4);
  for (int i = 0; i < 4; ++i)
    boost::fibers::fiber([results, w = workers[i], msg] { results->push(w.run(msg)); }).detach();
  return results->value_pop();
}

// Story 003 with a thread: the timeout branch returns.
int process(const std::string &term) {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<std::string>>();
  std::thread([ch, term] {
    ch->push(search(term)); // analyzer-warning{{the thread started by 'std::thread' blocks forever in 'push' on 'ch': 'process' gives up before the value arrives, so the thread stays blocked}}
  }).detach();
  std::string record;
  if (ch->pop_wait_for(record, std::chrono::milliseconds(100)) ==
      boost::fibers::channel_op_status::timeout)
    return -1;
  return static_cast<int>(record.size());
}

// Story 003's fix: close the channel when giving up.
int processCloses(const std::string &term) {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<std::string>>();
  std::thread([ch, term] { ch->push(search(term)); }).detach();
  std::string record;
  if (ch->pop_wait_for(record, std::chrono::milliseconds(100)) !=
      boost::fibers::channel_op_status::success) {
    ch->close();
    return -1;
  }
  return static_cast<int>(record.size());
}

// A consumer ranging over a channel: drained to the end, nothing strands.
int consume(const std::vector<int> &items) {
  auto ch = std::make_shared<boost::fibers::buffered_channel<int>>(4);
  for (int item : items)
    boost::fibers::fiber([ch, item] { ch->push(item * 2); }).detach();
  int sum = 0;
  for (int v : *ch)
    sum += v;
  return sum;
}

// boost::fibers::async inlines packaged_task::get_future, whose
// future_already_retrieved throw is the library's, not the spawner giving
// up: both values are received, nothing is reported.
int asyncDrained() {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<int>>();
  boost::fibers::async([ch] { ch->push(1); });
  boost::fibers::async([ch] { ch->push(2); });
  return ch->value_pop() + ch->value_pop();
}

// A promise, its future and a packaged_task between the spawn and the
// receive.
int futuresAfterSpawn() {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<int>>();
  boost::fibers::fiber([ch] { ch->push(1); }).detach();
  boost::fibers::promise<int> p;
  boost::fibers::future<int> f = p.get_future();
  p.set_value(2);
  boost::fibers::packaged_task<int()> t([] { return 3; });
  auto g = t.get_future();
  boost::fibers::fiber(std::move(t)).detach();
  return ch->value_pop() + f.get() + g.get();
}

// The async spawner that does stop after one value is named as itself.
int asyncFirst() {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<int>>();
  boost::fibers::async([ch] {
    ch->push(1); // analyzer-warning{{the fiber started by 'boost::fibers::async' blocks forever in 'push' on 'ch': 'asyncFirst' stops receiving after 1 of 2 values, so 1 fiber stays blocked}}
  });
  boost::fibers::async([ch] { ch->push(2); });
  return ch->value_pop();
}
