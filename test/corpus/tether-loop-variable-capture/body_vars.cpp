// Variables declared inside the loop (body locals, condition variables) are
// destroyed at the end of each iteration.
#include <string>
#include <thread>
#include <vector>

void use(int);
void use(const std::string &);
std::string next();
int *poll();
int compute(int);

void bodyLocal(const std::vector<int> &ids) {
  std::vector<std::thread> workers;
  for (unsigned k = 0; k < ids.size(); ++k) {
    std::string label = next();
    workers.emplace_back([&label] { use(label); }); // tidy-warning{{variable 'label' declared in the loop body is captured by reference by a lambda that 'std::thread' runs; 'label' is destroyed when its iteration ends}}
  }
  for (auto &w : workers)
    w.join();
}

void nestedBlock(int n) {
  for (int k = 0; k < n; ++k) {
    if (k % 2) {
      int odd = compute(k);
      std::thread([&] { use(odd); }).detach(); // tidy-warning{{variable 'odd' declared in the loop body is captured by reference}}
    }
  }
}

void whileCondition() {
  while (int *job = poll())
    std::thread([&job] { use(*job); }).detach(); // tidy-warning{{loop variable 'job' is captured by reference}}
}

void whileBody(bool &more) {
  while (more) {
    int token = compute(1);
    std::thread([&] { use(token); }).detach(); // tidy-warning{{variable 'token' declared in the loop body is captured by reference}}
  }
}

void doWhileBody(int n) {
  do {
    int step = compute(n);
    std::thread([&step] { use(step); }).detach(); // tidy-warning{{variable 'step' declared in the loop body is captured by reference}}
  } while (--n > 0);
}

void forConditionVariable(int n) {
  for (; int left = compute(n); --n)
    std::thread([&left] { use(left); }).detach(); // tidy-warning{{loop variable 'left' is captured by reference}}
}

void ifInitInsideLoop(int n) {
  for (int k = 0; k < n; ++k)
    if (int v = compute(k); v > 0)
      std::thread([&v] { use(v); }).detach(); // tidy-warning{{variable 'v' declared in the loop body is captured by reference}}
}

// A reference bound to a temporary keeps it alive only until the iteration
// ends.
void referenceToTemporary(int n) {
  for (int k = 0; k < n; ++k) {
    const std::string &name = next();
    std::thread([&name] { use(name); }).detach(); // tidy-warning{{variable 'name' declared in the loop body is captured by reference}}
  }
}

// Clean: a reference to something that outlives the loop.
void referenceToOuter(std::vector<std::string> &names) {
  for (unsigned k = 0; k < names.size(); ++k) {
    std::string &name = names[k];
    std::thread([&name] { use(name); }).detach();
  }
}

// Clean: static storage does not end with the iteration.
void staticLocal(int n) {
  for (int k = 0; k < n; ++k) {
    static int counter = 0;
    std::thread([&] { use(counter); }).detach();
  }
}

// Clean: a pointer copied into the lambda points at outer data.
void pointerByValue(std::vector<int> &data) {
  for (unsigned k = 0; k < data.size(); ++k) {
    int *slot = &data[k];
    std::thread([slot] { use(*slot); }).detach();
  }
}

// Clean: not in a loop at all (a different bug, not this check's).
void notInALoop() {
  int local = 1;
  std::thread([&] { use(local); }).detach();
}
