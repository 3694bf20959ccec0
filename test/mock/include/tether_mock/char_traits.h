// Tether mock: std::char_traits.
#ifndef TETHER_MOCK_CHAR_TRAITS_H
#define TETHER_MOCK_CHAR_TRAITS_H
#include <iosfwd>
#include <type_traits>

namespace std {
typedef long streamoff;
typedef long streamsize;

template <class CharT> struct char_traits {
  typedef CharT char_type;
  typedef int int_type;
  static constexpr void assign(char_type &a, const char_type &b) noexcept { a = b; }
  static constexpr bool eq(char_type a, char_type b) noexcept { return a == b; }
  static constexpr bool lt(char_type a, char_type b) noexcept { return a < b; }
  static constexpr size_t length(const char_type *s) {
    size_t n = 0;
    while (!eq(s[n], char_type()))
      ++n;
    return n;
  }
  static constexpr int compare(const char_type *a, const char_type *b, size_t n) {
    for (size_t i = 0; i < n; ++i) {
      if (lt(a[i], b[i]))
        return -1;
      if (lt(b[i], a[i]))
        return 1;
    }
    return 0;
  }
  static constexpr const char_type *find(const char_type *s, size_t n, const char_type &c) {
    for (size_t i = 0; i < n; ++i)
      if (eq(s[i], c))
        return s + i;
    return nullptr;
  }
  static __TM_CONSTEXPR20 char_type *copy(char_type *d, const char_type *s, size_t n) {
    for (size_t i = 0; i < n; ++i)
      d[i] = s[i];
    return d;
  }
  static __TM_CONSTEXPR20 char_type *move(char_type *d, const char_type *s, size_t n) { return copy(d, s, n); }
  static __TM_CONSTEXPR20 char_type *assign(char_type *d, size_t n, char_type c) {
    for (size_t i = 0; i < n; ++i)
      d[i] = c;
    return d;
  }
  static constexpr int_type eof() noexcept { return -1; }
  static constexpr int_type to_int_type(char_type c) noexcept { return static_cast<int_type>(c); }
  static constexpr char_type to_char_type(int_type c) noexcept { return static_cast<char_type>(c); }
};
} // namespace std

#endif
