// Tether mock <msd/blocking_iterator.hpp> (hermetic), after cpp-channel 1.x.
#ifndef TETHER_MOCK_MSD_BLOCKING_ITERATOR_HPP
#define TETHER_MOCK_MSD_BLOCKING_ITERATOR_HPP
#include <cstddef>
#include <iterator>

namespace msd {
// Input iterator that blocks reading from the channel; iteration ends when the
// channel is closed and drained.
template <typename Channel> class blocking_iterator {
public:
  using value_type = typename Channel::value_type;
  using reference = const typename Channel::value_type &;
  using iterator_category = std::input_iterator_tag;
  using difference_type = std::ptrdiff_t;
  using pointer = const value_type *;

  explicit blocking_iterator(Channel &chan, bool is_end = false) : chan_{&chan}, is_end_{is_end} {}
  blocking_iterator<Channel> &operator++() noexcept {
    if (!chan_->read(value_))
      is_end_ = true;
    return *this;
  }
  reference operator*() { return value_; }
  bool operator!=(const blocking_iterator &other) { return is_end_ != other.is_end_; }

private:
  Channel *chan_;
  value_type value_{};
  bool is_end_{false};
};

// Output iterator that writes into the channel.
template <typename Channel> class blocking_writer_iterator {
public:
  using value_type = typename Channel::value_type;
  using reference = const value_type &;
  using iterator_category = std::output_iterator_tag;
  using difference_type = std::ptrdiff_t;
  using pointer = const value_type *;

  explicit blocking_writer_iterator(Channel &chan) : chan_{&chan} {}
  blocking_writer_iterator &operator=(reference value) {
    chan_->write(value);
    return *this;
  }
  blocking_writer_iterator &operator*() { return *this; }
  blocking_writer_iterator &operator++() { return *this; }
  blocking_writer_iterator operator++(int) { return *this; }

private:
  Channel *chan_;
};

template <typename Channel> blocking_writer_iterator<Channel> back_inserter(Channel &chan) {
  return blocking_writer_iterator<Channel>{chan};
}
} // namespace msd
#endif
