// Tether mock <boost/chrono.hpp> (hermetic). Boost.Chrono types are distinct
// from std::chrono ones (boost::this_thread::sleep_for takes these).
#ifndef TETHER_MOCK_BOOST_CHRONO_HPP
#define TETHER_MOCK_BOOST_CHRONO_HPP
#include <cstdint>
#include <ratio>
#include <type_traits>

namespace boost {
template <std::intmax_t N, std::intmax_t D = 1> class ratio {
public:
  static constexpr std::intmax_t num = std::ratio<N, D>::num;
  static constexpr std::intmax_t den = std::ratio<N, D>::den;
  typedef ratio<num, den> type;
};
typedef ratio<1, 1000000000> nano;
typedef ratio<1, 1000000> micro;
typedef ratio<1, 1000> milli;

namespace chrono {
template <class Rep, class Period = ratio<1>> class duration {
  Rep rep_;

public:
  typedef Rep rep;
  typedef Period period;
  constexpr duration() : rep_() {}
  template <class Rep2, class = typename std::enable_if<std::is_convertible<Rep2, Rep>::value>::type>
  constexpr explicit duration(const Rep2 &r) : rep_(static_cast<Rep>(r)) {}
  template <class Rep2, class Period2>
  constexpr duration(const duration<Rep2, Period2> &d)
      : rep_(static_cast<Rep>(d.count() * (Period2::num * Period::den) / (Period2::den * Period::num))) {}
  constexpr rep count() const { return rep_; }
  static constexpr duration zero() { return duration(0); }
  duration &operator+=(const duration &d) {
    rep_ += d.count();
    return *this;
  }
  duration &operator-=(const duration &d) {
    rep_ -= d.count();
    return *this;
  }
};
typedef duration<std::int64_t, nano> nanoseconds;
typedef duration<std::int64_t, micro> microseconds;
typedef duration<std::int64_t, milli> milliseconds;
typedef duration<std::int64_t> seconds;
typedef duration<std::int64_t, ratio<60>> minutes;
typedef duration<std::int64_t, ratio<3600>> hours;

template <class To, class Rep, class Period> constexpr To duration_cast(const duration<Rep, Period> &d) { return To(d); }
template <class R, class P> constexpr duration<R, P> operator+(const duration<R, P> &a, const duration<R, P> &b) {
  return duration<R, P>(a.count() + b.count());
}
template <class R, class P> constexpr duration<R, P> operator-(const duration<R, P> &a, const duration<R, P> &b) {
  return duration<R, P>(a.count() - b.count());
}
template <class R, class P> constexpr bool operator<(const duration<R, P> &a, const duration<R, P> &b) {
  return a.count() < b.count();
}
template <class R, class P> constexpr bool operator==(const duration<R, P> &a, const duration<R, P> &b) {
  return a.count() == b.count();
}

template <class Clock, class Duration = typename Clock::duration> class time_point {
  Duration d_;

public:
  typedef Clock clock;
  typedef Duration duration;
  constexpr time_point() : d_() {}
  constexpr explicit time_point(const duration &d) : d_(d) {}
  constexpr duration time_since_epoch() const { return d_; }
};
template <class C, class D> time_point<C, D> operator+(const time_point<C, D> &t, const D &d) {
  return time_point<C, D>(t.time_since_epoch() + d);
}
template <class C, class D> D operator-(const time_point<C, D> &a, const time_point<C, D> &b) {
  return a.time_since_epoch() - b.time_since_epoch();
}

class system_clock {
public:
  typedef nanoseconds duration;
  typedef duration::rep rep;
  typedef duration::period period;
  typedef chrono::time_point<system_clock> time_point;
  static constexpr bool is_steady = false;
  static time_point now() noexcept;
};
class steady_clock {
public:
  typedef nanoseconds duration;
  typedef duration::rep rep;
  typedef duration::period period;
  typedef chrono::time_point<steady_clock> time_point;
  static constexpr bool is_steady = true;
  static time_point now() noexcept;
};
typedef steady_clock high_resolution_clock;
} // namespace chrono
} // namespace boost

#endif
