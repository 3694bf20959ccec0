// Tether mock <boost/fiber/exceptions.hpp> (hermetic).
#ifndef TETHER_MOCK_BOOST_FIBER_EXCEPTIONS_HPP
#define TETHER_MOCK_BOOST_FIBER_EXCEPTIONS_HPP
#include <system_error>

namespace boost {
namespace fibers {
class fiber_error : public std::system_error {
public:
  explicit fiber_error(std::error_code ec) : std::system_error(ec) {}
  fiber_error(std::error_code ec, const char *what_arg) : std::system_error(ec, what_arg) {}
};
class lock_error : public fiber_error {
public:
  explicit lock_error(std::error_code ec) : fiber_error(ec) {}
};
class future_error : public fiber_error {
public:
  explicit future_error(std::error_code ec) : fiber_error(ec) {}
};
class future_uninitialized : public future_error {
public:
  future_uninitialized() : future_error(std::error_code()) {}
};
class future_already_retrieved : public future_error {
public:
  future_already_retrieved() : future_error(std::error_code()) {}
};
class broken_promise : public future_error {
public:
  broken_promise() : future_error(std::error_code()) {}
};
class promise_already_satisfied : public future_error {
public:
  promise_already_satisfied() : future_error(std::error_code()) {}
};
class promise_uninitialized : public future_error {
public:
  promise_uninitialized() : future_error(std::error_code()) {}
};
class packaged_task_uninitialized : public future_error {
public:
  packaged_task_uninitialized() : future_error(std::error_code()) {}
};
} // namespace fibers
} // namespace boost
#endif
