/* Tether mock <pthread.h> (hermetic). Signatures and noexcept-ness follow
 * glibc: cancellation points (pthread_join, pthread_cond_wait, ...) are not
 * noexcept, the rest are. */
#ifndef TETHER_MOCK_PTHREAD_H
#define TETHER_MOCK_PTHREAD_H
#include <tether_mock/c_config.h>
#include <sched.h>
#include <sys/types.h>
#include <time.h>

#define PTHREAD_CREATE_JOINABLE 0
#define PTHREAD_CREATE_DETACHED 1
#define PTHREAD_MUTEX_NORMAL 0
#define PTHREAD_MUTEX_RECURSIVE 1
#define PTHREAD_MUTEX_ERRORCHECK 2
#define PTHREAD_MUTEX_DEFAULT PTHREAD_MUTEX_NORMAL
#define PTHREAD_PROCESS_PRIVATE 0
#define PTHREAD_PROCESS_SHARED 1
#define PTHREAD_CANCEL_ENABLE 0
#define PTHREAD_CANCEL_DISABLE 1
#define PTHREAD_CANCELED ((void *)-1)
#define PTHREAD_BARRIER_SERIAL_THREAD -1

__TM_BEGIN_C
typedef unsigned long int pthread_t;
typedef unsigned int pthread_key_t;
typedef int pthread_once_t;
typedef volatile int pthread_spinlock_t;

typedef union pthread_attr_t {
  char __size[56];
  long int __align;
} pthread_attr_t;

typedef union {
  struct {
    int __lock;
    int __kind;
  } __data;
  char __size[40];
  long int __align;
} pthread_mutex_t;

typedef union {
  char __size[4];
  int __align;
} pthread_mutexattr_t;

typedef union {
  struct {
    unsigned int __wseq;
    unsigned int __g_signals;
  } __data;
  char __size[48];
  long long int __align;
} pthread_cond_t;

typedef union {
  char __size[4];
  int __align;
} pthread_condattr_t;

typedef union {
  struct {
    unsigned int __readers;
    unsigned int __writers;
  } __data;
  char __size[56];
  long int __align;
} pthread_rwlock_t;

typedef union {
  char __size[8];
  long int __align;
} pthread_rwlockattr_t;

typedef union {
  char __size[32];
  long int __align;
} pthread_barrier_t;

typedef union {
  char __size[4];
  int __align;
} pthread_barrierattr_t;

#define PTHREAD_MUTEX_INITIALIZER { { 0, 0 } }
#define PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP { { 0, PTHREAD_MUTEX_RECURSIVE } }
#define PTHREAD_COND_INITIALIZER { { 0, 0 } }
#define PTHREAD_RWLOCK_INITIALIZER { { 0, 0 } }
#define PTHREAD_ONCE_INIT 0

/* Threads. */
extern int pthread_create(pthread_t *__restrict __newthread, const pthread_attr_t *__restrict __attr,
                          void *(*__start_routine)(void *), void *__restrict __arg) __TM_THROW;
extern void pthread_exit(void *__retval) __TM_NORETURN;
extern int pthread_join(pthread_t __th, void **__thread_return);
extern int pthread_tryjoin_np(pthread_t __th, void **__thread_return) __TM_THROW;
extern int pthread_timedjoin_np(pthread_t __th, void **__thread_return, const struct timespec *__abstime);
extern int pthread_detach(pthread_t __th) __TM_THROW;
extern pthread_t pthread_self(void) __TM_THROW __attribute__((__const__));
extern int pthread_equal(pthread_t __thread1, pthread_t __thread2) __TM_THROW __attribute__((__const__));
extern int pthread_cancel(pthread_t __th);
extern int pthread_setcancelstate(int __state, int *__oldstate);
extern void pthread_testcancel(void);
extern int pthread_kill(pthread_t __threadid, int __signo) __TM_THROW;
extern int pthread_setname_np(pthread_t __target_thread, const char *__name) __TM_THROW;
extern int pthread_yield(void) __TM_THROW;

extern int pthread_attr_init(pthread_attr_t *__attr) __TM_THROW;
extern int pthread_attr_destroy(pthread_attr_t *__attr) __TM_THROW;
extern int pthread_attr_setdetachstate(pthread_attr_t *__attr, int __detachstate) __TM_THROW;
extern int pthread_attr_getdetachstate(const pthread_attr_t *__attr, int *__detachstate) __TM_THROW;
extern int pthread_attr_setstacksize(pthread_attr_t *__attr, size_t __stacksize) __TM_THROW;

