// tether-unreceived-send across the modelled channel libraries: cpp-channel
// (msd::channel, msd::static_channel), libtask and libdill, plus a user
// channel type declared through options.
// RUN-ARGS: -std=c++17
// CHECK-OPTION: ChannelTypes=::app::Mailbox;::app::Ring(arg0)
// CHECK-OPTION: ChannelSendFunctions=::app::Mailbox::post;::app::Ring::put
// CHECK-OPTION: ChannelReceiveFunctions=::app::Mailbox::take;::app::Ring::get
// CHECK-OPTION: ChannelCloseFunctions=::app::Mailbox::shut
#include <libdill.h>
#include <memory>
#include <msd/channel.hpp>
#include <msd/static_channel.hpp>
#include <task.h>
#include <thread>

int compute(int);

// cpp-channel: a default channel is an unbounded queue; writers never
// block, so nothing is stranded.
int msdUnbounded(int n) {
  auto ch = std::make_shared<msd::channel<int>>();
  for (int i = 0; i < 4; ++i)
    std::thread([ch, i] { *ch << compute(i); }).detach();
  int first = 0;
  *ch >> first;
  return first;
}

// A bounded cpp-channel blocks writers while full.
int msdBounded(int n) {
  auto ch = std::make_shared<msd::channel<int>>(2);
  for (int i = 0; i < 4; ++i)
    std::thread([ch, i] {
      *ch << compute(i); // analyzer-warning{{the thread started by 'std::thread' blocks forever in 'operator<<' on 'ch': 'msdBounded' stops receiving after 1 of 4 values and 'ch' holds 2 values, so 1 thread stays blocked; receive every value, or construct it without a capacity (unbounded) or with capacity 4}}
    }).detach();
  int first = 0;
  *ch >> first;
  return first;
}

// close() does not wake a blocked cpp-channel writer: still stranded.
int msdBoundedClosed(int n) {
  auto ch = std::make_shared<msd::channel<int>>(1);
  for (int i = 0; i < 3; ++i)
    std::thread([ch, i] {
      ch->write(compute(i)); // analyzer-warning{{blocks forever in 'write' on 'ch': 'msdBoundedClosed' stops receiving after 1 of 3 values and 'ch' holds 1 value, so 1 thread stays blocked}}
    }).detach();
  int first = 0;
  ch->read(first);
  ch->close();
  return first;
}

// msd::static_channel<T, N> holds N values.
int msdStatic(int n) {
  auto ch = std::make_shared<msd::static_channel<int, 4>>();
  for (int i = 0; i < 4; ++i)
    std::thread([ch, i] { *ch << compute(i); }).detach();
  int first = 0;
  *ch >> first;
  return first;
}

// libtask: chancreate(elemsize, bufsize); tasks started with taskcreate.
void sendOne(void *arg) {
  Channel *c = (Channel *)arg;
  unsigned long v = (unsigned long)compute(1);
  chansendul(c, v); // analyzer-warning{{the coroutine started by 'taskcreate' blocks forever in 'chansendul' on 'c': 'libtaskFanOut' stops receiving after 1 of 3 values, so 2 coroutines stay blocked; receive every value, or create it with a buffer for every sender (chancreate's second argument: 3)}}
}
unsigned long libtaskFanOut(void) {
  Channel *c = chancreate(sizeof(unsigned long), 0);
  for (int i = 0; i < 3; ++i)
    taskcreate(sendOne, c, 32768);
  unsigned long first = chanrecvul(c);
  chanfree(c);
  return first;
}

// Clean: a libtask channel with room for every sender.
unsigned long libtaskBuffered(void) {
  Channel *c = chancreate(sizeof(unsigned long), 3);
  for (int i = 0; i < 3; ++i)
    taskcreate(sendOne, c, 32768);
  return chanrecvul(c);
}

