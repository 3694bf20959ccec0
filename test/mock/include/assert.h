/* Tether mock <assert.h> (hermetic). Deliberately not include-guarded:
 * like the real header it may be re-included after changing NDEBUG. */
#include <tether_mock/c_config.h>

#ifndef TETHER_MOCK_ASSERT_DECL
#define TETHER_MOCK_ASSERT_DECL
__TM_BEGIN_C
extern void __assert_fail(const char *__assertion, const char *__file,
                          unsigned int __line, const char *__function)
    __TM_THROW __TM_NORETURN;
__TM_END_C
#endif

#undef assert
#ifdef NDEBUG
#define assert(expr) ((void)0)
#else
#define assert(expr)                                                           \
  ((expr) ? (void)0 : __assert_fail(#expr, __FILE__, __LINE__, __func__))
#endif

#if !defined(__cplusplus) && !defined(static_assert)
#define static_assert _Static_assert
#endif
