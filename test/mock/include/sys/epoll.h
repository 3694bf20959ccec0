#pragma once
#include <stdint.h>
// Mock of glibc's <sys/epoll.h>.
#ifdef __cplusplus
extern "C" {
#endif
typedef union epoll_data { void *ptr; int fd; uint32_t u32; uint64_t u64; } epoll_data_t;
struct epoll_event { uint32_t events; epoll_data_t data; };
#define EPOLL_CLOEXEC 02000000
#define EPOLL_CTL_ADD 1
#define EPOLLIN 0x001
extern int epoll_create(int __size);
extern int epoll_create1(int __flags);
extern int epoll_ctl(int __epfd, int __op, int __fd, struct epoll_event *__event);
extern int epoll_wait(int __epfd, struct epoll_event *__events, int __maxevents, int __timeout);
#ifdef __cplusplus
}
#endif
