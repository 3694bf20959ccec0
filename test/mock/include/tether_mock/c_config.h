/* Tether mock system headers -- shared C/C++ configuration.
 * Hermetic: nothing here includes a real system header. */
#ifndef TETHER_MOCK_C_CONFIG_H
#define TETHER_MOCK_C_CONFIG_H

#define TETHER_MOCK_HEADERS 1

#ifdef __cplusplus
#define __TM_BEGIN_C extern "C" {
#define __TM_END_C }
#define __TM_THROW noexcept(true)
#define __TM_NULL nullptr
#else
#define __TM_BEGIN_C
#define __TM_END_C
#define __TM_THROW
#define __TM_NULL ((void *)0)
#endif

#define __TM_NORETURN __attribute__((__noreturn__))

#endif
