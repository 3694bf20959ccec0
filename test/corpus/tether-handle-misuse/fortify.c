// Misuse through glibc's fortified functions (-O2 -D_FORTIFY_SOURCE=2):
// fprintf is the __fprintf_chk macro in C, read an inline function that
// calls __read_chk; neither hands the handle over.
// REAL-HEADERS
// RUN-ARGS: -O2 -D_FORTIFY_SOURCE=2 -D_GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

void twice(const char *path) {
  FILE *f = fopen(path, "w");
  if (!f)
    return;
  fprintf(f, "%d\n", 1);
  fclose(f);
  fclose(f); // analyzer-warning{{'fclose' closes a file stream that was already closed by 'fclose'}}
}

// Clean: closed once.
void once(const char *path) {
  FILE *f = fopen(path, "w");
  if (!f)
    return;
  fprintf(f, "%d\n", 1);
  fclose(f);
}

int closedTwiceAfterRead(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  char c;
  if (read(fd, &c, 1) != 1)
    close(fd);
  close(fd); // analyzer-warning{{'close' closes a descriptor that was already closed by 'close'}}
  return 0;
}

int writeHeader(const char *path) {
  int fd = open(path, O_WRONLY | O_CREAT, 0600);
  if (fd < 0)
    return -1;
  FILE *f = fdopen(fd, "w");
  if (!f) {
    close(fd);
    return -1;
  }
  fprintf(f, "v1\n");
  fclose(f);
  close(fd); // analyzer-warning{{'close' closes a descriptor that was already closed by 'fclose'}}
  return 0;
}

// Clean: the stream closes the descriptor.
int writeHeaderOnce(const char *path) {
  int fd = open(path, O_WRONLY | O_CREAT, 0600);
  if (fd < 0)
    return -1;
  FILE *f = fdopen(fd, "w");
  if (!f) {
    close(fd);
    return -1;
  }
  fprintf(f, "v1\n");
  fclose(f);
  return 0;
}
