// Descriptors: every acquire function and the failure checks real code
// writes (`== -1`, `< 0`, `<= -1`).
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

int open64(const char *path, int flags, ...);
int mkostemp(char *tmpl, int flags);
int posix_openpt(int flags);

int openEqualsMinusOne(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd == -1)
    return -1;
  char buf[16];
  if (read(fd, buf, sizeof buf) <= 0)
    return -1; // analyzer-warning{{descriptor opened by 'open' is not closed on this path; call 'close'}}
  close(fd);
  return 0;
}

// Clean: `< 0` failure check, closed on the success path.
int openLessThanZero(const char *path) {
  int fd = open(path, O_RDONLY | O_CREAT, 0644);
  if (fd < 0)
    return -1;
  close(fd);
  return 0;
}

void open64Leak(const char *path) {
  int fd = open64(path, O_RDONLY);
  if (fd <= -1)
    return;
  lseek(fd, 0, 0);
} // analyzer-warning{{descriptor opened by 'open64' is not closed}}

void openatLeak(int dir, const char *name) {
  int fd = openat(dir, name, O_RDONLY);
  if (fd >= 0)
    fsync(fd);
} // analyzer-warning{{descriptor opened by 'openat' is not closed}}

// Clean: the directory descriptor openat borrows stays the caller's.
int openatBorrowsTheDirectory(int dir, const char *name) {
  int fd = openat(dir, name, O_RDONLY);
  if (fd < 0)
    return -1;
  close(fd);
  return 0;
}

void creatLeak(const char *path) {
  int fd = creat(path, 0600);
  if (fd < 0)
    return;
  write(fd, "x", 1);
} // analyzer-warning{{descriptor opened by 'creat' is not closed}}

int socketLeak(void) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0)
    return -1;
  if (listen(s, 8) != 0)
    return -1; // analyzer-warning{{descriptor opened by 'socket' is not closed}}
  close(s);
  return 0;
}

void acceptLeak(int listener) {
  int client = accept(listener, NULL, NULL);
  if (client < 0)
    return;
  send(client, "hi", 2, 0);
} // analyzer-warning{{descriptor opened by 'accept' is not closed}}

void accept4Leak(int listener) {
  int client = accept4(listener, NULL, NULL, 0);
  if (client == -1)
    return;
  recv(client, NULL, 0, 0);
} // analyzer-warning{{descriptor opened by 'accept4' is not closed}}

void dupLeak(int fd) {
  int copy = dup(fd);
  if (copy < 0)
    return;
  fcntl(copy, F_GETFD);
} // analyzer-warning{{descriptor opened by 'dup' is not closed}}

// Clean: dup2 and dup3 hand back the descriptor number the caller chose.
void dup2IsABorrow(int fd, int target) {
  dup2(fd, target);
  dup3(fd, target, 0);
}

void eventfdLeak(void) {
  int e = eventfd(0, EFD_CLOEXEC);
  if (e < 0)
    return;
  eventfd_write(e, 1);
} // analyzer-warning{{descriptor opened by 'eventfd' is not closed}}

void timerfdLeak(void) {
  int t = timerfd_create(CLOCK_MONOTONIC, 0);
  if (t == -1)
    return;
  timerfd_gettime(t, NULL);
} // analyzer-warning{{descriptor opened by 'timerfd_create' is not closed}}

void signalfdLeak(const sigset_t *mask) {
  int s = signalfd(-1, mask, 0);
  if (s < 0)
    return;
} // analyzer-warning{{descriptor opened by 'signalfd' is not closed}}

// Clean: signalfd on an existing descriptor updates it.
void signalfdUpdates(int existing, const sigset_t *mask) {
  signalfd(existing, mask, 0);
}

void epollLeak(void) {
  int ep = epoll_create1(EPOLL_CLOEXEC);
  if (ep < 0)
    return;
  int old = epoll_create(16);
  if (old < 0) {
    close(ep);
    return;
  }
  close(ep); // analyzer-warning{{descriptor opened by 'epoll_create' is not closed}}
}

void inotifyLeak(const char *dir) {
  int in = inotify_init1(IN_CLOEXEC);
  if (in < 0)
    return;
  inotify_add_watch(in, dir, IN_MODIFY);
  int legacy = inotify_init(); // analyzer-warning{{descriptor opened by 'inotify_init1' is not closed}}
  if (legacy >= 0)
    close(legacy);
}

void memfdLeak(void) {
  int m = memfd_create("buf", MFD_CLOEXEC);
  if (m < 0)
    return;
  ftruncate(m, 4096);
} // analyzer-warning{{descriptor opened by 'memfd_create' is not closed}}

void mkstempLeak(char *tmpl) {
  int fd = mkstemp(tmpl);
  if (fd == -1)
    return;
  unlink(tmpl); // analyzer-warning{{descriptor opened by 'mkstemp' is not closed}}
}

void mkostempLeak(char *tmpl) {
  int fd = mkostemp(tmpl, O_CLOEXEC);
  if (fd < 0)
    return;
} // analyzer-warning{{descriptor opened by 'mkostemp' is not closed}}

void ptyLeak(void) {
  int master = posix_openpt(O_RDWR);
  if (master < 0)
    return;
} // analyzer-warning{{descriptor opened by 'posix_openpt' is not closed}}

int pipeLeaksOneEnd(void) {
  int fds[2];
  if (pipe(fds) != 0)
    return -1;
  close(fds[0]); // analyzer-warning{{descriptor opened by 'pipe' is not closed}}
  return 0;
}

// Clean: both ends closed.
int pipeClosed(void) {
  int fds[2];
  if (pipe(fds) == -1)
    return -1;
  write(fds[1], "x", 1);
  close(fds[1]);
  close(fds[0]);
  return 0;
}

// Both ends leak: one report per acquisition site.
int pipe2LeaksBoth(void) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) < 0)
    return -1;
  return 0; // analyzer-warning{{descriptor opened by 'pipe2' is not closed}}
}

int socketpairLeak(void) {
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
    return -1;
  close(sv[1]); // analyzer-warning{{descriptor opened by 'socketpair' is not closed}}
  return 0;
}

// Clean: the array belongs to the caller (an out-parameter).
int makePipe(int fds[2]) {
  if (pipe2(fds, O_CLOEXEC))
    return -1;
  if (fcntl(fds[0], F_GETFL) < 0) {
    close(fds[0]);
    close(fds[1]);
    return -1;
  }
  return 0;
}

// Clean: the array is a field of an object the caller owns.
struct Channel {
  int fds[2];
};
int openChannel(struct Channel *c) {
  return socketpair(AF_UNIX, SOCK_STREAM, 0, c->fds);
}

// Two descriptors, the second failed: only the first leaks (one report).
int copyFile(const char *from, const char *to) {
  int in = open(from, O_RDONLY);
  if (in < 0)
    return -1;
  int out = open(to, O_WRONLY | O_CREAT, 0644);
  if (out < 0) {
    return -2; // analyzer-warning{{descriptor opened by 'open' is not closed}}
  }
  char buf[64];
  ssize_t got = read(in, buf, sizeof buf);
  if (got > 0)
    write(out, buf, (size_t)got);
  close(out);
  close(in);
  return 0;
}
