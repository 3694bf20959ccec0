// Tether mock <msd/storage.hpp> (hermetic), after cpp-channel 1.x.
#ifndef TETHER_MOCK_MSD_STORAGE_HPP
#define TETHER_MOCK_MSD_STORAGE_HPP
#include <array>
#include <cstddef>
#include <deque>
#include <utility>
#include <vector>

namespace msd {
template <typename T> class queue_storage {
public:
  explicit queue_storage(std::size_t) {}
  template <typename Type> void push_back(Type &&value) { queue_.push_back(std::forward<Type>(value)); }
  void pop_front(T &out) {
    out = std::move(queue_.front());
    queue_.pop_front();
  }
  std::size_t size() const noexcept { return queue_.size(); }

private:
  std::deque<T> queue_{};
};

template <typename T> class vector_storage {
public:
  explicit vector_storage(std::size_t capacity) { vector_.reserve(capacity); }
  template <typename Type> void push_back(Type &&value) { vector_.push_back(std::forward<Type>(value)); }
  void pop_front(T &out) { out = std::move(vector_.front()); }
  std::size_t size() const noexcept { return vector_.size(); }

private:
  std::vector<T> vector_;
};

template <typename T, std::size_t N> class array_storage {
public:
  static constexpr std::size_t capacity = N;
  explicit array_storage(std::size_t = N) {}
  template <typename Type> void push_back(Type &&value) { array_[size_++] = std::forward<Type>(value); }
  void pop_front(T &out) { out = std::move(array_[0]); }
  std::size_t size() const noexcept { return size_; }

private:
  std::array<T, N> array_{};
  std::size_t size_{0};
};
} // namespace msd
#endif
