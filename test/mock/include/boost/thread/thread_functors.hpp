// Tether mock <boost/thread/thread_functors.hpp> (hermetic).
#ifndef TETHER_MOCK_BOOST_THREAD_THREAD_FUNCTORS_HPP
#define TETHER_MOCK_BOOST_THREAD_THREAD_FUNCTORS_HPP
#include <boost/thread/thread_only.hpp>

namespace boost {
struct detach {
  template <class Thread> void operator()(Thread &t) { t.detach(); }
};
struct join_if_joinable {
  template <class Thread> void operator()(Thread &t) {
    if (t.joinable())
      t.join();
  }
};
struct interrupt_and_join_if_joinable {
  template <class Thread> void operator()(Thread &t) {
    if (t.joinable()) {
      t.interrupt();
      t.join();
    }
  }
};
} // namespace boost

#endif
