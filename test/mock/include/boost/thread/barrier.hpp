// Tether mock <boost/thread/barrier.hpp> (hermetic).
#ifndef TETHER_MOCK_BOOST_THREAD_BARRIER_HPP
#define TETHER_MOCK_BOOST_THREAD_BARRIER_HPP
namespace boost {
class barrier {
  unsigned int m_count;

public:
  explicit barrier(unsigned int count) : m_count(count) {}
  barrier(const barrier &) = delete;
  barrier &operator=(const barrier &) = delete;
  bool wait();
  void count_down_and_wait();
};
} // namespace boost
#endif
