// Templates report once, at the written code; macros are followed to the
// code the user wrote. Notes are not checked in this file.
#include <thread>
#include <vector>

void use(int);

template <typename T>
void spawnEach(const std::vector<T> &items) {
  for (T item : items)
    std::thread([&item] { use(int(item)); }).detach(); // tidy-warning{{loop variable 'item' is captured by reference}}
}

void instantiate() {
  spawnEach(std::vector<int>{1, 2});
  spawnEach(std::vector<long>{1, 2});
  spawnEach(std::vector<short>{1, 2});
}

// The spawn API is a template parameter: only instantiations with a real
// spawn API are analysed.
template <typename Thread>
void spawnWith(int n) {
  std::vector<Thread> ts;
  for (int i = 0; i < n; ++i)
    ts.emplace_back([&] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'std::thread' runs}}
  for (auto &t : ts)
    t.join();
}

struct Inline {
  template <typename F> explicit Inline(F f) { f(); }
  void join() {}
};

void instantiateSpawnWith() {
  spawnWith<std::thread>(2);
  spawnWith<Inline>(2); // runs the lambda inline: nothing to report
}

// Generic lambdas in a loop.
void genericLambda(int n) {
  for (int i = 0; i < n; ++i)
    std::thread([&](auto scale) { use(i * scale); }, 2).detach(); // tidy-warning{{loop variable 'i' is captured by reference}}
}

#define DETACH(...) std::thread(__VA_ARGS__).detach()

void lambdaInAMacroArgument(int n) {
  for (int i = 0; i < n; ++i)
    DETACH([&i] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference}}
}

#define SPAWN_ALL(N, BODY)                                                     \
  for (int k = 0; k < (N); ++k)                                                \
    std::thread([&] { BODY; }).detach()

// The whole loop comes from a macro: reported at the expansion, and no
// fix-it is offered inside the macro body.
void loopInAMacro(int n) {
  SPAWN_ALL(n, use(k)); // tidy-warning{{loop variable 'k' is captured by reference}}
}

// Clean: a macro that joins.
#define RUN_AND_JOIN(...)                                                      \
  do {                                                                         \
    std::thread t_(__VA_ARGS__);                                               \
    t_.join();                                                                 \
  } while (0)

void joinedInAMacro(int n) {
  for (int i = 0; i < n; ++i)
    RUN_AND_JOIN([&] { use(i); });
}
