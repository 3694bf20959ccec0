// Tether mock <boost/fiber/fixedsize_stack.hpp> (hermetic). In Boost these
// are aliases of Boost.Context's stack allocators.
#ifndef TETHER_MOCK_BOOST_FIBER_FIXEDSIZE_STACK_HPP
#define TETHER_MOCK_BOOST_FIBER_FIXEDSIZE_STACK_HPP
#include <cstddef>
namespace boost {
namespace context {
struct stack_context {
  std::size_t size = 0;
  void *sp = nullptr;
};
class fixedsize_stack {
  std::size_t size_;

public:
  explicit fixedsize_stack(std::size_t size = 128 * 1024) noexcept : size_(size) {}
  stack_context allocate();
  void deallocate(stack_context &sctx) noexcept;
};
typedef fixedsize_stack default_stack;
class protected_fixedsize_stack : public fixedsize_stack {
public:
  using fixedsize_stack::fixedsize_stack;
};
} // namespace context
namespace fibers {
using fixedsize_stack = boost::context::fixedsize_stack;
using default_stack = boost::context::default_stack;
using protected_fixedsize_stack = boost::context::protected_fixedsize_stack;
} // namespace fibers
} // namespace boost
#endif
