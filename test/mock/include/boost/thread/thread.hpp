// Tether mock <boost/thread/thread.hpp> (hermetic): boost::thread plus
// boost::thread_group (which, like the real one, deletes but does not join its
// threads on destruction).
#ifndef TETHER_MOCK_BOOST_THREAD_THREAD_HPP
#define TETHER_MOCK_BOOST_THREAD_THREAD_HPP
#include <boost/thread/thread_only.hpp>
#include <list>

namespace boost {
class thread_group {
public:
  thread_group() {}
  ~thread_group() {
    for (thread *t : threads)
      delete t;
  }
  thread_group(const thread_group &) = delete;
  thread_group &operator=(const thread_group &) = delete;

  bool is_this_thread_in();
  bool is_thread_in(thread *thrd);
  template <typename F> thread *create_thread(F threadfunc) {
    thread *new_thread = new thread(std::move(threadfunc));
    threads.push_back(new_thread);
    return new_thread;
  }
  void add_thread(thread *thrd) {
    if (thrd)
      threads.push_back(thrd);
  }
  void remove_thread(thread *thrd);
  void join_all() {
    for (thread *t : threads)
      if (t->joinable())
        t->join();
  }
  void interrupt_all() {
    for (thread *t : threads)
      t->interrupt();
  }
  std::size_t size() const { return threads.size(); }

private:
  std::list<thread *> threads;
};
} // namespace boost

#endif
