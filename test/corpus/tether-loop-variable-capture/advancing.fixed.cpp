// Variables declared before the loop that the loop itself advances: an
// iterator stepped by the increment, a line read by the condition, a
// counter stepped in a while body. Every thread shares the one variable and
// can read a later value.
#include <atomic>
#include <future>
#include <istream>
#include <string>
#include <thread>
#include <vector>

void use(int);
void consume(const std::string &);
bool next(int &out);

void iteratorDeclaredBefore(const std::vector<int> &v) {
  std::vector<std::thread> workers;
  std::vector<int>::const_iterator it;
  for (it = v.begin(); it != v.end(); ++it)
    workers.emplace_back([&, it] { use(*it); }); // tidy-warning{{loop variable 'it' is captured by reference by a lambda that 'std::thread' runs; all iterations share 'it', so the thread can read a later value; capture 'it' by value}}
  for (auto &w : workers)
    w.join();
}

void lineReadByTheCondition(std::istream &in) {
  std::string line;
  while (std::getline(in, line))
    std::thread([line] { consume(line); }).detach(); // tidy-warning{{loop variable 'line' is captured by reference by a lambda that 'std::thread' runs; all iterations share 'line', so the thread can read a later value}}
}

void valueFilledByTheCondition() {
  std::vector<std::future<void>> pending;
  int job = 0;
  while (next(job))
    pending.push_back(std::async(std::launch::async, [&, job] { use(job); })); // tidy-warning{{loop variable 'job' is captured by reference by a lambda that 'std::async' runs}}
}

void counterSteppedInTheBody(int n) {
  std::vector<std::thread> workers;
  int i = 0;
  while (i < n) {
    workers.emplace_back([&, i] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'std::thread' runs}}
    ++i;
  }
  for (auto &w : workers)
    w.join();
}

void doWhileCounter(int n) {
  int k = 0;
  do {
    std::thread([k] { use(k); }).detach(); // tidy-warning{{loop variable 'k' is captured by reference by a lambda that 'std::thread' runs}}
    k += 2;
  } while (k < n);
}

void assignedInTheBody(const std::vector<int> &items) {
  std::vector<std::thread> workers;
  int current = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    current = items[i];
    workers.emplace_back([&, current] { use(current); }); // tidy-warning{{loop variable 'current' is captured by reference by a lambda that 'std::thread' runs; all iterations share 'current', so the thread can read a later value}}
  }
  for (auto &w : workers)
    w.join();
}

// Clean: an atomic is shared on purpose.
void atomicProgress(int n) {
  std::vector<std::thread> workers;
  std::atomic<int> started{0};
  for (int i = 0; i < n; ++i) {
    ++started;
    workers.emplace_back([&started] { use(started.load()); });
  }
  for (auto &w : workers)
    w.join();
}

// Clean: joined before the loop advances the variable.
void joinedBeforeTheStep(const std::vector<int> &v) {
  std::vector<int>::const_iterator it;
  for (it = v.begin(); it != v.end(); ++it) {
    std::thread t([&] { use(*it); });
    t.join();
  }
}

// Clean: the loop tests the flag but only the thread changes it.
void flagSetByTheThread() {
  bool stop = false;
  while (!stop) {
    std::thread t([&] { stop = true; });
    t.detach();
    break;
  }
}

// Clean: declared before the loop, never advanced by it.
void sharedAccumulator(int n) {
  std::vector<std::thread> workers;
  long total = 0;
  for (int i = 0; i < n; ++i)
    workers.emplace_back([&total, i] { total += i; });
  for (auto &w : workers)
    w.join();
}

// Clean: the loop steps another variable.
void otherCounter(const std::string &prefix, int n) {
  std::vector<std::thread> workers;
  int i = 0;
  while (i < n) {
    workers.emplace_back([&prefix] { consume(prefix); });
    ++i;
  }
  for (auto &w : workers)
    w.join();
}
