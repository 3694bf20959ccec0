// Directory streams, and ownership moving between a descriptor and the
// stream that wraps it.
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int countEntries(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return -1;
  int n = 0;
  while (readdir(d))
    ++n;
  if (n == 0)
    return -1; // analyzer-warning{{directory stream opened by 'opendir' is not closed on this path; call 'closedir'}}
  closedir(d);
  return n;
}

// Clean.
int closedDirectory(const char *path) {
  DIR *d = opendir(path);
  if (d == NULL)
    return -1;
  rewinddir(d);
  closedir(d);
  return 0;
}

// Clean: fdopendir takes over the descriptor; closedir closes both.
int fdopendirTakesOver(const char *path) {
  int fd = open(path, O_RDONLY | O_DIRECTORY);
  if (fd < 0)
    return -1;
  DIR *d = fdopendir(fd);
  if (!d) {
    close(fd); // on failure the descriptor is still ours
    return -1;
  }
  readdir(d);
  closedir(d);
  return 0;
}

// fdopendir failed and nobody closes the descriptor.
int fdopendirFailureLeaksTheDescriptor(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  DIR *d = fdopendir(fd); // analyzer-warning{{descriptor opened by 'open' is not closed}}
  if (!d)
    return -1;
  closedir(d);
  return 0;
}

// Clean: fdopen takes over the descriptor; fclose closes both.
int fdopenTakesOver(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd == -1)
    return -1;
  FILE *f = fdopen(fd, "r");
  if (!f) {
    close(fd);
    return -1;
  }
  fgetc(f);
  fclose(f);
  return 0;
}

// The stream owns the descriptor now, and the stream leaks.
void fdopenThenLeak(int sock) {
  int fd = dup(sock);
  if (fd < 0)
    return;
  FILE *f = fdopen(fd, "w");
  if (!f) {
    close(fd);
    return;
  }
  fputs("x", f);
} // analyzer-warning{{file stream opened by 'fdopen' is not closed}}

// Clean: dirfd lends the directory's descriptor.
int dirfdIsBorrowed(const char *path) {
  DIR *d = opendir(path);
  if (!d)
    return -1;
  int fd = dirfd(d);
  fsync(fd);
  closedir(d);
  return 0;
}
