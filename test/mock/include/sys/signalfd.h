#pragma once
#include <signal.h>
// Mock of glibc's <sys/signalfd.h>.
#ifdef __cplusplus
extern "C" {
#endif
#define SFD_CLOEXEC 02000000
extern int signalfd(int __fd, const sigset_t *__mask, int __flags);
#ifdef __cplusplus
}
#endif
