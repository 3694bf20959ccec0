/* Tether mock <sched.h> (hermetic). */
#ifndef TETHER_MOCK_SCHED_H
#define TETHER_MOCK_SCHED_H
#include <tether_mock/c_config.h>
#include <time.h>
__TM_BEGIN_C
struct sched_param {
  int sched_priority;
};
extern int sched_yield(void) __TM_THROW;
__TM_END_C
#endif
