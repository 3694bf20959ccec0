// tether-unreceived-send: fan-out to N workers, fewer receives than senders
// ("first result wins", story 001), written with Boost.Fiber channels and
// every spawn API that can run the senders. Clean variants side by side.
#include <boost/fiber/all.hpp>
#include <future>
#include <memory>
#include <thread>
#include <vector>

struct Message { int id; };
struct Result { int value; };
struct Worker { Result run(const Message &m) const; };
Result search(int term);

// Story 001, fibers: one fiber per worker, the first result wins.
Result handle(const std::vector<Worker> &workers, const Message &msg) {
  auto results = std::make_shared<boost::fibers::unbuffered_channel<Result>>();
  for (const Worker &w : workers)
    boost::fibers::fiber([results, w, msg] {
      results->push(w.run(msg)); // analyzer-warning{{the fiber started by 'boost::fibers::fiber' blocks forever in 'push' on 'results': 'handle' stops receiving after 1 value, but it starts one fiber per loop iteration, so every fiber after the first stays blocked; receive every value, close 'results' before giving up, or make it a buffered_channel whose capacity exceeds the number of senders}}
    }).detach();
  return results->value_pop();
}

// Fix 1 from the story: room for every worker. The count is only known at
// run time, so any capacity is accepted only when it is a constant that
// holds every sender; here it is not, so the fix is to receive them all.
Result handleReceivesAll(const std::vector<Worker> &workers, const Message &msg) {
  auto results = std::make_shared<boost::fibers::unbuffered_channel<Result>>();
  for (const Worker &w : workers)
    boost::fibers::fiber([results, w, msg] { results->push(w.run(msg)); }).detach();
  Result first{};
  bool have = false;
  for (size_t i = 0; i < workers.size(); ++i) {
    Result r = results->value_pop();
    if (!have) {
      first = r;
      have = true;
    }
  }
  return first;
}

// A constant fan-out: the count is exact.
Result firstOfFour(int term) {
  auto results = std::make_shared<boost::fibers::unbuffered_channel<Result>>();
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([results, i, term] {
      results->push(search(term + i)); // analyzer-warning{{the thread started by 'std::thread' blocks forever in 'push' on 'results': 'firstOfFour' stops receiving after 1 of 4 values, so 3 threads stay blocked; receive every value, close 'results' before giving up, or make it a buffered_channel<T>(8) (the capacity must be a power of two; it holds 7 values)}}
    });
  for (std::thread &t : threads)
    t.detach();
  return results->value_pop();
}

// Clean: buffered_channel(8) holds 7 values, more than the 4 senders.
Result firstOfFourBuffered(int term) {
  auto results = std::make_shared<boost::fibers::buffered_channel<Result>>(8);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([results, i, term] { results->push(search(term + i)); });
  for (std::thread &t : threads)
    t.detach();
  return results->value_pop();
}

// The power-of-two rule: buffered_channel(4) holds only 3 values, so with
// four senders and one receive, 0 are stranded... 4 - 1 received = 3 <= 3.
Result fourSendersCapacityFour(int term) {
  auto results = std::make_shared<boost::fibers::buffered_channel<Result>>(4);
  for (int i = 0; i < 4; ++i)
    boost::fibers::fiber([results, i, term] { results->push(search(term + i)); }).detach();
  return results->value_pop();
}

// ... but with five senders, buffered_channel(4) (3 values) strands one.
Result fiveSendersCapacityFour(int term) {
  auto results = std::make_shared<boost::fibers::buffered_channel<Result>>(4);
  for (int i = 0; i < 5; ++i)
    boost::fibers::fiber([results, i, term] {
      results->push(search(term + i)); // analyzer-warning{{'fiveSendersCapacityFour' stops receiving after 1 of 5 values and 'results' holds 3 values, so 1 fiber stays blocked; receive every value, close 'results' before giving up, or make it a buffered_channel<T>(8)}}
    }).detach();
  return results->value_pop();
}

// Clean: receives as many values as it started senders.
Result firstOfThreeReceivesAll(int term) {
  auto results = std::make_shared<boost::fibers::unbuffered_channel<Result>>();
  for (int i = 0; i < 3; ++i)
    boost::fibers::fiber([results, i, term] { results->push(search(term + i)); }).detach();
  Result best = results->value_pop();
  for (int i = 1; i < 3; ++i) {
    Result r = results->value_pop();
    if (r.value > best.value)
      best = r;
  }
  return best;
}

// Clean: the channel is closed before the spawner gives up; Boost.Fiber
// wakes blocked pushers with channel_op_status::closed.
Result firstThenClose(int term) {
  auto results = std::make_shared<boost::fibers::unbuffered_channel<Result>>();
  for (int i = 0; i < 3; ++i)
    boost::fibers::fiber([results, i, term] { results->push(search(term + i)); }).detach();
  Result r = results->value_pop();
  results->close();
  return r;
}

// Two senders written out by hand, one receive.
Result twoByHand(int a, int b) {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<Result>>();
  std::thread([ch, a] {
    ch->push(search(a)); // analyzer-warning{{the thread started by 'std::thread' blocks forever in 'push' on 'ch': 'twoByHand' stops receiving after 1 of 2 values, so 1 thread stays blocked}}
  }).detach();
  std::thread([ch, b] {
    ch->push(search(b));
  }).detach();
  return ch->value_pop();
}

// std::async with a launch policy runs the sender on its own thread.
Result viaAsync(int a, int b) {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<Result>>();
  auto f1 = std::async(std::launch::async, [ch, a] {
    ch->push(search(a)); // analyzer-warning{{the task started by 'std::async' blocks forever in 'push' on 'ch': 'viaAsync' stops receiving after 1 of 2 values, so 1 task stays blocked}}
  });
  auto f2 = std::async(std::launch::async, [ch, b] { ch->push(search(b)); });
  return ch->value_pop();
}

