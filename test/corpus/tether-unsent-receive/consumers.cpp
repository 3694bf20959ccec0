// tether-unsent-receive: the canonical Boost consumer loops (break on the
// receive's own non-success status, do/while on it), workers that wait for
// several values, sends and closes through copies of the shared_ptr, and a
// try_push into a buffer with room.
#include <boost/fiber/all.hpp>
#include <memory>
#include <thread>
#include <vector>

using boost::fibers::channel_op_status;
using Chan = boost::fibers::buffered_channel<int>;
using Unbuffered = boost::fibers::unbuffered_channel<int>;
void use(int);

// `if (pop(v) != success) break;` is "receive until closed".
void breakOnStatus() {
  auto ch = std::make_shared<Chan>(8);
  std::thread([ch] {
    for (;;) {
      int v;
      if (ch->pop(v) != channel_op_status::success) // analyzer-warning{{the thread started by 'std::thread' blocks forever in 'pop' on 'ch': it receives until 'ch' is closed, but 'breakOnStatus' drops it without closing it; close 'ch' once the last value is sent}}
        break;
      use(v);
    }
  }).detach();
  for (int i = 0; i < 3; ++i)
    ch->push(i);
}
void breakOnStatusClosed() {
  auto ch = std::make_shared<Chan>(8);
  std::thread([ch] {
    for (;;) {
      int v;
      if (ch->pop(v) != channel_op_status::success)
        break;
      use(v);
    }
  }).detach();
  for (int i = 0; i < 3; ++i)
    ch->push(i);
  ch->close();
}

// The status kept in a variable, `== closed`.
void breakOnClosedVariable() {
  auto ch = std::make_shared<Chan>(8);
  boost::fibers::fiber([ch] {
    while (true) {
      int v;
      channel_op_status st = ch->pop(v); // analyzer-warning{{it receives until 'ch' is closed, but 'breakOnClosedVariable' drops it without closing it}}
      if (st == channel_op_status::closed)
        break;
      use(v);
    }
  }).detach();
  ch->push(1);
}

// do/while on the status.
void doWhileConsumer() {
  auto ch = std::make_shared<Chan>(8);
  std::thread([ch] {
    int v;
    channel_op_status st;
    do {
      st = ch->pop(v); // analyzer-warning{{it receives until 'ch' is closed, but 'doWhileConsumer' drops it without closing it}}
      if (st == channel_op_status::success)
        use(v);
    } while (st == channel_op_status::success);
  }).detach();
  ch->push(1);
}

// A break on the first good value: one value is enough, and it is sent.
void breakOnSuccess() {
  auto ch = std::make_shared<Chan>(8);
  std::thread([ch] {
    for (;;) {
      int v;
      if (ch->pop(v) == channel_op_status::success)
        break;
    }
  }).detach();
  ch->push(1);
}
// A break on the status or a sentinel: one value may end it.
void breakOnStatusOrSentinel() {
  auto ch = std::make_shared<Chan>(8);
  std::thread([ch] {
    for (;;) {
      int v;
      if (ch->pop(v) != channel_op_status::success || v < 0)
        break;
      use(v);
    }
  }).detach();
  ch->push(-1);
}

// A worker that waits for two values counts as two receives.
void popsTwice() {
  auto ch = std::make_shared<Unbuffered>();
  std::thread([ch] {
    int a = ch->value_pop(); // analyzer-warning{{the thread started by 'std::thread' blocks forever in 'value_pop' on 'ch': 'popsTwice' drops 'ch' after sending 1 of the 2 values the thread waits for; send every value it waits for, or close 'ch' before returning}}
    int b = ch->value_pop();
    use(a + b);
  }).detach();
  ch->push(1);
}
void popsTwiceSent() {
  auto ch = std::make_shared<Unbuffered>();
  std::thread([ch] {
    int a = ch->value_pop();
    int b = ch->value_pop();
    use(a + b);
  }).detach();
  ch->push(1);
  ch->push(2);
}
void popsInConstantLoop() {
  auto ch = std::make_shared<Unbuffered>();
  std::thread([ch] {
    for (int i = 0; i < 3; ++i)
      use(ch->value_pop()); // analyzer-warning{{'popsInConstantLoop' drops 'ch' after sending 2 of the 3 values the thread waits for}}
  }).detach();
  ch->push(1);
  ch->push(2);
}

// Sending and closing through copies of the shared_ptr.
void sendViaCopy() {
  auto ch = std::make_shared<Unbuffered>();
  std::thread([ch] { use(ch->value_pop()); }).detach();
  auto out = ch;
  out->push(1);
}
struct Closer {
  std::shared_ptr<Chan> ch;
  ~Closer() { ch->close(); }
};
void closeInGuard(const std::vector<int> &items) {
  auto ch = std::make_shared<Chan>(8);
  std::thread([ch] {
    for (int v : *ch)
      use(v);
  }).detach();
  Closer guard{ch};
  for (int v : items)
    ch->push(v);
}
void copyWithoutClose(const std::vector<int> &items) {
  auto ch = std::make_shared<Chan>(8);
  std::thread([ch] {
    for (int v : *ch) // analyzer-warning{{it receives until 'ch' is closed, but 'copyWithoutClose' drops it without closing it}}
      use(v);
  }).detach();
  auto out = ch;
  for (int v : items)
    out->push(v);
}

// try_push into an empty buffered_channel(4) (it holds 3) goes through.
void tryPushRoom() {
  auto ch = std::make_shared<Chan>(4);
  std::thread([ch] { use(ch->value_pop()); }).detach();
  ch->try_push(7);
}
// Into a full one it may not.
void tryPushFull() {
  auto ch = std::make_shared<Chan>(2);
  for (int i = 0; i < 2; ++i)
    std::thread([ch] { use(ch->value_pop()); }).detach(); // analyzer-warning{{'tryPushFull' drops 'ch' after sending 1 value while 1 receiver waits}}
  ch->push(1);
  ch->try_push(2);
}
