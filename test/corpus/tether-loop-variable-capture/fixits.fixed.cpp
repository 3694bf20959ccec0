// Fix-its are offered only where copying is safe.
#include <mutex>
#include <thread>
#include <vector>

void use(int);
void bump(int &);

struct NoCopy {
  NoCopy();
  NoCopy(const NoCopy &) = delete;
  int value() const;
};

void explicitCaptureRemovesTheAmpersand(int n) {
  for (int i = 0; i < n; ++i)
    std::thread([i] { use(i); }).detach(); // tidy-warning{{loop variable 'i' is captured by reference}}
}

void explicitCaptureWithSpace(int n) {
  for (int i = 0; i < n; ++i)
    std::thread([i] { use(i); }).detach(); // tidy-warning{{loop variable 'i' is captured by reference}}
}

void defaultCaptureGetsAnExplicitCopy(int n) {
  for (int i = 0; i < n; ++i)
    std::thread([&, i] { use(i); }).detach(); // tidy-warning{{loop variable 'i' is captured by reference}}
}

// No fix-it: the lambda writes the variable.
void written(int n) {
  for (int i = 0; i < n; ++i)
    std::thread([&i] { ++i; }).detach(); // tidy-warning{{loop variable 'i' is captured by reference}}
}

// No fix-it: passed to a non-const reference.
void passedByReference(int n) {
  for (int i = 0; i < n; ++i)
    std::thread([&] { bump(i); }).detach(); // tidy-warning{{loop variable 'i' is captured by reference}}
}

// No fix-it: the type cannot be copied.
void notCopyable(int n) {
  for (int k = 0; k < n; ++k) {
    NoCopy token;
    std::thread([&token] { use(token.value()); }).detach(); // tidy-warning{{variable 'token' declared in the loop body is captured by reference}}
  }
}

// No fix-it for init-captures.
void initCapture(int n) {
  for (int i = 0; i < n; ++i)
    std::thread([&r = i] { use(r); }).detach(); // tidy-warning{{loop variable 'i' is captured by reference}}
}
