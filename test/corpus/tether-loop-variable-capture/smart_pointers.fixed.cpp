// Threads owned through pointers: `std::make_unique<std::thread>(f)`
// starts the thread like `std::thread(f)`, and the pointer owns it.
#include <memory>
#include <thread>
#include <vector>

void use(int);

void uniquePointersInAVector(int n) {
  std::vector<std::unique_ptr<std::thread>> workers;
  for (int i = 0; i < n; ++i)
    workers.push_back(std::make_unique<std::thread>([&, i] { use(i); })); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'std::thread' runs; all iterations share 'i', so the thread can read a later value, or a dangling reference once the loop ends; capture 'i' by value}}
  for (auto &w : workers)
    w->join();
}

void sharedJthreads(const std::vector<int> &items) {
  std::vector<std::shared_ptr<std::jthread>> workers;
  for (int item : items)
    workers.push_back(std::make_shared<std::jthread>([item] { use(item); })); // tidy-warning{{loop variable 'item' is captured by reference by a lambda that 'std::jthread' runs; 'item' is destroyed when its iteration ends}}
}

void detachedThroughThePointer(int n) {
  for (int i = 0; i < n; ++i) {
    auto t = std::make_unique<std::thread>([&, i] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'std::thread' runs}}
    t->detach();
  }
}

void rawNew(int n) {
  std::vector<std::thread *> workers;
  for (int i = 0; i < n; ++i)
    workers.push_back(new std::thread([&, i] { use(i); })); // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'std::thread' runs}}
  for (std::thread *w : workers) {
    w->join();
    delete w;
  }
}

// Clean: joined through the pointer before the iteration ends.
void joinedThroughThePointer(int n) {
  for (int i = 0; i < n; ++i) {
    auto t = std::make_unique<std::thread>([&] { use(i); });
    t->join();
  }
}

// Clean: a unique_ptr to a jthread joins when the iteration ends.
void jthreadPerIteration(int n) {
  for (int i = 0; i < n; ++i) {
    auto t = std::make_unique<std::jthread>([&] { use(i); });
  }
}

// Clean: make_unique of something that is not a thread.
struct Job {
  template <class F> explicit Job(F f) {}
};
void notAThread(int n) {
  std::vector<std::unique_ptr<Job>> jobs;
  for (int i = 0; i < n; ++i)
    jobs.push_back(std::make_unique<Job>([&] { use(i); }));
}
