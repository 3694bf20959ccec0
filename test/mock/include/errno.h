/* Tether mock <errno.h> (hermetic). */
#ifndef TETHER_MOCK_ERRNO_H
#define TETHER_MOCK_ERRNO_H
#include <tether_mock/c_config.h>
__TM_BEGIN_C
extern int *__errno_location(void) __TM_THROW __attribute__((__const__));
__TM_END_C
#define errno (*__errno_location())
#define EPERM 1
#define ENOENT 2
#define EINTR 4
#define EIO 5
#define EBADF 9
#define EAGAIN 11
#define EWOULDBLOCK EAGAIN
#define ENOMEM 12
#define EACCES 13
#define EBUSY 16
#define EEXIST 17
#define EINVAL 22
#define EMFILE 24
#define EPIPE 32
#define EDEADLK 35
#define ETIMEDOUT 110
#define ECANCELED 125
#endif
