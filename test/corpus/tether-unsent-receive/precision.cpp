// tether-unsent-receive: silent shapes (sentinel loops, correlated loops,
// work Tether cannot see) next to reported ones.
#include <boost/fiber/all.hpp>
#include <memory>
#include <thread>
#include <vector>

using Chan = boost::fibers::unbuffered_channel<int>;
void print(int);

// A worker loop that ends on a sentinel value, not on a close: one value
// (the sentinel) is enough, and the spawner sends it.
void sentinelLoop(const std::vector<int> &items) {
  auto ch = std::make_shared<Chan>();
  std::thread([ch] {
    for (;;) {
      int v = ch->value_pop();
      if (v < 0)
        break;
      print(v);
    }
  }).detach();
  for (int item : items)
    ch->push(item);
  ch->push(-1);
}

// The sentinel forgotten on one path.
void sentinelForgotten(bool fast) {
  auto ch = std::make_shared<Chan>();
  std::thread([ch] {
    for (;;) {
      int v = ch->value_pop(); // analyzer-warning{{'sentinelForgotten' drops 'ch' after sending 0 values while 1 receiver waits}}
      if (v < 0)
        break;
      print(v);
    }
  }).detach();
  if (fast)
    return;
  ch->push(-1);
}

// One receiver per item, one send per item: loops the analyzer cannot
// correlate; nothing is reported.
void receiverPerItem(const std::vector<int> &items) {
  auto ch = std::make_shared<Chan>();
  for (size_t i = 0; i < items.size(); ++i)
    std::thread([ch] { print(ch->value_pop()); }).detach();
  for (int item : items)
    ch->push(item);
}

// The receiver is code Tether cannot see.
void externalProducer(std::shared_ptr<Chan> ch);
void externalSends() {
  auto ch = std::make_shared<Chan>();
  std::thread([ch] { print(ch->value_pop()); }).detach();
  std::thread(externalProducer, ch).detach();
}
