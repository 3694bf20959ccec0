// Tether mock C++ configuration (hermetic). Included by every C++ mock header.
#ifndef TETHER_MOCK_CXX_CONFIG_H
#define TETHER_MOCK_CXX_CONFIG_H

#include <tether_mock/c_config.h>

namespace std {
typedef __SIZE_TYPE__ size_t;
typedef __PTRDIFF_TYPE__ ptrdiff_t;
typedef decltype(nullptr) nullptr_t;
} // namespace std

// C++20 *library* types that need no C++20 language feature (std::jthread,
// std::stop_token, std::counting_semaphore, std::latch, std::barrier, ...) are
// declared in every language mode, unless TETHER_MOCK_NO_CXX20 is defined (then
// the mocks behave like a strict C++17 standard library).
#if !defined(TETHER_MOCK_NO_CXX20)
#define TETHER_MOCK_CXX20_LIB 1
#endif

// Coroutine support (std::coroutine_handle, asio::awaitable, co_spawn, ...)
// needs the language feature, i.e. -std=c++20.
#if defined(__cpp_impl_coroutine) && !defined(TETHER_MOCK_NO_CXX20)
#define TETHER_MOCK_HAS_COROUTINES 1
#endif

#if __cplusplus >= 201703L
#define __TM_NODISCARD [[__nodiscard__]]
#define __TM_INLINE_VAR inline
#else
#define __TM_NODISCARD
#define __TM_INLINE_VAR
#endif

#if __cplusplus >= 202002L
#define __TM_CONSTEXPR20 constexpr
#else
#define __TM_CONSTEXPR20
#endif

#endif