// std::jthread: joins in its destructor. The spawner stops receiving and
// then hangs joining the sender that is still blocked.
Result jthreadFanOut(int term) {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<Result>>();
  std::vector<std::jthread> threads;
  for (int i = 0; i < 2; ++i)
    threads.emplace_back([ch, i, term] {
      ch->push(search(term + i)); // analyzer-warning{{the thread started by 'std::jthread' blocks forever in 'push' on 'ch': 'jthreadFanOut' stops receiving after 1 of 2 values, so 1 thread stays blocked}}
    });
  return ch->value_pop();
}

// Clean: the senders use try_push (never blocks) or a timed push.
Result nonBlockingSenders(int term) {
  auto ch = std::make_shared<boost::fibers::buffered_channel<Result>>(2);
  for (int i = 0; i < 4; ++i)
    boost::fibers::fiber([ch, i, term] { ch->try_push(search(term + i)); }).detach();
  auto ch2 = std::make_shared<boost::fibers::unbuffered_channel<Result>>();
  for (int i = 0; i < 4; ++i)
    boost::fibers::fiber([ch2, i, term] {
      ch2->push_wait_for(search(term + i), std::chrono::seconds(1));
    }).detach();
  Result r = ch->value_pop();
  (void)ch2->value_pop();
  return r;
}

// Clean: the send is conditional in the worker; Tether counts only
// senders that send on every path.
Result conditionalSender(int term) {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<Result>>();
  for (int i = 0; i < 4; ++i)
    boost::fibers::fiber([ch, i, term] {
      Result r = search(term + i);
      if (r.value > 0)
        ch->push(r);
    }).detach();
  return ch->value_pop();
}

// Both branches send: that worker always sends.
Result bothBranchesSend(int term) {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<Result>>();
  for (int i = 0; i < 2; ++i)
    boost::fibers::fiber([ch, i, term] {
      Result r = search(term + i);
      if (r.value > 0)
        ch->push(r); // analyzer-warning{{'bothBranchesSend' stops receiving after 1 of 2 values, so 1 fiber stays blocked}}
      else
        ch->push(Result{-1});
    }).detach();
  return ch->value_pop();
}

// Clean: another fiber drains the channel (the channel is handed to a
// receiver).
void drainer(std::shared_ptr<boost::fibers::unbuffered_channel<Result>> ch);
Result handedToDrainer(int term) {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<Result>>();
  for (int i = 0; i < 4; ++i)
    boost::fibers::fiber([ch, i, term] { ch->push(search(term + i)); }).detach();
  Result r = ch->value_pop();
  boost::fibers::fiber([ch] {
    Result rest;
    while (ch->pop(rest) == boost::fibers::channel_op_status::success) {
    }
  }).detach();
  return r;
}

// Clean: the channel is passed on to code Tether cannot see.
Result passedOn(int term) {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<Result>>();
  for (int i = 0; i < 4; ++i)
    boost::fibers::fiber([ch, i, term] { ch->push(search(term + i)); }).detach();
  Result r = ch->value_pop();
  drainer(ch);
  return r;
}

// Clean: the channel is returned to the caller, who keeps receiving.
std::shared_ptr<boost::fibers::unbuffered_channel<Result>> startAll(int term) {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<Result>>();
  for (int i = 0; i < 4; ++i)
    boost::fibers::fiber([ch, i, term] { ch->push(search(term + i)); }).detach();
  return ch;
}

// One worker streams several values; the spawner takes only the first.
int chunk(int c, int key);
int firstChunk(int key) {
  auto chunks = std::make_shared<boost::fibers::unbuffered_channel<int>>();
  std::thread([chunks, key] {
    for (int c = 0; c < 3; ++c)
      chunks->push(chunk(c, key)); // analyzer-warning{{the thread started by 'std::thread' blocks forever in 'push' on 'chunks': 'firstChunk' stops receiving after 1 of 3 values, so 2 values are never received and the thread sending them stays blocked; receive every value, close 'chunks' before giving up, or make it a buffered_channel<T>(4)}}
  }).detach();
  return chunks->value_pop();
}

// Two straight-line sends: one receive is not enough, and a channel that
// holds one value is not either.
int twoSends(int key) {
  auto ch = std::make_shared<boost::fibers::buffered_channel<int>>(2);
  std::thread([ch, key] {
    ch->push(chunk(0, key)); // analyzer-warning{{'twoSends' receives none of the 2 values and 'ch' holds 1 value, so 1 value is never received and the thread sending it stays blocked; receive every value, close 'ch' before giving up, or make it a buffered_channel<T>(4)}}
    ch->push(chunk(1, key));
  }).detach();
  return 0;
}

// Clean: every chunk is received.
int allChunks(int key) {
  auto chunks = std::make_shared<boost::fibers::unbuffered_channel<int>>();
  std::thread([chunks, key] {
    for (int c = 0; c < 3; ++c)
      chunks->push(chunk(c, key));
  }).detach();
  int sum = 0;
  for (int c = 0; c < 3; ++c)
    sum += chunks->value_pop();
  return sum;
}

// A worker streaming through a stepped loop: 0, 2, 4 are three values.
int everyOtherChunk(int key) {
  auto chunks = std::make_shared<boost::fibers::unbuffered_channel<int>>();
  std::thread([chunks, key] {
    for (int c = 0; c < 6; c += 2)
      chunks->push(chunk(c, key)); // analyzer-warning{{'everyOtherChunk' stops receiving after 1 of 3 values, so 2 values are never received and the thread sending them stays blocked}}
  }).detach();
  return chunks->value_pop();
}
