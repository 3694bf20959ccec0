// Tether mock <boost/asio.hpp> (hermetic): Boost.Asio, namespace boost::asio.
// Completion signatures use boost::system::error_code.
// See tether_mock/asio_impl.h for what is covered.
#ifndef TETHER_MOCK_BOOST_ASIO_HPP
#define TETHER_MOCK_BOOST_ASIO_HPP
#include <boost/system/error_code.hpp>

#define TETHER_ASIO_NS_BEGIN                                                                                           \
  namespace boost {                                                                                                    \
  namespace asio {
#define TETHER_ASIO_NS_END                                                                                             \
  }                                                                                                                    \
  }
#define TETHER_ASIO_NS ::boost::asio
#define TETHER_ASIO_ERROR_CODE ::boost::system::error_code
#if defined(BOOST_ASIO_NO_DEPRECATED)
#define TETHER_ASIO_NO_DEPRECATED 1
#endif
#include <tether_mock/asio_impl.h>
#undef TETHER_ASIO_NS_BEGIN
#undef TETHER_ASIO_NS_END
#undef TETHER_ASIO_NS
#undef TETHER_ASIO_ERROR_CODE
#undef TETHER_ASIO_NO_DEPRECATED

#endif
