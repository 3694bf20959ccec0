// Tether mock <boost/fiber/context.hpp> (hermetic): only context::id.
#ifndef TETHER_MOCK_BOOST_FIBER_CONTEXT_HPP
#define TETHER_MOCK_BOOST_FIBER_CONTEXT_HPP
namespace boost {
namespace fibers {
class context {
public:
  class id {
    context *impl_ = nullptr;

  public:
    id() = default;
    explicit id(context *impl) noexcept : impl_(impl) {}
    bool operator==(id const &other) const noexcept { return impl_ == other.impl_; }
    bool operator!=(id const &other) const noexcept { return impl_ != other.impl_; }
    bool operator<(id const &other) const noexcept { return impl_ < other.impl_; }
    explicit operator bool() const noexcept { return nullptr != impl_; }
  };
  static context *active() noexcept;
  id get_id() const noexcept { return id(const_cast<context *>(this)); }
};
} // namespace fibers
} // namespace boost
#endif
