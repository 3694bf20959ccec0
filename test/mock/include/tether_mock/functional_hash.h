// Tether mock: std::hash primary template and the scalar specializations.
#ifndef TETHER_MOCK_FUNCTIONAL_HASH_H
#define TETHER_MOCK_FUNCTIONAL_HASH_H
#include <type_traits>

namespace std {
namespace __tm {
template <class T, bool = is_enum<T>::value> struct enum_hash {
  size_t operator()(T v) const noexcept { return static_cast<size_t>(v); }
};
template <class T> struct enum_hash<T, false> {
  enum_hash() = delete;
  enum_hash(const enum_hash &) = delete;
};
} // namespace __tm
template <class T> struct hash : __tm::enum_hash<T> {};
template <class T> struct hash<T *> {
  size_t operator()(T *p) const noexcept { return reinterpret_cast<size_t>(p); }
};
#define __TM_SCALAR_HASH(T)                                                                                            \
  template <> struct hash<T> {                                                                                         \
    size_t operator()(T v) const noexcept { return static_cast<size_t>(v); }                                           \
  };
__TM_SCALAR_HASH(bool)
__TM_SCALAR_HASH(char)
__TM_SCALAR_HASH(signed char)
__TM_SCALAR_HASH(unsigned char)
__TM_SCALAR_HASH(wchar_t)
__TM_SCALAR_HASH(char16_t)
__TM_SCALAR_HASH(char32_t)
__TM_SCALAR_HASH(short)
__TM_SCALAR_HASH(unsigned short)
__TM_SCALAR_HASH(int)
__TM_SCALAR_HASH(unsigned int)
__TM_SCALAR_HASH(long)
__TM_SCALAR_HASH(unsigned long)
__TM_SCALAR_HASH(long long)
__TM_SCALAR_HASH(unsigned long long)
__TM_SCALAR_HASH(float)
__TM_SCALAR_HASH(double)
__TM_SCALAR_HASH(long double)
#undef __TM_SCALAR_HASH
template <> struct hash<nullptr_t> {
  size_t operator()(nullptr_t) const noexcept { return 0; }
};
} // namespace std

#endif
