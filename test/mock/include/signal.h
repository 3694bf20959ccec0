/* Tether mock <signal.h> (hermetic). */
#ifndef TETHER_MOCK_SIGNAL_H
#define TETHER_MOCK_SIGNAL_H
#include <tether_mock/c_config.h>
#include <sys/types.h>
#define SIGINT 2
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGTERM 15
__TM_BEGIN_C
typedef int sig_atomic_t;
typedef struct { unsigned long __val[16]; } sigset_t;
typedef void (*sighandler_t)(int);
#define SIG_DFL ((sighandler_t)0)
#define SIG_IGN ((sighandler_t)1)
extern sighandler_t signal(int __sig, sighandler_t __handler) __TM_THROW;
extern int raise(int __sig) __TM_THROW;
extern int kill(pid_t __pid, int __sig) __TM_THROW;
__TM_END_C
#endif
