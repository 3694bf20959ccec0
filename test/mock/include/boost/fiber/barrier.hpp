// Tether mock <boost/fiber/barrier.hpp> (hermetic).
#ifndef TETHER_MOCK_BOOST_FIBER_BARRIER_HPP
#define TETHER_MOCK_BOOST_FIBER_BARRIER_HPP
#include <cstddef>
namespace boost {
namespace fibers {
class barrier {
  std::size_t initial_;

public:
  explicit barrier(std::size_t initial) : initial_(initial) {}
  barrier(barrier const &) = delete;
  barrier &operator=(barrier const &) = delete;
  bool wait();
};
} // namespace fibers
} // namespace boost
#endif
