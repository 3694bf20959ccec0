// C library functions that only use a descriptor: mmap, dprintf, vdprintf,
// the *at functions (their directory descriptor), accept (its listening
// socket); and fcntl, which returns a new descriptor for F_DUPFD and
// F_DUPFD_CLOEXEC and only uses it for every other command.
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

void *mapFile(const char *path, size_t len) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return NULL;
  void *p = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
  if (p == MAP_FAILED)
    return NULL; // analyzer-warning{{descriptor opened by 'open' is not closed on this path}}
  close(fd);
  return p;
}

// Clean: the mapping outlives the descriptor, which is closed at once.
void *mapFileClosed(const char *path, size_t len) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return NULL;
  void *p = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  return p == MAP_FAILED ? NULL : p;
}

int greet(const char *path, const char *name) {
  int fd = open(path, O_WRONLY | O_CREAT, 0600);
  if (fd < 0)
    return -1;
  if (dprintf(fd, "hello %s\n", name) < 0)
    return -1; // analyzer-warning{{descriptor opened by 'open' is not closed on this path}}
  close(fd);
  return 0;
}

void logTo(const char *path, const char *fmt, va_list ap) {
  int fd = open(path, O_WRONLY | O_APPEND);
  if (fd < 0)
    return;
  vdprintf(fd, fmt, ap);
} // analyzer-warning{{descriptor opened by 'open' is not closed}}

int makeChild(const char *dir, const char *name) {
  int dfd = open(dir, O_RDONLY | O_DIRECTORY);
  if (dfd < 0)
    return -1;
  if (mkdirat(dfd, name, 0700) != 0)
    return -1; // analyzer-warning{{descriptor opened by 'open' is not closed on this path}}
  close(dfd);
  return 0;
}

int removeChild(const char *dir, const char *name) {
  int dfd = open(dir, O_RDONLY | O_DIRECTORY);
  if (dfd < 0)
    return -1;
  int rc = unlinkat(dfd, name, 0); // analyzer-warning{{descriptor opened by 'open' is not closed}}
  return rc;
}

// Clean: the directory descriptor is closed after use.
int childSize(const char *dir, const char *name) {
  int dfd = open(dir, O_RDONLY | O_DIRECTORY);
  if (dfd < 0)
    return -1;
  struct stat st;
  int rc = fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW);
  close(dfd);
  return rc == 0 ? (int)st.st_size : -1;
}

// Clean: accept only uses the listening socket.
void serveOnce(int port) {
  int lfd = socket(AF_INET, SOCK_STREAM, 0);
  if (lfd < 0)
    return;
  int c = accept(lfd, NULL, NULL);
  if (c >= 0)
    close(c);
  close(lfd);
}

void serveOnceLeaksListener(void) {
  int lfd = socket(AF_INET, SOCK_STREAM, 0);
  if (lfd < 0)
    return;
  int c = accept(lfd, NULL, NULL); // analyzer-warning{{descriptor opened by 'socket' is not closed}}
  if (c >= 0)
    close(c);
}

int duplicateAbove(int fd) {
  int copy = fcntl(fd, F_DUPFD_CLOEXEC, 3);
  if (copy < 0)
    return -1;
  if (write(copy, "x", 1) != 1)
    return -1; // analyzer-warning{{descriptor opened by 'fcntl' is not closed on this path}}
  return copy;
}

void duplicateDropped(int fd) {
  int copy = fcntl(fd, F_DUPFD, 10);
  if (copy < 0)
    return;
  fcntl(copy, F_SETFD, FD_CLOEXEC);
} // analyzer-warning{{descriptor opened by 'fcntl' is not closed}}

// Clean: the other commands only use the descriptor.
int setNonBlocking(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  int fl = fcntl(fd, F_GETFL);
  if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0) {
    close(fd);
    return -1;
  }
  return fd;
}
