/* Tether mock <time.h> (hermetic). */
#ifndef TETHER_MOCK_TIME_H
#define TETHER_MOCK_TIME_H
#include <tether_mock/c_config.h>
#include <sys/types.h>

#define CLOCKS_PER_SEC ((clock_t)1000000)
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define TIME_UTC 1

__TM_BEGIN_C
struct timespec {
  time_t tv_sec;
  long tv_nsec;
};

struct tm {
  int tm_sec, tm_min, tm_hour, tm_mday, tm_mon, tm_year, tm_wday, tm_yday, tm_isdst;
  long tm_gmtoff;
  const char *tm_zone;
};

extern time_t time(time_t *__timer) __TM_THROW;
extern clock_t clock(void) __TM_THROW;
extern double difftime(time_t __time1, time_t __time0) __TM_THROW;
extern int clock_gettime(clockid_t __clock_id, struct timespec *__tp) __TM_THROW;
extern int nanosleep(const struct timespec *__requested_time, struct timespec *__remaining);
extern struct tm *localtime(const time_t *__timer) __TM_THROW;
extern struct tm *localtime_r(const time_t *__restrict __timer, struct tm *__restrict __tp) __TM_THROW;
extern struct tm *gmtime(const time_t *__timer) __TM_THROW;
extern size_t strftime(char *__restrict __s, size_t __maxsize, const char *__restrict __format,
                       const struct tm *__restrict __tp) __TM_THROW;
__TM_END_C
#endif
