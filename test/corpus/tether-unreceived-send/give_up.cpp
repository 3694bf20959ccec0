// tether-unreceived-send: the spawner gives up on a path — a timed receive
// whose timeout branch returns (story 003, "the forgotten sender"), an
// early error return between the spawn and the receive, a local channel
// captured by reference into a detached worker. Clean variants follow
// each shape.
#include <boost/fiber/all.hpp>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

struct Record { std::string value; int err; };
Record search(const std::string &term);
bool validate(const std::string &term);
void log(const char *);

using Channel = boost::fibers::unbuffered_channel<Record>;

// Story 003, fibers: the timeout branch returns while the fiber still
// has to send its record.
int process(const std::string &term) {
  auto ch = std::make_shared<Channel>();
  boost::fibers::fiber([ch, term] {
    Record r = search(term);
    ch->push(r); // analyzer-warning{{the fiber started by 'boost::fibers::fiber' blocks forever in 'push' on 'ch': 'process' gives up before the value arrives, so the fiber stays blocked; receive every value, close 'ch' before giving up, or make it a buffered_channel<T>(2) (the capacity must be a power of two; it holds 1 value)}}
  }).detach();
  Record r;
  if (ch->pop_wait_for(r, std::chrono::milliseconds(100)) ==
      boost::fibers::channel_op_status::timeout)
    return -1;
  return r.err;
}

// Story 003's fix: room for the one value.
int processBuffered(const std::string &term) {
  auto ch = std::make_shared<boost::fibers::buffered_channel<Record>>(2);
  boost::fibers::fiber([ch, term] { ch->push(search(term)); }).detach();
  Record r;
  if (ch->pop_wait_for(r, std::chrono::milliseconds(100)) ==
      boost::fibers::channel_op_status::timeout)
    return -1;
  return r.err;
}

// Fix: close the channel on the timeout branch (the pusher gets `closed`).
int processCloses(const std::string &term) {
  auto ch = std::make_shared<Channel>();
  boost::fibers::fiber([ch, term] { ch->push(search(term)); }).detach();
  Record r;
  if (ch->pop_wait_for(r, std::chrono::milliseconds(100)) !=
      boost::fibers::channel_op_status::success) {
    ch->close();
    return -1;
  }
  return r.err;
}

// Story 003 with threads, the status kept in a variable and a deadline.
int processThread(const std::string &term) {
  auto ch = std::make_shared<Channel>();
  std::thread([ch, term] {
    ch->push(search(term)); // analyzer-warning{{the thread started by 'std::thread' blocks forever in 'push' on 'ch': 'processThread' gives up before the value arrives, so the thread stays blocked}}
  }).detach();
  Record r;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(50);
  boost::fibers::channel_op_status st = ch->pop_wait_until(r, deadline);
  if (st != boost::fibers::channel_op_status::success) {
    log("search timed out");
    return -1;
  }
  return r.err;
}

// Clean: a timed receive retried until it succeeds.
int processRetries(const std::string &term) {
  auto ch = std::make_shared<Channel>();
  std::thread([ch, term] { ch->push(search(term)); }).detach();
  Record r;
  while (ch->pop_wait_for(r, std::chrono::milliseconds(10)) !=
         boost::fibers::channel_op_status::success)
    log("still waiting");
  return r.err;
}

// An early error return between the spawn and the receive.
int earlyReturn(const std::string &term, const std::string &other) {
  auto ch = std::make_shared<Channel>();
  std::thread([ch, term] {
    ch->push(search(term)); // analyzer-warning{{'earlyReturn' gives up before the value arrives, so the thread stays blocked}}
  }).detach();
  if (!validate(other))
    return -1;
  return ch->value_pop().err;
}

// Clean: the validation happens before anything is started.
int validateFirst(const std::string &term, const std::string &other) {
  if (!validate(other))
    return -1;
  auto ch = std::make_shared<Channel>();
  std::thread([ch, term] { ch->push(search(term)); }).detach();
  return ch->value_pop().err;
}

