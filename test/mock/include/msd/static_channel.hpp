// Tether mock <msd/static_channel.hpp> (hermetic), after cpp-channel 1.x.
#ifndef TETHER_MOCK_MSD_STATIC_CHANNEL_HPP
#define TETHER_MOCK_MSD_STATIC_CHANNEL_HPP
#include "channel.hpp"
#include "storage.hpp"
#include <cstdlib>
namespace msd {
template <typename T, std::size_t Capacity> using static_channel = channel<T, array_storage<T, Capacity>>;
} // namespace msd
#endif
