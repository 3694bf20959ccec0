// Tether mock: a bidirectional iterator over linked nodes, used by the
// node-based containers (list, map, set, unordered_*). Only the shape matters.
#ifndef TETHER_MOCK_NODE_ITERATOR_H
#define TETHER_MOCK_NODE_ITERATOR_H
#include <tether_mock/iterator_base.h>

namespace std {
namespace __tm {
template <class V> struct list_node {
  list_node *next;
  list_node *prev;
  V value;
};

template <class V, bool Const> class node_iterator {
public:
  typedef bidirectional_iterator_tag iterator_category;
  typedef V value_type;
  typedef ptrdiff_t difference_type;
  typedef typename conditional<Const, const V *, V *>::type pointer;
  typedef typename conditional<Const, const V &, V &>::type reference;

  list_node<V> *_M_node = nullptr;

  node_iterator() noexcept = default;
  explicit node_iterator(list_node<V> *n) noexcept : _M_node(n) {}
  template <bool C = Const, class = typename enable_if<C>::type>
  node_iterator(const node_iterator<V, false> &o) noexcept : _M_node(o._M_node) {}

  reference operator*() const noexcept { return _M_node->value; }
  pointer operator->() const noexcept { return &_M_node->value; }
  node_iterator &operator++() noexcept {
    _M_node = _M_node->next;
    return *this;
  }
  node_iterator operator++(int) noexcept {
    node_iterator t = *this;
    _M_node = _M_node->next;
    return t;
  }
  node_iterator &operator--() noexcept {
    _M_node = _M_node->prev;
    return *this;
  }
  node_iterator operator--(int) noexcept {
    node_iterator t = *this;
    _M_node = _M_node->prev;
    return t;
  }
  friend bool operator==(const node_iterator &a, const node_iterator &b) noexcept { return a._M_node == b._M_node; }
  friend bool operator!=(const node_iterator &a, const node_iterator &b) noexcept { return a._M_node != b._M_node; }
};
} // namespace __tm
} // namespace std

#endif
