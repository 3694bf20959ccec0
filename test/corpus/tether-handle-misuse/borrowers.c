// Use after close through the borrowers the model knows: mmap, dprintf,
// the *at functions, accept's listening socket, fcntl and dup.
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

void *mapAfterClose(const char *path, size_t len) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return NULL;
  close(fd);
  return mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0); // analyzer-warning{{'mmap' uses a descriptor after 'close' closed it}}
}

void printAfterClose(const char *path) {
  int fd = open(path, O_WRONLY);
  if (fd < 0)
    return;
  close(fd);
  dprintf(fd, "x\n"); // analyzer-warning{{'dprintf' uses a descriptor after 'close' closed it}}
}

void acceptAfterClose(void) {
  int lfd = socket(AF_INET, SOCK_STREAM, 0);
  if (lfd < 0)
    return;
  close(lfd);
  int c = accept(lfd, NULL, NULL); // analyzer-warning{{'accept' uses a descriptor after 'close' closed it}}
  if (c >= 0)
    close(c);
}

int openatAfterClose(const char *dir, const char *name) {
  int dfd = open(dir, O_RDONLY | O_DIRECTORY);
  if (dfd < 0)
    return -1;
  close(dfd);
  return openat(dfd, name, O_RDONLY); // analyzer-warning{{'openat' uses a descriptor after 'close' closed it}}
}

int mkdiratAfterClose(const char *dir, const char *name) {
  int dfd = open(dir, O_RDONLY | O_DIRECTORY);
  if (dfd < 0)
    return -1;
  close(dfd);
  return mkdirat(dfd, name, 0700); // analyzer-warning{{'mkdirat' uses a descriptor after 'close' closed it}}
}

int dupAfterClose(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  close(fd);
  return fcntl(fd, F_DUPFD_CLOEXEC, 3); // analyzer-warning{{'fcntl' uses a descriptor after 'close' closed it}}
}

// Clean: every use comes before the close.
int usesThenCloses(const char *dir, const char *name) {
  int dfd = open(dir, O_RDONLY | O_DIRECTORY);
  if (dfd < 0)
    return -1;
  int fd = openat(dfd, name, O_RDONLY);
  mkdirat(dfd, "sub", 0700);
  int copy = fcntl(dfd, F_DUPFD_CLOEXEC, 3);
  if (copy >= 0)
    close(copy);
  close(dfd);
  return fd;
}
