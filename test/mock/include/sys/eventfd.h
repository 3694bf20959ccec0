#pragma once
#include <stdint.h>
// Mock of glibc's <sys/eventfd.h> (what Tether's checks model).
#ifdef __cplusplus
extern "C" {
#endif
typedef uint64_t eventfd_t;
#define EFD_CLOEXEC 02000000
#define EFD_NONBLOCK 04000
extern int eventfd(unsigned int __count, int __flags);
extern int eventfd_read(int __fd, eventfd_t *__value);
extern int eventfd_write(int __fd, eventfd_t __value);
#ifdef __cplusplus
}
#endif
