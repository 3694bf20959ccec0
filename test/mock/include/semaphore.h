/* Tether mock <semaphore.h> (hermetic). POSIX unnamed + named semaphores. */
#ifndef TETHER_MOCK_SEMAPHORE_H
#define TETHER_MOCK_SEMAPHORE_H
#include <tether_mock/c_config.h>
#include <sys/types.h>
#include <time.h>

__TM_BEGIN_C
typedef union {
  char __size[32];
  long int __align;
} sem_t;

#define SEM_FAILED ((sem_t *)0)

extern int sem_init(sem_t *__sem, int __pshared, unsigned int __value) __TM_THROW;
extern int sem_destroy(sem_t *__sem) __TM_THROW;
extern sem_t *sem_open(const char *__name, int __oflag, ...) __TM_THROW;
extern int sem_close(sem_t *__sem) __TM_THROW;
extern int sem_unlink(const char *__name) __TM_THROW;
extern int sem_wait(sem_t *__sem);
extern int sem_timedwait(sem_t *__restrict __sem, const struct timespec *__restrict __abstime);
extern int sem_trywait(sem_t *__sem) __TM_THROW;
extern int sem_post(sem_t *__sem) __TM_THROW;
extern int sem_getvalue(sem_t *__restrict __sem, int *__restrict __sval) __TM_THROW;
__TM_END_C

#endif
