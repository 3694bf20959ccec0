// A `for` init variable is one object shared by every iteration: a thread
// that holds a reference to it sees later values, and a dangling reference
// once the loop is over. Notes are checked in this file.
#include <thread>
#include <vector>

void use(int);

void implicitDefaultCapture(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i) // tidy-note{{loop variable 'i' is declared here}}
    workers.emplace_back([&, i] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'std::thread' runs; all iterations share 'i', so the thread can read a later value, or a dangling reference once the loop ends; capture 'i' by value}}
  // tidy-note@-1{{'std::thread' starts the thread here}}
  // tidy-note@-2{{the thread is stored in 'workers', which outlives the iteration}}
  for (auto &w : workers)
    w.join();
}

void explicitCapture(int n) {
  for (int i = 0; i < n; ++i) { // tidy-note{{loop variable 'i' is declared here}}
    std::thread t([i] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference}}
    // tidy-note@-1{{'std::thread' starts the thread here}}
    t.detach(); // tidy-note{{the thread is detached here; nothing waits for it before the iteration ends}}
  }
}

void temporaryDetached(int n) {
  for (int i = 0; i < n; ++i) // tidy-note{{loop variable 'i' is declared here}}
    std::thread([&, i] { use(i); }).detach(); // tidy-warning{{loop variable 'i' is captured by reference}}
  // tidy-note@-1{{'std::thread' starts the thread here}}
  // tidy-note@-2{{the thread is detached here}}
}

void pushBackOfATemporary(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i) // tidy-note{{loop variable 'i' is declared here}}
    workers.push_back(std::thread([&, i] { use(i); })); // tidy-warning{{loop variable 'i' is captured by reference}}
  // tidy-note@-1{{'std::thread' starts the thread here}}
  // tidy-note@-2{{the thread is stored in 'workers', which outlives the iteration}}
  for (auto &w : workers)
    w.join();
}

// Clean: captured by value.
void capturedByValue(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back([i] { use(i); });
  for (auto &w : workers)
    w.join();
}

// Clean: [=] copies.
void defaultCopy(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back([=] { use(i); });
  for (auto &w : workers)
    w.join();
}

// Clean: joined before the iteration ends.
void joinedInTheIteration(int n) {
  for (int i = 0; i < n; ++i) {
    std::thread t([&] { use(i); });
    t.join();
  }
}

// Clean: not a loop variable (declared before the loop).
void outerVariable(int n) {
  int total = 0;
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back([&total] { use(total); });
  for (auto &w : workers)
    w.join();
}

// Clean: the lambda does not use the loop variable, so [&] captures nothing.
void unusedVariable(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back([&] { use(42); });
  for (auto &w : workers)
    w.join();
}
