/* Tether mock <threads.h> (hermetic): C11 threads as glibc declares them. */
#ifndef TETHER_MOCK_THREADS_H
#define TETHER_MOCK_THREADS_H
#include <tether_mock/c_config.h>
#include <time.h>
__TM_BEGIN_C
typedef unsigned long int thrd_t;
typedef int (*thrd_start_t)(void *);
enum {
  thrd_success = 0,
  thrd_busy = 1,
  thrd_error = 2,
  thrd_nomem = 3,
  thrd_timedout = 4
};
extern int thrd_create(thrd_t *__thr, thrd_start_t __func, void *__arg);
extern thrd_t thrd_current(void);
extern int thrd_detach(thrd_t __thr);
extern int thrd_join(thrd_t __thr, int *__res);
extern void thrd_yield(void);
__TM_END_C
#endif
