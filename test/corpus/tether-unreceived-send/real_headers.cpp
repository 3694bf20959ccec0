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
