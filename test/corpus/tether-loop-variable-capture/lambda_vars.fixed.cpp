// The lambda reaches the spawn API through a variable, a wrapper, a copied
// closure, or a nested lambda.
// RUN-ARGS: -std=c++20
#include <functional>
#include <future>
#include <thread>
#include <vector>

void use(int);

void lambdaInALocal(int n) {
  for (int i = 0; i < n; ++i) {
    auto work = [&i] { use(i); }; // tidy-warning{{loop variable 'i' is captured by reference by a lambda that 'std::thread' runs}}
    std::thread(work).detach();
  }
}

void lambdaMovedFromALocal(const std::vector<int> &items) {
  for (int item : items) {
    auto work = [&] { use(item); }; // tidy-warning{{loop variable 'item' is captured by reference}}
    std::thread t(std::move(work));
    t.detach();
  }
}

void stdFunction(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i) {
    std::function<void()> job = [&] { use(i); }; // tidy-warning{{loop variable 'i' is captured by reference}}
    workers.emplace_back(job);
  }
  for (auto &w : workers)
    w.join();
}

void packagedTask(int n) {
  std::vector<std::future<void>> results;
  for (int i = 0; i < n; ++i) {
    std::packaged_task<void()> task([&i] { use(i); }); // tidy-warning{{loop variable 'i' is captured by reference}}
    results.push_back(task.get_future());
    std::thread(std::move(task)).detach();
  }
  for (auto &r : results)
    r.get();
}

// The spawned lambda copies a closure that holds the reference.
void closureCopiedIntoTheSpawnedLambda(int n) {
  for (int i = 0; i < n; ++i) {
    auto inner = [&i] { use(i); }; // tidy-warning{{loop variable 'i' is captured by reference}}
    std::thread([inner] { inner(); }).detach();
  }
}

// A lambda nested in the spawned lambda makes the outer one capture too.
void nestedLambda(int n) {
  for (int i = 0; i < n; ++i)
    std::thread([&] { // tidy-warning@+1{{loop variable 'i' is captured by reference}}
      auto helper = [&] { use(i); };
      helper();
    }).detach();
}

// The spawn sits in a lambda that itself captures the loop variable by
// reference and runs during the iteration.
void spawnInsideAHelperLambda(int n) {
  for (int i = 0; i < n; ++i) {
    auto launch = [&] { std::thread([&, i] { use(i); }).detach(); }; // tidy-warning{{loop variable 'i' is captured by reference}}
    launch();
  }
}

// Clean: the helper lambda copies the loop variable, so the spawned lambda
// refers to the helper's copy (the helper is not itself spawned here).
void spawnInsideACopyingLambda(int n) {
  for (int i = 0; i < n; ++i) {
    auto launch = [i] { std::thread t([&] { use(i); }); t.join(); };
    launch();
  }
}

// Clean: init-capture by value.
void initCaptureByValue(int n) {
  for (int i = 0; i < n; ++i)
    std::thread([v = i] { use(v); }).detach();
}

// Init-captures that keep a reference or pointer.
void initCaptureByReference(int n) {
  for (int i = 0; i < n; ++i)
    std::thread([&r = i] { use(r); }).detach(); // tidy-warning{{loop variable 'i' is captured by reference}}
}

void initCapturePointer(int n) {
  for (int i = 0; i < n; ++i)
    std::thread([p = &i] { use(*p); }).detach(); // tidy-warning{{loop variable 'i' is captured by reference}}
}

void initCaptureRefWrapper(int n) {
  for (int i = 0; i < n; ++i)
    std::thread([r = std::ref(i)] { use(r); }).detach(); // tidy-warning{{loop variable 'i' is captured by reference}}
}
