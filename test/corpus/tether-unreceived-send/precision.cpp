// tether-unreceived-send: shapes that must stay silent (the channel is
// received from through a helper, handed to code Tether cannot see, or the
// counts cannot be compared), next to the same shapes when they do strand
// a sender.
#include <boost/fiber/all.hpp>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

using Chan = boost::fibers::unbuffered_channel<int>;
using ChanPtr = std::shared_ptr<Chan>;
int work(int);

// A helper in this file receives through a reference: the analyzer follows
// it, and the receives count.
int take(Chan &ch) { return ch.value_pop(); }
int takeAll(Chan &ch, int n) {
  int sum = 0;
  for (int i = 0; i < n; ++i)
    sum += ch.value_pop();
  return sum;
}
int viaHelper() {
  Chan ch;
  boost::fibers::fiber a([&ch] { ch.push(work(1)); });
  boost::fibers::fiber b([&ch] { ch.push(work(2)); });
  int sum = take(ch) + take(ch);
  a.join();
  b.join();
  return sum;
}

// The helper stops after one value: stranded.
int viaHelperOnce() {
  auto ch = std::make_shared<Chan>();
  for (int i = 0; i < 2; ++i)
    std::thread([ch, i] {
      ch->push(work(i)); // analyzer-warning{{'viaHelperOnce' stops receiving after 1 of 2 values, so 1 thread stays blocked}}
    }).detach();
  return take(*ch);
}

// A closure held in a variable (or a std::function) handed to a function:
// that code may receive.
void schedule(std::function<void()> f);
int callbackReceives() {
  auto ch = std::make_shared<Chan>();
  for (int i = 0; i < 3; ++i)
    std::thread([ch, i] { ch->push(work(i)); }).detach();
  auto drain = [ch] {
    for (int i = 0; i < 2; ++i)
      (void)ch->value_pop();
  };
  schedule(drain);
  return ch->value_pop();
}
int functionReceives() {
  auto ch = std::make_shared<Chan>();
  for (int i = 0; i < 3; ++i)
    std::thread([ch, i] { ch->push(work(i)); }).detach();
  schedule(std::function<void()>([ch] { (void)ch->value_pop(); }));
  return ch->value_pop();
}

// Work Tether cannot see (declared only) is given the channel.
void externalConsumer(ChanPtr ch);
int externalWorker() {
  auto ch = std::make_shared<Chan>();
  for (int i = 0; i < 3; ++i)
    std::thread([ch, i] { ch->push(work(i)); }).detach();
  std::thread(externalConsumer, ch).detach();
  return ch->value_pop();
}

// A worker that passes the channel into a closure of its own.
int nestedClosure() {
  auto ch = std::make_shared<Chan>();
  for (int i = 0; i < 3; ++i)
    std::thread([ch, i] {
      schedule([ch, i] { ch->push(work(i)); });
    }).detach();
  return ch->value_pop();
}

// Senders and receives both in loops over the same container: the counts
// cannot be compared path by path, so nothing is reported.
int correlatedLoops(const std::vector<int> &items) {
  auto ch = std::make_shared<Chan>();
  for (int item : items)
    std::thread([ch, item] { ch->push(work(item)); }).detach();
  int sum = 0;
  for (size_t i = 0; i < items.size(); ++i)
    sum += ch->value_pop();
  return sum;
}
