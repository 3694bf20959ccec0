// Tether mock <asio.hpp> (hermetic): standalone Asio, namespace asio.
// See tether_mock/asio_impl.h for what is covered.
#ifndef TETHER_MOCK_ASIO_HPP
#define TETHER_MOCK_ASIO_HPP
#include <system_error>

namespace asio {
typedef std::error_code error_code;
typedef std::system_error system_error;
} // namespace asio

#define TETHER_ASIO_NS_BEGIN namespace asio {
#define TETHER_ASIO_NS_END }
#define TETHER_ASIO_NS ::asio
#define TETHER_ASIO_ERROR_CODE std::error_code
#if defined(ASIO_NO_DEPRECATED)
#define TETHER_ASIO_NO_DEPRECATED 1
#endif
#include <tether_mock/asio_impl.h>
#undef TETHER_ASIO_NS_BEGIN
#undef TETHER_ASIO_NS_END
#undef TETHER_ASIO_NS
#undef TETHER_ASIO_ERROR_CODE
#undef TETHER_ASIO_NO_DEPRECATED

#endif
