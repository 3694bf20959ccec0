/* Tether mock <sys/socket.h> (hermetic). Linux values. */
#ifndef TETHER_MOCK_SYS_SOCKET_H
#define TETHER_MOCK_SYS_SOCKET_H
#include <tether_mock/c_config.h>
#include <sys/types.h>

typedef unsigned int socklen_t;
typedef unsigned short sa_family_t;

#define AF_UNSPEC 0
#define AF_UNIX 1
#define AF_LOCAL AF_UNIX
#define AF_INET 2
#define AF_INET6 10
#define PF_UNIX AF_UNIX
#define PF_INET AF_INET
#define PF_INET6 AF_INET6

#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define SOCK_RAW 3
#define SOCK_SEQPACKET 5
#define SOCK_NONBLOCK 04000
#define SOCK_CLOEXEC 02000000

#define SOL_SOCKET 1
#define SO_REUSEADDR 2
#define SO_KEEPALIVE 9
#define SO_REUSEPORT 15
#define SOMAXCONN 4096

#define SHUT_RD 0
#define SHUT_WR 1
#define SHUT_RDWR 2

#define MSG_NOSIGNAL 0x4000
#define MSG_DONTWAIT 0x40

__TM_BEGIN_C
struct sockaddr {
  sa_family_t sa_family;
  char sa_data[14];
};

struct sockaddr_storage {
  sa_family_t ss_family;
  char __ss_padding[118];
  unsigned long __ss_align;
};

extern int socket(int __domain, int __type, int __protocol) __TM_THROW;
extern int socketpair(int __domain, int __type, int __protocol, int __fds[2]) __TM_THROW;
extern int bind(int __fd, const struct sockaddr *__addr, socklen_t __len) __TM_THROW;
extern int listen(int __fd, int __n) __TM_THROW;
extern int accept(int __fd, struct sockaddr *__restrict __addr, socklen_t *__restrict __addr_len);
extern int accept4(int __fd, struct sockaddr *__restrict __addr, socklen_t *__restrict __addr_len,
                   int __flags);
extern int connect(int __fd, const struct sockaddr *__addr, socklen_t __len);
extern ssize_t send(int __fd, const void *__buf, size_t __n, int __flags);
extern ssize_t recv(int __fd, void *__buf, size_t __n, int __flags);
extern ssize_t sendto(int __fd, const void *__buf, size_t __n, int __flags,
                      const struct sockaddr *__addr, socklen_t __addr_len);
extern ssize_t recvfrom(int __fd, void *__restrict __buf, size_t __n, int __flags,
                        struct sockaddr *__restrict __addr, socklen_t *__restrict __addr_len);
extern int shutdown(int __fd, int __how) __TM_THROW;
extern int setsockopt(int __fd, int __level, int __optname, const void *__optval,
                      socklen_t __optlen) __TM_THROW;
extern int getsockopt(int __fd, int __level, int __optname, void *__restrict __optval,
                      socklen_t *__restrict __optlen) __TM_THROW;
extern int getsockname(int __fd, struct sockaddr *__restrict __addr, socklen_t *__restrict __len)
    __TM_THROW;
__TM_END_C

#endif
