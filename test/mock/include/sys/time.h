/* Tether mock <sys/time.h> (hermetic). */
#ifndef TETHER_MOCK_SYS_TIME_H
#define TETHER_MOCK_SYS_TIME_H
#include <tether_mock/c_config.h>
#include <time.h>
__TM_BEGIN_C
struct timeval {
  time_t tv_sec;
  suseconds_t tv_usec;
};
extern int gettimeofday(struct timeval *__restrict __tv, void *__restrict __tz) __TM_THROW;
__TM_END_C
#endif
