// Loop variables handed to the new thread by address or std::ref.
#include <functional>
#include <pthread.h>
#include <thread>
#include <vector>

void byRef(int &);
void byConstRef(const int &);
void byPtr(int *);
void byValue(int);
void *start(void *);

struct Worker {
  void run();
};

void stdRef(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(byRef, std::ref(i)); // tidy-warning{{a reference to loop variable 'i' is passed to a thread started by 'std::thread'; all iterations share 'i', so the thread can read a later value, or a dangling reference once the loop ends; pass 'i' by value}}
  for (auto &w : workers)
    w.join();
}

void stdCref(const std::vector<int> &items) {
  for (int item : items)
    std::thread(byConstRef, std::cref(item)).detach(); // tidy-warning{{a reference to loop variable 'item' is passed to a thread started by 'std::thread'}}
}

void addressArgument(int n) {
  for (int i = 0; i < n; ++i)
    std::thread(byPtr, &i).detach(); // tidy-warning{{the address of loop variable 'i' is passed to a thread started by 'std::thread'}}
}

void pthreadCreate(int n) {
  pthread_t threads[8];
  for (int i = 0; i < n && i < 8; ++i)
    pthread_create(&threads[i], nullptr, start, &i); // tidy-warning{{the address of loop variable 'i' is passed to a thread started by 'pthread_create'}}
  for (int i = 0; i < n && i < 8; ++i)
    pthread_join(threads[i], nullptr);
}

void pthreadCreateWithCast(int n) {
  pthread_t t;
  for (int i = 0; i < n; ++i) {
    pthread_create(&t, nullptr, start, (void *)&i); // tidy-warning{{the address of loop variable 'i' is passed}}
    pthread_detach(t);
  }
}

void memberFunctionOnPerIterationObject(int n) {
  for (int k = 0; k < n; ++k) {
    Worker w;
    std::thread(&Worker::run, &w).detach(); // tidy-warning{{the address of variable 'w' declared in the loop body is passed to a thread started by 'std::thread'}}
  }
}

// Clean: joined in the iteration.
void pthreadJoinedInIteration(int n) {
  for (int i = 0; i < n; ++i) {
    pthread_t t;
    pthread_create(&t, nullptr, start, &i);
    pthread_join(t, nullptr);
  }
}

// Clean: copies.
void copies(int n) {
  for (int i = 0; i < n; ++i)
    std::thread(byValue, i).detach();
}

// Clean: the address of an element that outlives the loop.
void elementAddress(std::vector<int> &slots) {
  for (unsigned k = 0; k < slots.size(); ++k)
    std::thread(byPtr, &slots[k]).detach();
}

// References bound into the callable with std::bind travel with it.
void boundReference(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(std::bind(byRef, std::ref(i))); // tidy-warning{{a reference to loop variable 'i' is passed to a thread started by 'std::thread'}}
  for (auto &w : workers)
    w.join();
}

// Clean: std::bind copies what it is given by value.
void boundCopy(int n) {
  std::vector<std::thread> workers;
  for (int i = 0; i < n; ++i)
    workers.emplace_back(std::bind(byValue, i));
  for (auto &w : workers)
    w.join();
}
