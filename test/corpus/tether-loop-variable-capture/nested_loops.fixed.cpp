// Nested loops: the variable belongs to the loop that declares it, and the
// work must be waited for before that loop's iteration ends.
#include <thread>
#include <vector>

void use(int, int);

void innerVariableOuterJoin(int rows, int cols) {
  for (int r = 0; r < rows; ++r) {
    std::vector<std::thread> rowWorkers;
    for (int c = 0; c < cols; ++c)
      rowWorkers.emplace_back([&, c] { use(r, c); }); // tidy-warning{{loop variable 'c' is captured by reference}}
    for (auto &w : rowWorkers)
      w.join();
  }
}

void bothVariablesEscape(int rows, int cols) {
  std::vector<std::thread> all;
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      all.emplace_back([&, c, r] { use(r, c); }); // tidy-warning{{loop variable 'r' is captured by reference}} tidy-warning{{loop variable 'c' is captured by reference}}
  for (auto &w : all)
    w.join();
}

// Clean: only the outer variable, copied; the inner one captured by value.
void copies(int rows, int cols) {
  std::vector<std::thread> all;
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      all.emplace_back([r, c] { use(r, c); });
  for (auto &w : all)
    w.join();
}

// Clean: joined inside the inner iteration.
void joinedInside(int rows, int cols) {
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) {
      std::thread t([&] { use(r, c); });
      t.join();
    }
}
