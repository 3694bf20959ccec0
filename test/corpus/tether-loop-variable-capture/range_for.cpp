// Range-for variables: a by-value element is a new object each iteration;
// a reference names an element of a container that outlives the loop.
// RUN-ARGS: -std=c++20
#include <map>
#include <string>
#include <thread>
#include <vector>

void use(int);
void use(const std::string &);

void byValue(const std::vector<int> &items) {
  for (int item : items)
    std::thread([&] { use(item); }).detach(); // tidy-warning{{loop variable 'item' is captured by reference by a lambda that 'std::thread' runs; 'item' is destroyed when its iteration ends, so the thread can read a dangling reference; capture 'item' by value}}
}

void byValueExplicit(const std::vector<std::string> &names) {
  std::vector<std::thread> workers;
  for (auto name : names)
    workers.emplace_back([&name] { use(name); }); // tidy-warning{{loop variable 'name' is captured by reference}}
  for (auto &w : workers)
    w.join();
}

void constByValue(const std::vector<int> &items) {
  for (const auto item : items)
    std::thread([&item] { use(item); }).detach(); // tidy-warning{{loop variable 'item' is captured by reference}}
}

// Clean: a reference to an element of a container that outlives the loop.
void byReference(const std::vector<int> &items) {
  std::vector<std::thread> workers;
  for (const auto &item : items)
    workers.emplace_back([&item] { use(item); });
  for (auto &w : workers)
    w.join();
}

// Clean: forwarding reference to an lvalue element.
void byForwardingReference(std::vector<int> &items) {
  for (auto &&item : items)
    std::thread([&item] { use(item); }).detach();
}

void structuredBindingByValue(const std::map<int, std::string> &table) {
  for (auto [key, value] : table)
    std::thread([&] { use(key); use(value); }).detach(); // tidy-warning{{loop variable 'key' is captured by reference}} tidy-warning{{loop variable 'value' is captured by reference}}
}

// Clean: bindings that refer to the map's elements.
void structuredBindingByReference(const std::map<int, std::string> &table) {
  for (const auto &[key, value] : table)
    std::thread([&] { use(key); use(value); }).detach();
}

// A range whose iterator yields values: `auto &&` binds a per-iteration
// temporary, which dies with the iteration.
struct Counter {
  struct iterator {
    int v;
    int operator*() const { return v; }
    iterator &operator++() { ++v; return *this; }
    bool operator!=(const iterator &o) const { return v != o.v; }
  };
  int n;
  iterator begin() const { return {0}; }
  iterator end() const { return {n}; }
};

void temporaryElements(Counter c) {
  for (auto &&k : c)
    std::thread([&k] { use(k); }).detach(); // tidy-warning{{loop variable 'k' is captured by reference}}
}

// Clean: same range, captured by value.
void temporaryElementsByValue(Counter c) {
  for (auto &&k : c)
    std::thread([k] { use(k); }).detach();
}

// C++20 init-statement: one object for the whole loop.
void initStatement(const std::vector<int> &items) {
  for (int base = 10; int item : items)
    std::thread([&base, item] { use(base + item); }).detach(); // tidy-warning{{loop variable 'base' is captured by reference}}
}
