// glibc's fortified functions, with the flags of every distribution's
// build: read, recv, fgets, fread, vfprintf... are inline functions of the
// system headers that call an unknown __read_chk or __fgets_chk, and in C
// fprintf and dprintf are macros that call __fprintf_chk and
// __dprintf_chk. The handle is only used by them, as without fortify.
// REAL-HEADERS
// RUN-ARGS: -O2 -D_FORTIFY_SOURCE=2 -D_GNU_SOURCE
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

int firstByte(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  char c;
  if (read(fd, &c, 1) != 1)
    return -1; // analyzer-warning{{descriptor opened by 'open' is not closed on this path}}
  close(fd);
  return c;
}

// Clean: closed on both paths.
int firstByteClosed(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  char c;
  if (read(fd, &c, 1) != 1) {
    close(fd);
    return -1;
  }
  close(fd);
  return c;
}

int firstLine(const char *cmd, char *out, int n) {
  FILE *p = popen(cmd, "r");
  if (!p)
    return -1;
  if (!fgets(out, n, p))
    return -1; // analyzer-warning{{pipe stream opened by 'popen' is not closed on this path}}
  return pclose(p);
}

// Clean: pclose on both paths.
int firstLineClosed(const char *cmd, char *out, int n) {
  FILE *p = popen(cmd, "r");
  if (!p)
    return -1;
  char *got = fgets(out, n, p);
  pclose(p);
  return got ? 0 : -1;
}

void header(const char *path) {
  FILE *f = fopen(path, "w");
  if (!f)
    return;
  fprintf(f, "v%d\n", 1);
} // analyzer-warning{{file stream opened by 'fopen' is not closed}}

// Clean: fprintf (the __fprintf_chk macro) only uses the stream.
void headerClosed(const char *path) {
  FILE *f = fopen(path, "w");
  if (!f)
    return;
  fprintf(f, "v%d\n", 1);
  fclose(f);
}

void greet(const char *path) {
  int fd = open(path, O_WRONLY | O_CREAT, 0600);
  if (fd < 0)
    return;
  dprintf(fd, "hello %d\n", 1);
} // analyzer-warning{{descriptor opened by 'open' is not closed}}

void sizeOnly(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return;
  struct stat st;
  fstat(fd, &st);
} // analyzer-warning{{descriptor opened by 'open' is not closed}}

void firstRecord(const char *path, void *buf) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return;
  if (fread(buf, 16, 1, f) != 1)
    return; // analyzer-warning{{file stream opened by 'fopen' is not closed on this path}}
  fclose(f);
}

void serveOne(int listener) {
  int c = accept(listener, NULL, NULL);
  if (c < 0)
    return;
  char buf[8];
  recv(c, buf, sizeof buf, 0);
} // analyzer-warning{{descriptor opened by 'accept' is not closed}}

// Clean: recv (fortified) and close.
void serveOneClosed(int listener) {
  int c = accept(listener, NULL, NULL);
  if (c < 0)
    return;
  char buf[8];
  recv(c, buf, sizeof buf, 0);
  close(c);
}

void logTo(const char *path, const char *fmt, va_list ap) {
  FILE *f = fopen(path, "a");
  if (!f)
    return;
  vfprintf(f, fmt, ap);
} // analyzer-warning{{file stream opened by 'fopen' is not closed}}
