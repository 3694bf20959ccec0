// User extensions of the model through check options.
// CHECK-OPTION: SpawnFunctions=::shop::Pool::submit;::shop::Fiber;Executor::add
// CHECK-OPTION: JoinFunctions=::shop::Pool::drain
// CHECK-OPTION: JoiningTypes=::shop::ScopedPool
#include <vector>

void use(int);

namespace shop {
struct Pool {
  template <class F> void submit(F &&f) {}
  void drain();
};
struct Fiber {
  template <class F> explicit Fiber(F f) {}
  void detach();
};
struct ScopedPool {
  template <class F> void submit(F &&f) {}
  ~ScopedPool();
};
namespace detail {
struct Executor {
  template <class F> void add(F &&f) {}
};
} // namespace detail
} // namespace shop

void submitToAPool(shop::Pool &pool, const std::vector<int> &items) {
  for (int item : items)
    pool.submit([&, item] { use(item); }); // tidy-warning{{loop variable 'item' is captured by reference by a lambda that 'shop::Pool::submit' runs; 'item' is destroyed when its iteration ends, so the task}}
  pool.drain();
}

// Clean: drained (JoinFunctions) in every iteration.
void drainedEachIteration(shop::Pool &pool, const std::vector<int> &items) {
  for (int item : items) {
    pool.submit([&] { use(item); });
    pool.drain();
  }
}

void userClassSpawn(int n) {
  for (int i = 0; i < n; ++i) {
    shop::Fiber f([&, i] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'shop::Fiber' runs}}
  }
}

// Clean: a pool whose destructor waits (JoiningTypes), local to the body.
void scopedPool(const std::vector<int> &items) {
  for (int item : items) {
    shop::ScopedPool pool;
    pool.submit([&] { use(item); });
  }
}

// Clean: submitted in an inner loop, drained before the outer iteration
// ends ('row' belongs to the outer loop).
void drainedAfterTheInnerLoop(shop::Pool &pool, int rows, int cols) {
  for (int row = 0; row < rows; ++row) {
    for (int col = 0; col < cols; ++col)
      pool.submit([&, col] { use(row * col); });
    pool.drain();
  }
}

// Unqualified entries match any enclosing scope.
void suffixMatch(shop::detail::Executor &ex, int n) {
  for (int i = 0; i < n; ++i)
    ex.add([&, i] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference}}
}
