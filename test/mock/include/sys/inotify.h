#pragma once
#include <stdint.h>
// Mock of glibc's <sys/inotify.h>.
#ifdef __cplusplus
extern "C" {
#endif
#define IN_CLOEXEC 02000000
#define IN_MODIFY 0x00000002
extern int inotify_init(void);
extern int inotify_init1(int __flags);
extern int inotify_add_watch(int __fd, const char *__name, uint32_t __mask);
extern int inotify_rm_watch(int __fd, int __wd);
#ifdef __cplusplus
}
#endif