// A local channel captured by reference into a detached fiber: when the
// function returns, the destructor closes the channel under the fiber.
int localByReference(const std::string &term) {
  Channel ch;
  boost::fibers::fiber([&ch, term] {
    ch.push(search(term)); // analyzer-warning{{the fiber started by 'boost::fibers::fiber' blocks forever in 'push' on 'ch': 'localByReference' gives up before the value arrives, so the fiber stays blocked until 'ch' is destroyed, whose destructor wakes it inside a dead channel; receive every value, close 'ch' before giving up, or make it a buffered_channel<T>(2)}}
  }).detach();
  Record r;
  if (ch.pop_wait_for(r, std::chrono::milliseconds(100)) ==
      boost::fibers::channel_op_status::timeout)
    return -1;
  return r.err;
}

// A local channel and a thread the spawner joins: it hangs in join() before
// the channel is ever destroyed.
int localJoined(const std::string &term) {
  Channel ch;
  std::thread worker([&ch, term] {
    ch.push(search(term)); // analyzer-warning{{the thread started by 'std::thread' blocks forever in 'push' on 'ch': 'localJoined' gives up before the value arrives, so the thread stays blocked, and 'localJoined' then waits forever to join it; receive every value, close 'ch' before giving up, or make it a buffered_channel<T>(2)}}
  });
  Record r;
  if (ch.pop_wait_for(r, std::chrono::milliseconds(100)) ==
      boost::fibers::channel_op_status::timeout) {
    worker.join();
    return -1;
  }
  worker.join();
  return r.err;
}

// Clean: the same, but every path receives the value.
int localReceives(const std::string &term) {
  Channel ch;
  boost::fibers::fiber f([&ch, term] { ch.push(search(term)); });
  Record r = ch.value_pop();
  f.join();
  return r.err;
}

// A closure kept in a variable and started later.
int closureVariable(const std::string &term, bool quick) {
  auto ch = std::make_shared<Channel>();
  auto work = [ch, term] {
    ch->push(search(term)); // analyzer-warning{{the thread started by 'std::thread' blocks forever in 'push' on 'ch': 'closureVariable' gives up before the value arrives}}
  };
  std::thread t(work);
  t.detach();
  if (quick)
    return 0;
  return ch->value_pop().err;
}

// A plain function as the worker; the channel passed with std::ref.
void produce(Channel &out, std::string term) { out.push(search(term)); } // analyzer-warning{{the thread started by 'std::thread' blocks forever in 'push' on 'ch': 'functionWorker' gives up before the value arrives}}
int functionWorker(const std::string &term, bool quick) {
  Channel ch;
  std::thread t(produce, std::ref(ch), term);
  if (quick) {
    t.detach();
    return 0;
  }
  Record r = ch.value_pop();
  t.join();
  return r.err;
}

// Clean: a function that only sometimes sends is not counted.
void maybeProduce(Channel &out, std::string term) {
  Record r = search(term);
  if (r.err == 0)
    out.push(r);
}
int maybeWorker(const std::string &term) {
  Channel ch;
  std::thread t(maybeProduce, std::ref(ch), term);
  t.detach();
  return 0;
}

// Giving up by throwing: nothing in the function catches it.
int throwsFirst(const std::string &term, const std::string &other) {
  auto ch = std::make_shared<Channel>();
  std::thread([ch, term] {
    ch->push(search(term)); // analyzer-warning{{the thread started by 'std::thread' blocks forever in 'push' on 'ch': 'throwsFirst' gives up before the value arrives, so the thread stays blocked}}
  }).detach();
  if (!validate(other))
    throw std::invalid_argument("bad term");
  return ch->value_pop().err;
}

// Clean: the throw is caught in the function, which still receives.
int throwsCaught(const std::string &term, const std::string &other) {
  auto ch = std::make_shared<Channel>();
  std::thread([ch, term] { ch->push(search(term)); }).detach();
  try {
    if (!validate(other))
      throw std::invalid_argument("bad term");
  } catch (const std::invalid_argument &) {
    log("invalid");
  }
  return ch->value_pop().err;
}
