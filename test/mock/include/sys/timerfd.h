#pragma once
#include <time.h>
// Mock of glibc's <sys/timerfd.h>.
#ifdef __cplusplus
extern "C" {
#endif
struct itimerspec { struct timespec it_interval; struct timespec it_value; };
#define TFD_CLOEXEC 02000000
extern int timerfd_create(int __clock_id, int __flags);
extern int timerfd_settime(int __ufd, int __flags, const struct itimerspec *__utmr,
                           struct itimerspec *__otmr);
extern int timerfd_gettime(int __ufd, struct itimerspec *__otmr);
#ifdef __cplusplus
}
#endif
