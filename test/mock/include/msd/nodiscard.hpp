// Tether mock <msd/nodiscard.hpp> (hermetic), after andreiavrammsd/cpp-channel.
#ifndef TETHER_MOCK_MSD_NODISCARD_HPP
#define TETHER_MOCK_MSD_NODISCARD_HPP
#if (__cplusplus >= 201703L)
#define NODISCARD [[nodiscard]]
#else
#define NODISCARD
#endif
#endif
