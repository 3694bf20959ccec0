// Tether mock <boost/fiber/fiber.hpp> (hermetic).
//
// Real-API notes: the default launch policy is launch::post; a joinable fiber's
// destructor (and move-assignment onto a joinable fiber) calls std::terminate,
// exactly like std::thread. Under clang the ctors take `Arg &&...` (under
// GCC >= 5 Boost declares them with by-value `Arg...` and without `explicit`).
#ifndef TETHER_MOCK_BOOST_FIBER_FIBER_HPP
#define TETHER_MOCK_BOOST_FIBER_FIBER_HPP
#include <boost/fiber/context.hpp>
#include <boost/fiber/fixedsize_stack.hpp>
#include <boost/fiber/policy.hpp>
#include <exception>
#include <memory>
#include <type_traits>
#include <utility>

namespace boost {
namespace fibers {
namespace detail {
template <typename X, typename Y>
using disable_overload =
    typename std::enable_if<!std::is_base_of<X, typename std::decay<Y>::type>::value>::type;
} // namespace detail

class fiber {
  context *impl_ = nullptr;

public:
  using id = context::id;

  fiber() = default;

  template <typename Fn, typename... Arg, typename = detail::disable_overload<fiber, Fn>,
            typename = detail::disable_overload<launch, Fn>,
            typename = detail::disable_overload<std::allocator_arg_t, Fn>>
  explicit fiber(Fn &&fn, Arg &&...arg) {
    (void)fn;
    (void)sizeof...(arg);
  }
  template <typename Fn, typename... Arg, typename = detail::disable_overload<fiber, Fn>>
  fiber(launch policy, Fn &&fn, Arg &&...arg) {
    (void)policy;
    (void)fn;
    (void)sizeof...(arg);
  }
  template <typename StackAllocator, typename Fn, typename... Arg>
  fiber(std::allocator_arg_t, StackAllocator &&salloc, Fn &&fn, Arg &&...arg) {
    (void)salloc;
    (void)fn;
    (void)sizeof...(arg);
  }
  template <typename StackAllocator, typename Fn, typename... Arg>
  fiber(launch policy, std::allocator_arg_t, StackAllocator &&salloc, Fn &&fn, Arg &&...arg) {
    (void)policy;
    (void)salloc;
    (void)fn;
    (void)sizeof...(arg);
  }

  ~fiber() {
    if (joinable())
      std::terminate();
  }
  fiber(fiber const &) = delete;
  fiber &operator=(fiber const &) = delete;
  fiber(fiber &&other) noexcept : impl_(nullptr) { swap(other); }
  fiber &operator=(fiber &&other) noexcept {
    if (joinable())
      std::terminate();
    if (this == &other)
      return *this;
    std::swap(impl_, other.impl_);
    return *this;
  }
  void swap(fiber &other) noexcept { std::swap(impl_, other.impl_); }
  id get_id() const noexcept { return impl_ ? impl_->get_id() : id(); }
  bool joinable() const noexcept { return nullptr != impl_; }
  void join();
  void detach();
  template <typename PROPS> PROPS &properties();
};

inline bool operator<(fiber const &l, fiber const &r) noexcept { return l.get_id() < r.get_id(); }
inline void swap(fiber &l, fiber &r) noexcept { return l.swap(r); }
} // namespace fibers
} // namespace boost
#endif
