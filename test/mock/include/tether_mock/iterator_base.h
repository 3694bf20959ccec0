// Tether mock: iterator tags/traits, reverse_iterator and range access
// (std::begin/end/size/...), shared by <iterator> and every container.
#ifndef TETHER_MOCK_ITERATOR_BASE_H
#define TETHER_MOCK_ITERATOR_BASE_H
#include <initializer_list>
#include <type_traits>

namespace std {
struct input_iterator_tag {};
struct output_iterator_tag {};
struct forward_iterator_tag : input_iterator_tag {};
struct bidirectional_iterator_tag : forward_iterator_tag {};
struct random_access_iterator_tag : bidirectional_iterator_tag {};
struct contiguous_iterator_tag : random_access_iterator_tag {};

namespace __tm {
template <class It, class = void> struct iterator_traits_impl {};
template <class It>
struct iterator_traits_impl<It, void_t<typename It::iterator_category, typename It::value_type,
                                       typename It::difference_type, typename It::pointer, typename It::reference>> {
  typedef typename It::iterator_category iterator_category;
  typedef typename It::value_type value_type;
  typedef typename It::difference_type difference_type;
  typedef typename It::pointer pointer;
  typedef typename It::reference reference;
};
} // namespace __tm
template <class It> struct iterator_traits : __tm::iterator_traits_impl<It> {};
template <class T> struct iterator_traits<T *> {
  typedef random_access_iterator_tag iterator_category;
  typedef typename remove_cv<T>::type value_type;
  typedef ptrdiff_t difference_type;
  typedef T *pointer;
  typedef T &reference;
};

template <class Category, class T, class Distance = ptrdiff_t, class Pointer = T *, class Reference = T &>
struct iterator {
  typedef Category iterator_category;
  typedef T value_type;
  typedef Distance difference_type;
  typedef Pointer pointer;
  typedef Reference reference;
};

template <class It> class reverse_iterator {
protected:
  It current;

public:
  typedef It iterator_type;
  typedef typename iterator_traits<It>::iterator_category iterator_category;
  typedef typename iterator_traits<It>::value_type value_type;
  typedef typename iterator_traits<It>::difference_type difference_type;
  typedef typename iterator_traits<It>::pointer pointer;
  typedef typename iterator_traits<It>::reference reference;

  constexpr reverse_iterator() : current() {}
  constexpr explicit reverse_iterator(It x) : current(x) {}
  template <class U> constexpr reverse_iterator(const reverse_iterator<U> &u) : current(u.base()) {}
  constexpr It base() const { return current; }
  constexpr reference operator*() const {
    It tmp = current;
    return *--tmp;
  }
  constexpr reverse_iterator &operator++() {
    --current;
    return *this;
  }
  constexpr reverse_iterator operator++(int) {
    reverse_iterator tmp = *this;
    --current;
    return tmp;
  }
  constexpr reverse_iterator &operator--() {
    ++current;
    return *this;
  }
  constexpr reverse_iterator operator--(int) {
    reverse_iterator tmp = *this;
    ++current;
    return tmp;
  }
  friend constexpr bool operator==(const reverse_iterator &a, const reverse_iterator &b) {
    return a.current == b.current;
  }
  friend constexpr bool operator!=(const reverse_iterator &a, const reverse_iterator &b) {
    return !(a.current == b.current);
  }
};

// Range access.
template <class C> constexpr auto begin(C &c) -> decltype(c.begin()) { return c.begin(); }
template <class C> constexpr auto begin(const C &c) -> decltype(c.begin()) { return c.begin(); }
template <class C> constexpr auto end(C &c) -> decltype(c.end()) { return c.end(); }
template <class C> constexpr auto end(const C &c) -> decltype(c.end()) { return c.end(); }
template <class T, size_t N> constexpr T *begin(T (&a)[N]) noexcept { return a; }
template <class T, size_t N> constexpr T *end(T (&a)[N]) noexcept { return a + N; }
template <class C> constexpr auto cbegin(const C &c) -> decltype(std::begin(c)) { return std::begin(c); }
template <class C> constexpr auto cend(const C &c) -> decltype(std::end(c)) { return std::end(c); }
template <class C> constexpr auto rbegin(C &c) -> decltype(c.rbegin()) { return c.rbegin(); }
template <class C> constexpr auto rend(C &c) -> decltype(c.rend()) { return c.rend(); }
template <class C> constexpr auto size(const C &c) -> decltype(c.size()) { return c.size(); }
template <class T, size_t N> constexpr size_t size(const T (&)[N]) noexcept { return N; }
template <class C> constexpr auto ssize(const C &c) -> ptrdiff_t { return static_cast<ptrdiff_t>(c.size()); }
template <class C> constexpr auto empty(const C &c) -> decltype(c.empty()) { return c.empty(); }
template <class T, size_t N> constexpr bool empty(const T (&)[N]) noexcept { return false; }
template <class E> constexpr bool empty(initializer_list<E> il) noexcept { return il.size() == 0; }
template <class C> constexpr auto data(C &c) -> decltype(c.data()) { return c.data(); }
template <class C> constexpr auto data(const C &c) -> decltype(c.data()) { return c.data(); }
template <class T, size_t N> constexpr T *data(T (&a)[N]) noexcept { return a; }

template <class It> constexpr typename iterator_traits<It>::difference_type distance(It first, It last) {
  typename iterator_traits<It>::difference_type n = 0;
  for (; !(first == last); ++first)
    ++n;
  return n;
}
template <class T> constexpr ptrdiff_t distance(T *first, T *last) { return last - first; }
template <class It, class Distance> constexpr void advance(It &it, Distance n) {
  for (; n > 0; --n)
    ++it;
  for (; n < 0; ++n)
    --it;
}
template <class It> constexpr It next(It it, typename iterator_traits<It>::difference_type n = 1) {
  std::advance(it, n);
  return it;
}
template <class It> constexpr It prev(It it, typename iterator_traits<It>::difference_type n = 1) {
  std::advance(it, -n);
  return it;
}
} // namespace std

#endif
