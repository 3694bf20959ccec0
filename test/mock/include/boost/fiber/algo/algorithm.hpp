// Tether mock <boost/fiber/algo/algorithm.hpp> (hermetic).
#ifndef TETHER_MOCK_BOOST_FIBER_ALGO_ALGORITHM_HPP
#define TETHER_MOCK_BOOST_FIBER_ALGO_ALGORITHM_HPP
#include <boost/fiber/context.hpp>
#include <chrono>
#include <cstdint>
namespace boost {
namespace fibers {
namespace algo {
struct algorithm {
  virtual ~algorithm() {}
  virtual void awakened(context *) noexcept = 0;
  virtual context *pick_next() noexcept = 0;
  virtual bool has_ready_fibers() const noexcept = 0;
  virtual void suspend_until(std::chrono::steady_clock::time_point const &) noexcept = 0;
  virtual void notify() noexcept = 0;
};
class round_robin : public algorithm {
public:
  round_robin() = default;
  round_robin(round_robin const &) = delete;
  round_robin &operator=(round_robin const &) = delete;
  void awakened(context *) noexcept override;
  context *pick_next() noexcept override;
  bool has_ready_fibers() const noexcept override;
  void suspend_until(std::chrono::steady_clock::time_point const &) noexcept override;
  void notify() noexcept override;
};
class shared_work : public algorithm {
public:
  shared_work() = default;
  shared_work(bool suspend) : suspend_{suspend} {}
  shared_work(shared_work const &) = delete;
  shared_work(shared_work &&) = delete;
  void awakened(context *) noexcept override;
  context *pick_next() noexcept override;
  bool has_ready_fibers() const noexcept override;
  void suspend_until(std::chrono::steady_clock::time_point const &) noexcept override;
  void notify() noexcept override;

private:
  bool suspend_{false};
};
class work_stealing : public algorithm {
public:
  work_stealing(std::uint32_t thread_count, bool suspend = false);
  work_stealing(work_stealing const &) = delete;
  work_stealing(work_stealing &&) = delete;
  void awakened(context *) noexcept override;
  context *pick_next() noexcept override;
  bool has_ready_fibers() const noexcept override;
  void suspend_until(std::chrono::steady_clock::time_point const &) noexcept override;
  void notify() noexcept override;
};
} // namespace algo
} // namespace fibers
} // namespace boost
#endif