extern int pthread_once(pthread_once_t *__once_control, void (*__init_routine)(void));

/* Mutexes. */
extern int pthread_mutex_init(pthread_mutex_t *__mutex, const pthread_mutexattr_t *__mutexattr) __TM_THROW;
extern int pthread_mutex_destroy(pthread_mutex_t *__mutex) __TM_THROW;
extern int pthread_mutex_trylock(pthread_mutex_t *__mutex) __TM_THROW;
extern int pthread_mutex_lock(pthread_mutex_t *__mutex) __TM_THROW;
extern int pthread_mutex_timedlock(pthread_mutex_t *__restrict __mutex,
                                   const struct timespec *__restrict __abstime) __TM_THROW;
extern int pthread_mutex_unlock(pthread_mutex_t *__mutex) __TM_THROW;
extern int pthread_mutexattr_init(pthread_mutexattr_t *__attr) __TM_THROW;
extern int pthread_mutexattr_destroy(pthread_mutexattr_t *__attr) __TM_THROW;
extern int pthread_mutexattr_settype(pthread_mutexattr_t *__attr, int __kind) __TM_THROW;

/* Reader/writer locks. */
extern int pthread_rwlock_init(pthread_rwlock_t *__restrict __rwlock,
                               const pthread_rwlockattr_t *__restrict __attr) __TM_THROW;
extern int pthread_rwlock_destroy(pthread_rwlock_t *__rwlock) __TM_THROW;
extern int pthread_rwlock_rdlock(pthread_rwlock_t *__rwlock) __TM_THROW;
extern int pthread_rwlock_tryrdlock(pthread_rwlock_t *__rwlock) __TM_THROW;
extern int pthread_rwlock_wrlock(pthread_rwlock_t *__rwlock) __TM_THROW;
extern int pthread_rwlock_trywrlock(pthread_rwlock_t *__rwlock) __TM_THROW;
extern int pthread_rwlock_unlock(pthread_rwlock_t *__rwlock) __TM_THROW;

/* Condition variables. */
extern int pthread_cond_init(pthread_cond_t *__restrict __cond,
                             const pthread_condattr_t *__restrict __cond_attr) __TM_THROW;
extern int pthread_cond_destroy(pthread_cond_t *__cond) __TM_THROW;
extern int pthread_cond_signal(pthread_cond_t *__cond) __TM_THROW;
extern int pthread_cond_broadcast(pthread_cond_t *__cond) __TM_THROW;
extern int pthread_cond_wait(pthread_cond_t *__restrict __cond, pthread_mutex_t *__restrict __mutex);
extern int pthread_cond_timedwait(pthread_cond_t *__restrict __cond, pthread_mutex_t *__restrict __mutex,
                                  const struct timespec *__restrict __abstime);

/* Spin locks and barriers. */
extern int pthread_spin_init(pthread_spinlock_t *__lock, int __pshared) __TM_THROW;
extern int pthread_spin_destroy(pthread_spinlock_t *__lock) __TM_THROW;
extern int pthread_spin_lock(pthread_spinlock_t *__lock) __TM_THROW;
extern int pthread_spin_trylock(pthread_spinlock_t *__lock) __TM_THROW;
extern int pthread_spin_unlock(pthread_spinlock_t *__lock) __TM_THROW;
extern int pthread_barrier_init(pthread_barrier_t *__restrict __barrier,
                                const pthread_barrierattr_t *__restrict __attr, unsigned int __count)
    __TM_THROW;
extern int pthread_barrier_destroy(pthread_barrier_t *__barrier) __TM_THROW;
extern int pthread_barrier_wait(pthread_barrier_t *__barrier) __TM_THROW;

/* Thread-specific data. */
extern int pthread_key_create(pthread_key_t *__key, void (*__destr_function)(void *)) __TM_THROW;
extern int pthread_key_delete(pthread_key_t __key) __TM_THROW;
extern void *pthread_getspecific(pthread_key_t __key) __TM_THROW;
extern int pthread_setspecific(pthread_key_t __key, const void *__pointer) __TM_THROW;
__TM_END_C

#endif
