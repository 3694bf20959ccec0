// tether-unreceived-send: the path of a report, note by note — the spawn,
// the receive, the branch where the spawner gives up, the end of the
// channel — with the warning on the worker's send.
#include <boost/fiber/all.hpp>
#include <chrono>
#include <memory>
#include <thread>

int search(int term);

int firstOfTwo(int term) {
  auto results = std::make_shared<boost::fibers::unbuffered_channel<int>>();
  std::thread([results, term] {
    results->push(search(term)); // analyzer-warning{{the thread started by 'std::thread' blocks forever in 'push' on 'results': 'firstOfTwo' stops receiving after 1 of 2 values, so 1 thread stays blocked}}
  }).detach(); // analyzer-note@-2{{the thread started here sends on 'results' and waits in 'push' until the value is received (1 value pending)}}
  std::thread([results, term] { results->push(search(term + 1)); }).detach(); // analyzer-note{{the thread started here sends on 'results' and waits in 'push' until the value is received (2 values pending)}}
  int first = results->value_pop(); // analyzer-note{{'value_pop' receives one value from 'results' (1 value still pending)}}
  return first; // analyzer-note{{'results' is destroyed here while 1 value is still to be received (unbuffered)}}
}

int withTimeout(int term, bool retry) {
  auto ch = std::make_shared<boost::fibers::unbuffered_channel<int>>();
  boost::fibers::fiber([ch, term] {
    ch->push(search(term)); // analyzer-warning{{the fiber started by 'boost::fibers::fiber' blocks forever in 'push' on 'ch': 'withTimeout' gives up before the value arrives}}
  }).detach(); // analyzer-note@-2{{the fiber started here sends on 'ch' and waits in 'push' until the value is received (1 value pending)}}
  if (retry) // analyzer-note{{Assuming 'retry' is false}} analyzer-note{{Taking false branch}}
    return search(term);
  int v = 0;
  if (ch->pop_wait_for(v, std::chrono::milliseconds(5)) != // analyzer-note{{assuming 'pop_wait_for' times out; 'ch' still has 1 pending value(s)}}
      boost::fibers::channel_op_status::success) // analyzer-note@-1{{Taking true branch}}
    return -1; // analyzer-note{{'ch' is destroyed here while 1 value is still to be received (unbuffered)}}
  return v;
}
