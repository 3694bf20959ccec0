// tether-unreceived-send: the senders run as tasks of an in-house thread
// pool (recognised by the API model from its shape: it owns threads and
// its post() takes a callable), handed over as a std::function.
#include <boost/fiber/all.hpp>
#include <functional>
#include <queue>
#include <thread>
#include <vector>

int query(int replica);

class ThreadPool {
public:
  void post(std::function<void()> job) { jobs.push(std::move(job)); }

private:
  std::vector<std::thread> workers;
  std::queue<std::function<void()>> jobs;
};

int firstAnswer(ThreadPool &pool) {
  boost::fibers::unbuffered_channel<int> answers;
  for (int r = 0; r < 3; ++r)
    pool.post([&answers, r] {
      answers.push(query(r)); // analyzer-warning{{the task started by 'ThreadPool::post' blocks forever in 'push' on 'answers': 'firstAnswer' stops receiving after 1 of 3 values}}
    });
  int v = 0;
  answers.pop(v);
  return v;
}

// Clean: every value is received.
int everyAnswer(ThreadPool &pool) {
  boost::fibers::unbuffered_channel<int> answers;
  for (int r = 0; r < 3; ++r)
    pool.post([&answers, r] { answers.push(query(r)); });
  int sum = 0, v = 0;
  for (int k = 0; k < 3; ++k) {
    answers.pop(v);
    sum += v;
  }
  return sum;
}
