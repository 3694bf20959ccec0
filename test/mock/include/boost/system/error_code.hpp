// Tether mock <boost/system/error_code.hpp> (hermetic).
#ifndef TETHER_MOCK_BOOST_SYSTEM_ERROR_CODE_HPP
#define TETHER_MOCK_BOOST_SYSTEM_ERROR_CODE_HPP
#include <string>
#include <system_error>

namespace boost {
namespace system {
class error_category {
public:
  virtual ~error_category() {}
  virtual const char *name() const noexcept = 0;
  virtual std::string message(int ev) const = 0;
};
const error_category &generic_category() noexcept;
const error_category &system_category() noexcept;

class error_code {
  int val_;
  const error_category *cat_;

public:
  error_code() noexcept : val_(0), cat_(&system_category()) {}
  error_code(int val, const error_category &cat) noexcept : val_(val), cat_(&cat) {}
  int value() const noexcept { return val_; }
  const error_category &category() const noexcept { return *cat_; }
  std::string message() const { return cat_->message(val_); }
  void clear() noexcept { val_ = 0; }
  bool failed() const noexcept { return val_ != 0; }
  explicit operator bool() const noexcept { return val_ != 0; }
  operator std::error_code() const { return std::error_code(val_, std::generic_category()); }
  friend bool operator==(const error_code &a, const error_code &b) noexcept {
    return a.val_ == b.val_ && a.cat_ == b.cat_;
  }
  friend bool operator!=(const error_code &a, const error_code &b) noexcept { return !(a == b); }
};

class system_error : public std::runtime_error {
  error_code code_;

public:
  explicit system_error(const error_code &ec) : std::runtime_error("boost::system::system_error"), code_(ec) {}
  system_error(const error_code &ec, const char *what) : std::runtime_error(what), code_(ec) {}
  const error_code &code() const noexcept { return code_; }
};
} // namespace system
} // namespace boost

#endif