// libdill: chmake gives two handles of an unbuffered channel; go() starts
// a coroutine; chsend with deadline -1 waits forever.
dill_coroutine void dillSender(int ch, int v) {
  int x = compute(v);
  dill_chsend(ch, &x, sizeof x, -1); // analyzer-warning{{the coroutine started by 'go' blocks forever in 'chsend' on 'ch': 'dillFirst' stops receiving after 1 of 2 values, so 1 coroutine stays blocked; receive every value, close 'ch' before giving up}}
}
int dillFirst(void) {
  int ch[2];
  if (dill_chmake(ch) != 0)
    return -1;
  int a = go(dillSender(ch[0], 1));
  int b = go(dillSender(ch[0], 2));
  int first = 0;
  dill_chrecv(ch[1], &first, sizeof first, -1);
  dill_hclose(ch[0]);
  dill_hclose(ch[1]);
  dill_hclose(a);
  dill_hclose(b);
  return first;
}

// Clean: chdone wakes the blocked sender with EPIPE.
int dillDone(void) {
  int ch[2];
  if (dill_chmake(ch) != 0)
    return -1;
  int a = go(dillSender(ch[0], 1));
  int b = go(dillSender(ch[0], 2));
  int first = 0;
  dill_chrecv(ch[1], &first, sizeof first, -1);
  dill_chdone(ch[1]);
  dill_hclose(a);
  dill_hclose(b);
  return first;
}

// Clean: a sender with a finite deadline gives up by itself.
dill_coroutine void dillTimedSender(int ch, int v) {
  int x = compute(v);
  dill_chsend(ch, &x, sizeof x, dill_now() + 100);
}
int dillTimed(void) {
  int ch[2];
  if (dill_chmake(ch) != 0)
    return -1;
  int a = go(dillTimedSender(ch[0], 1));
  int b = go(dillTimedSender(ch[0], 2));
  int first = 0;
  dill_chrecv(ch[1], &first, sizeof first, -1);
  dill_hclose(a);
  dill_hclose(b);
  return first;
}

// A user channel type, declared through the options.
namespace app {
template <typename T> class Mailbox {
public:
  void post(T v);
  T take();
  void shut();
};
template <typename T> class Ring {
public:
  explicit Ring(int slots);
  void put(T v);
  T get();
};
} // namespace app

int userMailbox() {
  auto box = std::make_shared<app::Mailbox<int>>();
  for (int i = 0; i < 2; ++i)
    std::thread([box, i] {
      box->post(compute(i)); // analyzer-warning{{the thread started by 'std::thread' blocks forever in 'post' on 'box': 'userMailbox' stops receiving after 1 of 2 values, so 1 thread stays blocked; receive every value, close 'box' before giving up, or give it room for every sender}}
    }).detach();
  return box->take();
}

// Clean: shut() is the mailbox's close.
int userMailboxShut() {
  auto box = std::make_shared<app::Mailbox<int>>();
  for (int i = 0; i < 2; ++i)
    std::thread([box, i] { box->post(compute(i)); }).detach();
  int v = box->take();
  box->shut();
  return v;
}

// Ring has no close configured: closing is not offered.
int userRingSmall() {
  auto ring = std::make_shared<app::Ring<int>>(1);
  for (int i = 0; i < 3; ++i)
    std::thread([ring, i] {
      ring->put(compute(i)); // analyzer-warning{{the thread started by 'std::thread' blocks forever in 'put' on 'ring': 'userRingSmall' stops receiving after 1 of 3 values and 'ring' holds 1 value, so 1 thread stays blocked; receive every value, or give it room for every sender}}
    }).detach();
  return ring->get();
}

// Clean: Ring(slots) holds `slots` values (ChannelTypes `(arg0)`).
int userRing() {
  auto ring = std::make_shared<app::Ring<int>>(4);
  for (int i = 0; i < 3; ++i)
    std::thread([ring, i] { ring->put(compute(i)); }).detach();
  return ring->get();
}
